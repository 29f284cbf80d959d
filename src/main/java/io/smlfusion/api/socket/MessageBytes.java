package io.smlfusion.api.socket;

import java.util.Arrays;

/**
 * The parts of one binary WebSocket message, joined as they arrive. Grows by doubling, so a message
 * costs at most twice its length while it is assembled; {@link #take} hands the bytes over and
 * starts again from nothing, so an idle connection keeps no buffer.
 */
final class MessageBytes {

    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int length;

    long length() {
        return length;
    }

    /** The caller has checked the bound: {@code length() + part.length} fits the message limit. */
    void append(byte[] part) {
        int need = length + part.length;
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(need, Math.min(2 * bytes.length, Integer.MAX_VALUE - 8)));
        }
        System.arraycopy(part, 0, bytes, length, part.length);
        length = need;
    }

    /** The message, exactly {@link #length()} bytes; this buffer is empty afterwards. */
    byte[] take() {
        byte[] message = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        drop();
        return message;
    }

    void drop() {
        bytes = NONE;
        length = 0;
    }
}
