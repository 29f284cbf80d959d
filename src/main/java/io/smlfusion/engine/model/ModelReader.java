package io.smlfusion.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * Little-endian input of {@link ModelCodec} over a complete model held in memory. Every declared
 * size is checked against the bytes that remain before anything is allocated, so truncated or
 * corrupt bytes fail with a {@link ModelFormatException} naming the byte offset.
 */
final class ModelReader {

    private final ByteBuffer buffer;

    ModelReader(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte[] bytes(int length) throws ModelFormatException {
        require(length);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    int uint16() throws ModelFormatException {
        require(2);
        return Short.toUnsignedInt(buffer.getShort());
    }

    int int32() throws ModelFormatException {
        require(4);
        return buffer.getInt();
    }

    double float64() throws ModelFormatException {
        require(8);
        return buffer.getDouble();
    }

    boolean flag() throws ModelFormatException {
        int at = buffer.position();
        require(1);
        byte value = buffer.get();
        if (value != 0 && value != 1) {
            throw new ModelFormatException("flag at byte " + at + " is " + value + ", not 0 or 1");
        }
        return value == 1;
    }

    double[] float64s() throws ModelFormatException {
        double[] values = new double[size("array length", 8)];
        for (int k = 0; k < values.length; k++) {
            values[k] = buffer.getDouble();
        }
        return values;
    }

    String utf8() throws ModelFormatException {
        int length = size("text length", 1);
        int at = buffer.position();
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(length)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException("text at byte " + at + " is not valid UTF-8");
        }
    }

    List<String> strings() throws ModelFormatException {
        int count = size("list length", 4);
        List<String> texts = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            texts.add(utf8());
        }
        return texts;
    }

    DMatrixRMaj matrix() throws ModelFormatException {
        int rows = size("matrix rows", 0);
        int columns = size("matrix columns", 0);
        require(8L * rows * columns);
        DMatrixRMaj matrix = new DMatrixRMaj(rows, columns);
        for (int k = 0; k < matrix.getNumElements(); k++) {
            matrix.data[k] = buffer.getDouble();
        }
        return matrix;
    }

    /** Fails unless every byte was read. */
    void requireEnd() throws ModelFormatException {
        if (buffer.hasRemaining()) {
            throw new ModelFormatException(buffer.remaining()
                    + " unexpected bytes after the end of the model at byte " + buffer.position());
        }
    }

    /** Fails with the given problem at the current position. */
    ModelFormatException malformed(String problem) {
        return new ModelFormatException(problem + " (at byte " + buffer.position() + ")");
    }

    /** A non-negative int32 size of elements taking at least {@code bytesEach} bytes each. */
    private int size(String what, int bytesEach) throws ModelFormatException {
        int at = buffer.position();
        int size = int32();
        if (size < 0) {
            throw new ModelFormatException("negative " + what + " " + size + " at byte " + at);
        }
        require((long) size * bytesEach);
        return size;
    }

    private void require(long bytes) throws ModelFormatException {
        if (bytes > buffer.remaining()) {
            throw new ModelFormatException("model truncated: " + bytes + " bytes needed at byte "
                    + buffer.position() + " but only " + buffer.remaining() + " remain");
        }
    }
}
