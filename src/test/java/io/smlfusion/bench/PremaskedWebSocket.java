package io.smlfusion.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * A WebSocket client for load tests that costs its machine next to nothing per message: frames
 * are built and masked once ({@link #frame}) and then written as they are, so sending a message is
 * one socket write. The JDK's client masks and copies every message again, which on a machine
 * shared with the server takes the server's CPU. Reusing a masking key breaks RFC 6455 §5.3 (keys
 * must be unpredictable, against cache poisoning by intermediaries) — acceptable for a load test
 * on a loopback or private link, never for a real client. Plain {@code ws://} only.
 */
final class PremaskedWebSocket implements AutoCloseable {

    private static final int BINARY = 0x2;
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /** Opens {@code ws://host:port/path} with the HTTP/1.1 upgrade of RFC 6455 §4.1. */
    PremaskedWebSocket(URI url) throws IOException {
        socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        byte[] nonce = new byte[16];
        new SplittableRandom().nextBytes(nonce);
        String upgrade = "GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
        out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no WebSocket upgrade from " + url + ": " + head.lines().findFirst().orElse(""));
        }
    }

    /** A client frame (FIN set, masked) carrying the whole message: binary, or text when {@code text}. */
    static byte[] frame(byte[] payload, boolean text) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | (text ? TEXT : BINARY));
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] key = new byte[4];
        new SplittableRandom().nextBytes(key);
        frame.writeBytes(key);
        byte[] masked = payload.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] ^= key[i & 3];
        }
        frame.writeBytes(masked);
        return frame.toByteArray();
    }

    void send(byte[] frame) throws IOException {
        out.write(frame);
    }

    /** The next text message of the server, its fragments joined. */
    String answer() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean last;
        do {
            int first = in.readUnsignedByte();
            last = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == CLOSE) {
                throw new IOException("the server closed the connection: " + new String(payload, StandardCharsets.UTF_8));
            }
            message.writeBytes(payload);
        } while (!last);
        return message.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection during the upgrade");
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
