package io.smlfusion.ingest;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.IntVector;

/**
 * The columns of an Arrow record batch as {@link NumberColumn}s, read from the vectors' value
 * buffers: float64, int32 and int64 straight from their bytes, other numeric widths and booleans
 * through their vector's accessor — either way without a boxed value or an object per row.
 */
final class ArrowNumberColumns {

    private ArrowNumberColumns() {
    }

    /**
     * @return one column per vector, or null when a vector is not numeric, is dictionary-encoded,
     *     or has a null: such a batch goes row by row
     */
    static NumberColumn[] of(List<FieldVector> vectors) {
        NumberColumn[] columns = new NumberColumn[vectors.size()];
        for (int c = 0; c < columns.length; c++) {
            FieldVector vector = vectors.get(c);
            if (vector.getField().getDictionary() != null || vector.getNullCount() > 0) {
                return null;
            }
            columns[c] = of(vector);
            if (columns[c] == null) {
                return null;
            }
        }
        return columns;
    }

    private static NumberColumn of(FieldVector vector) {
        if (vector instanceof Float8Vector) {
            return new Float8Column(vector.getDataBuffer(), vector.getValueCount());
        }
        if (vector instanceof BigIntVector) {
            ArrowBuf data = vector.getDataBuffer();
            return (from, rows, target, offset, stride) -> {
                for (int r = from, k = offset; r < from + rows; r++, k += stride) {
                    target[k] = data.getLong((long) r * BigIntVector.TYPE_WIDTH);
                }
            };
        }
        if (vector instanceof IntVector) {
            ArrowBuf data = vector.getDataBuffer();
            return (from, rows, target, offset, stride) -> {
                for (int r = from, k = offset; r < from + rows; r++, k += stride) {
                    target[k] = data.getInt((long) r * IntVector.TYPE_WIDTH);
                }
            };
        }
        if (vector instanceof FloatingPointVector numbers) {
            return (from, rows, target, offset, stride) -> {
                for (int r = from, k = offset; r < from + rows; r++, k += stride) {
                    target[k] = numbers.getValueAsDouble(r);
                }
            };
        }
        if (vector instanceof BaseIntVector integers) {
            return (from, rows, target, offset, stride) -> {
                for (int r = from, k = offset; r < from + rows; r++, k += stride) {
                    target[k] = integers.getValueAsLong(r);
                }
            };
        }
        if (vector instanceof BitVector bits) {
            return (from, rows, target, offset, stride) -> {
                for (int r = from, k = offset; r < from + rows; r++, k += stride) {
                    target[k] = bits.get(r);
                }
            };
        }
        return null;
    }

    /**
     * A float64 column read a stretch at a time: one bulk copy of the stretch out of the buffer,
     * then a strided store into the rows. {@code ArrowBuf.getDouble} checks bounds and the
     * buffer's reference count on every value, which cost more than the rest of the copy.
     */
    private static final class Float8Column implements NumberColumn {

        private final DoubleBuffer values;
        private double[] stretch = new double[0];

        Float8Column(ArrowBuf data, int valueCount) {
            this.values = data.nioBuffer(0, Math.multiplyExact(valueCount, Float8Vector.TYPE_WIDTH))
                    .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }

        @Override
        public void copyTo(int from, int rows, double[] target, int offset, int stride) {
            if (stretch.length < rows) {
                stretch = new double[rows];
            }
            values.get(from, stretch, 0, rows);
            for (int r = 0, k = offset; r < rows; r++, k += stride) {
                target[k] = stretch[r];
            }
        }
    }
}
