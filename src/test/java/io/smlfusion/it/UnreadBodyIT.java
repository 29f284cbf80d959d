package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.SymDate;

/**
 * A request refused on its headers is answered without its body being read, and its connection
 * closed: a client still sending a large body gets the answer while it sends, then a closed socket.
 * Spoken over a raw socket, so that the test sees how far the client got when the answer arrived.
 * (Liberty's HTTP channel discards the rest of a declared body before it closes a connection; the
 * application never reads, buffers or hashes it.)
 */
class UnreadBodyIT {

    /** Under the IT server's smlfusion.request.max.bytes (8 MiB), so only the signature check can refuse it early. */
    private static final int BODY_BYTES = 7 << 20;
    /** Over that limit: refused on its Content-Length. */
    private static final int TOO_LARGE_BYTES = 9 << 20;
    private static final int CHUNK = 16 << 10;
    private static final long PAUSE_MS = 10;

    @Test
    void aLargePostWithoutAuthenticationIsAnsweredWhileItsBodyIsStillBeingSent() throws Exception {
        assertRefusedEarly("", BODY_BYTES, "400", "Authentication header is null");
    }

    @Test
    void aBodyAnnouncedAboveTheLimitIsAnsweredWhileItIsStillBeingSent() throws Exception {
        assertRefusedEarly("", TOO_LARGE_BYTES, "413", "smlfusion.request.max.bytes");
    }

    @Test
    void aLargePostForAnUnknownCustomerIsAnsweredWhileItsBodyIsStillBeingSent() throws Exception {
        String signedLooking = "Authorization: dGxUVGm4SnQjGz2tmHqanglKWyWhL8gKSia6hh3B2vI=\r\n"
                + "sym-date: " + SymDate.now(Clock.systemUTC()) + "\r\n";
        assertRefusedEarly(signedLooking, BODY_BYTES, "401", "Invalid Signature");
    }

    private static void assertRefusedEarly(String extraHeaders, int bodyBytes, String status, String statusString) throws Exception {
        int port = Integer.parseInt(System.getProperty("http.port", "9080"));
        String cid = "unread" + System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /symetry/rest/" + cid + "/projects/p/learn HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bodyBytes + "\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<IOException> sending = CompletableFuture.supplyAsync(() -> send(out, bodyBytes, sent));

            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            long sentWhenAnswered = sent.get();
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            char[] body = new char[4096];
            int bodyLength = Math.max(0, in.read(body));
            String answer = new String(body, 0, bodyLength);

            assertTrue(statusLine != null && statusLine.contains(" " + status + " "), statusLine);
            assertTrue(answer.contains(statusString), answer);
            assertTrue(headers.contains("connection: close"), headers::toString);
            assertTrue(sentWhenAnswered < bodyBytes / 2, "answered after " + sentWhenAnswered + " of " + bodyBytes + " bytes");

            IOException stopped = sending.get(60, TimeUnit.SECONDS);
            System.out.printf("[UnreadBodyIT] %s: answered after %,d of %,d bytes sent; sending ended after %,d bytes (%s)%n",
                    status, sentWhenAnswered, bodyBytes, sent.get(), stopped == null ? "complete" : stopped.getMessage());
            assertTrue(endOfStream(socket), "nothing after the answer: the connection is closed, not kept for another request");
        }
    }

    /** At the end of the stream, or reset: both mean the server closed the connection. */
    private static boolean endOfStream(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Sends the body slowly (about 1.6 MB/s); answers the exception that ended it, null when it all went. */
    private static IOException send(OutputStream out, int bodyBytes, AtomicLong sent) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) '1');
        try {
            while (sent.get() < bodyBytes) {
                int n = (int) Math.min(CHUNK, bodyBytes - sent.get());
                out.write(chunk, 0, n);
                out.flush();
                sent.addAndGet(n);
                Thread.sleep(PAUSE_MS);
            }
            return null;
        } catch (IOException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IOException(e);
        }
    }
}
