package io.smlfusion.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * The Arrow twin of {@link IngestLoadClient#dataFrame}: an IPC stream of one record batch of
 * {@code rows} rows and {@code p} float64 columns {@code x0…}, values drawn as the JSON ones
 * (uniform in ±100, rounded to four decimals), so both formats carry the same numbers.
 */
final class ArrowFrames {

    private ArrowFrames() {
    }

    static byte[] stream(int p, int rows, SplittableRandom random) {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<FieldVector> columns = new ArrayList<>(p);
            for (int j = 0; j < p; j++) {
                Float8Vector column = new Float8Vector("x" + j, allocator);
                column.allocateNew(rows);
                columns.add(column);
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < p; j++) {
                    ((Float8Vector) columns.get(j)).set(r, Math.round(random.nextDouble(-100, 100) * 1e4) / 1e4);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(rows * p * Double.BYTES + 1024);
            try (VectorSchemaRoot root = new VectorSchemaRoot(columns);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                root.setRowCount(rows);
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
