package io.smlfusion.engine.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian primitive output for {@link StatisticsCodec}, buffered in fixed chunks. */
final class SnapshotWriter {

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    SnapshotWriter(OutputStream out) {
        this.out = out;
    }

    void bytes(byte[] bytes) throws IOException {
        for (int from = 0; from < bytes.length; ) {
            ensureRoom(1);
            int length = Math.min(buffer.remaining(), bytes.length - from);
            buffer.put(bytes, from, length);
            from += length;
        }
    }

    void uint8(int value) throws IOException {
        ensureRoom(1);
        buffer.put((byte) value);
    }

    void uint16(int value) throws IOException {
        ensureRoom(2);
        buffer.putShort((short) value);
    }

    void int32(int value) throws IOException {
        ensureRoom(4);
        buffer.putInt(value);
    }

    void int64(long value) throws IOException {
        ensureRoom(8);
        buffer.putLong(value);
    }

    /** The IEEE 754 bits as they are, NaN payloads included, so round trips are bit-exact. */
    void float64(double value) throws IOException {
        int64(Double.doubleToRawLongBits(value));
    }

    void float64s(double[] values) throws IOException {
        for (double value : values) {
            float64(value);
        }
    }

    void int64s(long[] values) throws IOException {
        for (long value : values) {
            int64(value);
        }
    }

    /** Byte length (int32), then the UTF-8 bytes. */
    void utf8(String text) throws IOException {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        int32(encoded.length);
        bytes(encoded);
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void ensureRoom(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
