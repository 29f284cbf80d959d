package io.smlfusion.engine.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * Little-endian output of {@link ModelCodec}. Sizes are int32; text is UTF-8 after its int32 byte
 * length; arrays and lists carry their int32 length first.
 */
final class ModelWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    void bytes(byte[] bytes) {
        out.writeBytes(bytes);
    }

    void uint16(int value) {
        scratch.clear();
        out.write(scratch.putShort((short) value).array(), 0, 2);
    }

    void int32(int value) {
        scratch.clear();
        out.write(scratch.putInt(value).array(), 0, 4);
    }

    void float64(double value) {
        scratch.clear();
        out.write(scratch.putDouble(value).array(), 0, 8);
    }

    void flag(boolean value) {
        out.write(value ? 1 : 0);
    }

    void float64s(double[] values) {
        int32(values.length);
        for (double value : values) {
            float64(value);
        }
    }

    void utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        out.writeBytes(bytes);
    }

    void strings(List<String> texts) {
        int32(texts.size());
        texts.forEach(this::utf8);
    }

    /** Rows, columns, then the values row after row. */
    void matrix(DMatrixRMaj matrix) {
        int32(matrix.numRows);
        int32(matrix.numCols);
        for (int k = 0; k < matrix.getNumElements(); k++) {
            float64(matrix.data[k]);
        }
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
