package io.smlfusion.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.DataBlock;

/**
 * Batches of numeric columns without nulls are copied column by column; what they read into must
 * be what the JSON twin reads into, across batches and tiles, and a value the row path refuses
 * must be refused (or skipped) the same way, naming its row in the whole stream.
 */
class ArrowNumericBatchTest {

    /** Rows per batch: more than one copy tile, and not a multiple of it. */
    private static final int BATCH = 700;

    @Test
    void everyNumericTypeReadsAsItsJsonTwinAcrossBatches() throws IOException {
        ParsedFrame arrow = FrameFormat.ARROW.read(stream(3, Map.of(), -1, 0), FrameOptions.PLAIN);
        ParsedFrame json = FrameFormat.JSON.read(json(3, 0, -1, 0), FrameOptions.PLAIN);
        assertEquals(3 * BATCH, arrow.block().rowCount());
        ArrowFrameReaderTest.assertSameRows(json.block(), arrow.block());
    }

    @Test
    void aValueOutsideTheRangeIsRefusedNamingItsRowInTheStream() throws IOException {
        int badRow = BATCH + 300;
        FrameException refused = assertThrows(FrameException.class,
                () -> FrameFormat.ARROW.read(stream(2, Map.of(), badRow, Double.NaN), FrameOptions.PLAIN));
        assertEquals("DataFrame rejected, nothing learned: row " + (badRow + 1) + ", column 'x': value 'NaN' is not a finite number within ±1.0E50"
                + " (type C; larger values would overflow the statistics)", refused.getMessage());
    }

    @Test
    void withErrorHandlingOneTheBadRowAloneIsSkipped() throws IOException {
        int badRow = BATCH + 300;
        ParsedFrame arrow = FrameFormat.ARROW.read(stream(3, Map.of("errorHandling", "1"), badRow, 1e300), FrameOptions.PLAIN);
        assertEquals(1, arrow.rowsSkipped());
        ArrowFrameReaderTest.assertSameRows(FrameFormat.JSON.read(json(3, 1, badRow, 1e300), FrameOptions.PLAIN).block(), arrow.block());
    }

    @Test
    void theBlockLimitRefusesABatchBeforeItIsCopied() throws IOException {
        FrameOptions small = new FrameOptions(null, FrameOptions.Limit.NONE, new FrameOptions.Limit(1000L * 6 * Double.BYTES, "smlfusion.test.block"));
        FrameException refused = assertThrows(FrameException.class, () -> FrameFormat.ARROW.read(stream(2, Map.of(), -1, 0), small));
        assertEquals("DataFrame rejected, nothing learned: 1400 rows of 6 attributes (categories expanded) take 67200 bytes;"
                + " send fewer rows per DataFrame; the limit is 48000 (smlfusion.test.block)", refused.getMessage());
    }

    @Test
    void aBatchLongerThanItsColumnsIsRefused() throws IOException {
        byte[] stream;
        try (BufferAllocator allocator = new RootAllocator()) {
            Float8Vector x = new Float8Vector("x", allocator);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(x.getField()), List.of(x), 0);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                root.setRowCount(BATCH);
                // the batch says BATCH rows, its one column carries 4 values: a producer's bug or a probe
                for (int r = 0; r < 4; r++) {
                    x.set(r, x(r));
                }
                x.setValueCount(4);
                writer.writeBatch();
                writer.end();
            }
            stream = out.toByteArray();
        }
        // Arrow's loader stretches the column to the batch with nulls: the first row it lacks is refused
        FrameException refused = assertThrows(FrameException.class, () -> FrameFormat.ARROW.read(stream, FrameOptions.PLAIN));
        assertEquals("DataFrame rejected, nothing learned: row 5, column 'x': value null is missing (type C needs a number)",
                refused.getMessage());
    }

    private static double x(int row) {
        return row * 0.25 - 100;
    }

    private static long n(int row) {
        return row * 7L - 1_000_000_000_000L;
    }

    private static int i(int row) {
        return 3 - row;
    }

    private static short s(int row) {
        return (short) (row % 300);
    }

    private static float f(int row) {
        return row * 0.5f;
    }

    private static boolean flag(int row) {
        return row % 3 == 0;
    }

    /** x, n, i, s, f, flag as JSON text; {@code badRow}'s x is {@code badValue}. */
    private static byte[] json(int batches, int errorHandling, int badRow, double badValue) {
        StringBuilder data = new StringBuilder();
        for (int r = 0; r < batches * BATCH; r++) {
            data.append(r == 0 ? "[" : ",[").append('"').append(r == badRow ? badValue : x(r)).append("\",\"").append(n(r))
                    .append("\",\"").append(i(r)).append("\",\"").append(s(r)).append("\",\"").append(f(r))
                    .append("\",\"").append(flag(r) ? 1 : 0).append("\"]");
        }
        return ("{\"attributeNames\":[\"x\",\"n\",\"i\",\"s\",\"f\",\"flag\"],\"attributeTypes\":[\"C\",\"C\",\"C\",\"C\",\"C\",\"B\"],"
                + "\"errorHandling\":" + errorHandling + ",\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** float64 x, int64 n, int32 i, int16 s, float32 f, bool flag, in batches of {@value #BATCH} rows. */
    private static byte[] stream(int batches, Map<String, String> metadata, int badRow, double badValue) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            Float8Vector x = new Float8Vector("x", allocator);
            BigIntVector n = new BigIntVector("n", allocator);
            IntVector i = new IntVector("i", allocator);
            SmallIntVector s = new SmallIntVector("s", allocator);
            Float4Vector f = new Float4Vector("f", allocator);
            BitVector flag = new BitVector("flag", allocator);
            List<FieldVector> vectors = List.of(x, n, i, s, f, flag);
            Schema schema = new Schema(vectors.stream().map(FieldVector::getField).toList(), metadata);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (VectorSchemaRoot root = new VectorSchemaRoot(schema, vectors, 0);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                for (int b = 0; b < batches; b++) {
                    for (int k = 0; k < BATCH; k++) {
                        int r = b * BATCH + k;
                        x.setSafe(k, r == badRow ? badValue : x(r));
                        n.setSafe(k, n(r));
                        i.setSafe(k, i(r));
                        s.setSafe(k, s(r));
                        f.setSafe(k, f(r));
                        flag.setSafe(k, flag(r) ? 1 : 0);
                    }
                    root.setRowCount(BATCH);
                    writer.writeBatch();
                }
                writer.end();
            }
            return out.toByteArray();
        }
    }
}
