package io.smlfusion.api.socket;

import java.util.Arrays;

/**
 * The parts of one binary WebSocket message, joined as they arrive. A message starts at the length
 * of the connection's previous one — producers send batches of one size, so the parts are copied
 * once and the array handed over as it is — and grows by doubling beyond it. {@link #take} hands
 * the bytes over and keeps no buffer, so an idle connection holds nothing.
 */
final class MessageBytes {

    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int length;
    private int previousLength;

    long length() {
        return length;
    }

    /** The caller has checked the bound: {@code length() + part.length} fits the message limit. */
    void append(byte[] part) {
        int need = length + part.length;
        if (need > bytes.length) {
            int grown = Math.max(need, Math.max(previousLength, (int) Math.min(2L * bytes.length, Integer.MAX_VALUE - 8)));
            bytes = Arrays.copyOf(bytes, grown);
        }
        System.arraycopy(part, 0, bytes, length, part.length);
        length = need;
    }

    /** The message, exactly {@link #length()} bytes; this buffer is empty afterwards. */
    byte[] take() {
        byte[] message = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        previousLength = length;
        drop();
        return message;
    }

    void drop() {
        bytes = NONE;
        length = 0;
    }
}
