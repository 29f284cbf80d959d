package io.smlfusion.engine.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian primitive input for {@link StatisticsCodec} over a complete snapshot held in
 * memory. Knowing the total length lets every declared size be checked against the bytes that
 * remain before anything is allocated, so a corrupt or hostile size fails fast instead of
 * exhausting memory.
 */
final class SnapshotReader {

    private final ByteBuffer buffer;

    SnapshotReader(byte[] snapshot) {
        this.buffer = ByteBuffer.wrap(snapshot).order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return buffer.position();
    }

    int remaining() {
        return buffer.remaining();
    }

    byte[] bytes(int length) throws SnapshotFormatException {
        require(length);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    int uint8() throws SnapshotFormatException {
        require(1);
        return Byte.toUnsignedInt(buffer.get());
    }

    int uint16() throws SnapshotFormatException {
        require(2);
        return Short.toUnsignedInt(buffer.getShort());
    }

    int int32() throws SnapshotFormatException {
        require(4);
        return buffer.getInt();
    }

    long int64() throws SnapshotFormatException {
        require(8);
        return buffer.getLong();
    }

    double float64() throws SnapshotFormatException {
        return Double.longBitsToDouble(int64());
    }

    double[] float64s(int length) throws SnapshotFormatException {
        require(8L * length);
        double[] values = new double[length];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * length);
        return values;
    }

    long[] int64s(int length) throws SnapshotFormatException {
        require(8L * length);
        long[] values = new long[length];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + 8 * length);
        return values;
    }

    /**
     * An int32 size between 0 and {@code maximum} of something each element of which takes at
     * least {@code minimumBytesEach} bytes.
     */
    int size(String what, int minimumBytesEach, int maximum) throws SnapshotFormatException {
        int at = position();
        int size = int32();
        if (size < 0) {
            throw new SnapshotFormatException("negative " + what + " " + size + " at byte " + at);
        }
        if (size > maximum) {
            throw new SnapshotFormatException(what + " " + size + " at byte " + at
                    + " exceeds the maximum " + maximum);
        }
        require((long) size * minimumBytesEach);
        return size;
    }

    /** An int32 byte length, then that many bytes of strict UTF-8. */
    String utf8(String what) throws SnapshotFormatException {
        int length = size(what + " length", 1, Integer.MAX_VALUE);
        int at = position();
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes(length)));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new SnapshotFormatException(what + " at byte " + at + " is not valid UTF-8");
        }
    }

    void requireEnd() throws SnapshotFormatException {
        if (buffer.hasRemaining()) {
            throw new SnapshotFormatException(buffer.remaining()
                    + " unexpected bytes after the end of the snapshot at byte " + position());
        }
    }

    private void require(long bytes) throws SnapshotFormatException {
        if (bytes > buffer.remaining()) {
            throw new SnapshotFormatException("snapshot truncated at byte " + buffer.limit());
        }
    }
}
