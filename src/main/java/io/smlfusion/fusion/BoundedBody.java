package io.smlfusion.fusion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a cell's answer body, bounded in size ({@link AnswerLimit}) and in time
 * (the call's {@link Deadline}): a cell cannot make the fusion hold more bytes than the largest
 * snapshot it accepts, nor keep a thread reading beyond the deadline.
 */
final class BoundedBody {

    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {
    }

    /**
     * @throws CellFailure {@code ERROR} past the limit, {@code TIMEOUT} once the deadline has passed
     */
    static byte[] read(InputStream in, AnswerLimit limit, Deadline deadline) throws CellFailure, IOException {
        long maxBytes = limit.bytes();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(maxBytes, CHUNK));
        byte[] chunk = new byte[CHUNK];
        while (true) {
            if (deadline.passed()) {
                throw deadline.exceeded();
            }
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1 - body.size()));
            if (read < 0) {
                return body.toByteArray();
            }
            body.write(chunk, 0, read);
            if (body.size() > maxBytes) {
                throw limit.exceededBy("more than " + maxBytes + " bytes");
            }
        }
    }

    /** Up to {@code maxBytes} of an error answer, enough to classify it; never more, never past the deadline. */
    static byte[] prefix(InputStream in, int maxBytes, Deadline deadline) throws IOException {
        byte[] prefix = new byte[maxBytes];
        int filled = 0;
        while (filled < maxBytes && !deadline.passed()) {
            int read = in.read(prefix, filled, maxBytes - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return java.util.Arrays.copyOf(prefix, filled);
    }
}
