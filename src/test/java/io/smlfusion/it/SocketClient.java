package io.smlfusion.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSocket client of the SymetryML API written from its description (spec §2.6) and the vendor
 * client's behaviour, independent of the server's code: message {@code <length>,<headerJson><payload>},
 * {@code headers = [sym-date, content-md5, authorization, cid]}, string to sign
 * {@code md5\nsecret\ndate\ncid\npayload\n<resource>\n<extraKey>…}; binary messages (Arrow
 * streams) framed alike in bytes, the payload signed as its raw bytes. Collects the server's text
 * messages and its close code.
 */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private static final DateTimeFormatter SYM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How the string to sign names the endpoint and ends. */
    public enum SigningForm {
        /** the vendor's Rust client: the full ws:// URL, a line feed after every extra key */
        VENDOR_CLIENT,
        /** the documentation: the path, no line feed after the last extra key */
        DOCUMENTED
    }

    private final String url;
    private final String cid;
    private final String secret;
    private final WebSocket socket;
    private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder part = new StringBuilder();

    SocketClient(String call, String cid, String secret) {
        this(SignedClient.BASE, call, cid, secret);
    }

    /** A connection to {@code ws://…/symetry/ws/<call>} of the server at {@code httpBase} ({@code http://host:port}). */
    public SocketClient(String httpBase, String call, String cid, String secret) {
        this.url = httpBase.replaceFirst("^http", "ws") + "/symetry/ws/" + call;
        this.cid = cid;
        this.secret = secret;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), this).join();
    }

    static SocketClient bootstrap(String call) {
        return new SocketClient(call, SignedClient.BOOTSTRAP_CID, SignedClient.BOOTSTRAP_SECRET);
    }

    /** The first message of a connection: header block and payload, signed now. */
    public String signed(String payload, SigningForm form, String... extraKeys) {
        return signedAt(payload, form, symDate(ZonedDateTime.now(ZoneOffset.UTC)), extraKeys);
    }

    String signedAt(String payload, SigningForm form, String symDate, String... extraKeys) {
        return new String(framed(payload.getBytes(StandardCharsets.UTF_8), form, symDate, extraKeys), StandardCharsets.UTF_8);
    }

    /** The first binary message of a connection: the same framing in bytes, then the payload's raw bytes, signed as they are. */
    public byte[] signed(byte[] payload, SigningForm form, String... extraKeys) {
        return framed(payload, form, symDate(ZonedDateTime.now(ZoneOffset.UTC)), extraKeys);
    }

    private byte[] framed(byte[] payload, SigningForm form, String symDate, String... extraKeys) {
        return framed(url, cid, secret, payload, form, symDate, extraKeys);
    }

    /**
     * A first message for a connection to {@code url} ({@code ws://host:port/symetry/ws/<call>}),
     * signed now: header block and payload, for clients other than this one.
     */
    public static byte[] signedMessage(String url, String cid, String secret, byte[] payload, SigningForm form, String... extraKeys) {
        return framed(url, cid, secret, payload, form, symDate(ZonedDateTime.now(ZoneOffset.UTC)), extraKeys);
    }

    private static byte[] framed(String url, String cid, String secret, byte[] payload, SigningForm form, String symDate,
                                 String... extraKeys) {
        String md5 = base64(digest("MD5", payload));
        String resource = form == SigningForm.VENDOR_CLIENT ? url : URI.create(url).getPath();
        StringBuilder afterPayload = new StringBuilder().append('\n').append(resource);
        for (String key : extraKeys) {
            afterPayload.append('\n').append(key);
        }
        if (form == SigningForm.VENDOR_CLIENT) {
            afterPayload.append('\n');
        }
        String signature = hmac(secret, md5 + '\n' + secret + '\n' + symDate + '\n' + cid + '\n', payload, afterPayload.toString());
        String header = "{\"headers\":[" + quoted(symDate) + "," + quoted(md5) + "," + quoted(signature) + ","
                + quoted(cid) + "],\"extraKeys\":[" + String.join(",", List.of(extraKeys).stream().map(SocketClient::quoted).toList()) + "]}";
        byte[] framing = (header.getBytes(StandardCharsets.UTF_8).length + "," + header).getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(framing, framing.length + payload.length);
        System.arraycopy(payload, 0, message, framing.length, payload.length);
        return message;
    }

    static String symDate(ZonedDateTime time) {
        return SYM_DATE.format(time) + ";" + time.getNano();
    }

    public void send(String message) {
        socket.sendText(message, true).join();
    }

    public void send(byte[] message) {
        socket.sendBinary(ByteBuffer.wrap(message), true).join();
    }

    /** The next answer of the server, failing after 20 s. */
    public String answer() throws InterruptedException {
        String answer = answers.poll(20, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("no answer within 20 s from " + url);
        }
        return answer;
    }

    /** The status code of the server's close frame, failing after 20 s. */
    int closeCode() throws Exception {
        return closeCode.get(20, TimeUnit.SECONDS);
    }

    List<String> answers(int count) throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(answer());
        }
        return all;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        part.append(data);
        if (last) {
            answers.add(part.toString());
            part.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private static String hmac(String secret, String beforePayload, byte[] payload, String afterPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
            mac.update(beforePayload.getBytes(StandardCharsets.UTF_8));
            mac.update(payload);
            return base64(mac.doFinal(afterPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
