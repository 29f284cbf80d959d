package io.smlfusion.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read into one array while each chunk goes through the signature check where it
 * lies: the one copy between the socket and the resources (the body must be whole before the MAC
 * can clear it, and a resource must never act on unverified bytes).
 *
 * <p>Memory follows the bytes actually received: an announced {@code Content-Length} is trusted for
 * at most {@value #PREALLOCATED_MAX} bytes up front (a typical learn batch fits, and is then read
 * without any regrowth); above that the array doubles as data arrives, never past the announced
 * length.
 */
final class ReceivedBody {

    static final int PREALLOCATED_MAX = 1 << 20;
    private static final int FIRST_CHUNK = 8192;
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int length;

    private ReceivedBody(int capacity) {
        bytes = new byte[capacity];
    }

    /**
     * @param announcedLength the {@code Content-Length}, or -1 when unknown
     */
    static ReceivedBody read(InputStream in, long announcedLength, BodyVerification verification) throws IOException {
        ReceivedBody body = new ReceivedBody((int) Math.min(Math.max(announcedLength, 0), PREALLOCATED_MAX));
        while (true) {
            if (body.length == body.bytes.length) {
                int next = in.read();
                if (next < 0) {
                    return body;
                }
                body.grow(announcedLength);
                body.bytes[body.length] = (byte) next;
                verification.update(body.bytes, body.length, 1);
                body.length++;
            }
            int n = in.read(body.bytes, body.length, body.bytes.length - body.length);
            if (n < 0) {
                return body;
            }
            verification.update(body.bytes, body.length, n);
            body.length += n;
        }
    }

    InputStream asStream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    private void grow(long announcedLength) throws IOException {
        if (length >= MAX_LENGTH) {
            throw new IOException("A request body above " + MAX_LENGTH + " bytes cannot be verified (lower smlfusion.request.max.bytes)");
        }
        long doubled = Math.max(FIRST_CHUNK, 2L * bytes.length);
        long capacity = announcedLength > length ? Math.min(doubled, announcedLength) : doubled;
        byte[] grown = new byte[(int) Math.min(capacity, MAX_LENGTH)];
        System.arraycopy(bytes, 0, grown, 0, length);
        bytes = grown;
    }
}
