package io.smlfusion.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.DataBlock;

/**
 * An Arrow stream reads into the rows its JSON DataFrame twin reads into: the same names, types
 * and values, categories expanded alike, nulls following errorHandling.
 */
class ArrowFrameReaderTest {

    private static final double[] X = {1.5, -2.25, 3.0, 4.125};
    private static final long[] N = {7, 8, 9, 10};
    private static final boolean[] FLAG = {true, false, false, true};
    private static final String[] CITY = {"Oslo", "Lima", "Oslo", "Pune"};

    @Test
    void typedColumnsReadAsTheirJsonTwin() throws IOException {
        ParsedFrame arrow = FrameFormat.ARROW.read(stream(Map.of(), -1, false), FrameOptions.PLAIN);
        ParsedFrame json = FrameFormat.JSON.read(json(0, -1), FrameOptions.PLAIN);
        assertSameRows(json.block(), arrow.block());
        assertEquals(4, arrow.block().rowCount());
    }

    @Test
    void aDictionaryColumnReadsAsItsWords() throws IOException {
        ParsedFrame arrow = FrameFormat.ARROW.read(stream(Map.of(), -1, true), FrameOptions.PLAIN);
        assertSameRows(FrameFormat.JSON.read(json(0, -1), FrameOptions.PLAIN).block(), arrow.block());
    }

    @Test
    void nullsFollowErrorHandling() throws IOException {
        FrameException refused = assertThrows(FrameException.class,
                () -> FrameFormat.ARROW.read(stream(Map.of(), 1, false), FrameOptions.PLAIN));
        assertTrue(refused.getMessage().startsWith("DataFrame rejected, nothing learned: row 2"), refused.getMessage());
        ParsedFrame skipping = FrameFormat.ARROW.read(stream(Map.of("errorHandling", "1"), 1, false), FrameOptions.PLAIN);
        assertEquals(3, skipping.block().rowCount());
        assertEquals(1, skipping.rowsSkipped());
        assertSameRows(FrameFormat.JSON.read(json(1, 1), FrameOptions.PLAIN).block(), skipping.block());
    }

    @Test
    void predictionRowsReadTheInputsByName() throws IOException {
        PredictionRows rows = FrameFormat.ARROW.readPredictionRows(stream(Map.of(), -1, false), List.of("n", "x"), List.of("city"));
        assertEquals(4, rows.rowCount());
        assertArrayEquals(new double[] {8, -2.25}, rows.values(1));
        assertEquals(Map.of("city", "Lima"), rows.kept(1));
    }

    @Test
    void whatIsNotAnArrowStreamIsRefusedNamingIt() {
        FrameException garbage = assertThrows(FrameException.class,
                () -> FrameFormat.ARROW.read("{\"attributeNames\":[]}".getBytes(StandardCharsets.UTF_8), FrameOptions.PLAIN));
        assertTrue(garbage.getMessage().startsWith("not a readable Arrow IPC stream: "), garbage.getMessage());
        FrameException badMetadata = assertThrows(FrameException.class,
                () -> FrameFormat.ARROW.read(stream(Map.of("errorHandling", "2"), -1, false), FrameOptions.PLAIN));
        assertEquals("the Arrow schema's errorHandling metadata is '2', not 0 or 1", badMetadata.getMessage());
    }

    @Test
    void aStreamDeclaringMoreThanItCarriesIsRefusedBeforeAllocating() throws IOException {
        byte[] stream = stream(Map.of(), -1, false);
        byte[] truncated = Arrays.copyOf(stream, stream.length - 40);
        assertThrows(FrameException.class, () -> FrameFormat.ARROW.read(truncated, FrameOptions.PLAIN));
    }

    /** The same names, types and values, row by row; shared by the Arrow reader tests. */
    static void assertSameRows(DataBlock expected, DataBlock actual) {
        assertEquals(expected.names(), actual.names());
        assertEquals(expected.types(), actual.types());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int r = 0; r < expected.rowCount(); r++) {
            for (int c = 0; c < expected.width(); c++) {
                assertEquals(expected.value(r, c), actual.value(r, c), "row " + r + " column " + expected.names().get(c));
            }
        }
    }

    /** The JSON twin: the same columns typed C, C, B, T; {@code nullRow} has x missing. */
    private static byte[] json(int errorHandling, int nullRow) {
        StringBuilder data = new StringBuilder();
        for (int r = 0; r < X.length; r++) {
            data.append(r == 0 ? "" : ",").append("[\"").append(r == nullRow ? "" : Double.toString(X[r])).append("\",\"").append(N[r])
                    .append("\",\"").append(FLAG[r] ? 1 : 0).append("\",\"").append(CITY[r]).append("\"]");
        }
        return ("{\"attributeNames\":[\"x\",\"n\",\"flag\",\"city\"],\"attributeTypes\":[\"C\",\"C\",\"B\",\"T\"],\"errorHandling\":"
                + errorHandling + ",\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** x float64, n int64, flag bool, city utf8 (or dictionary-encoded utf8); {@code nullRow} has x null. */
    private static byte[] stream(Map<String, String> metadata, int nullRow, boolean dictionary) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
            FieldVector city;
            VarCharVector words = null;
            if (dictionary) {
                words = new VarCharVector("city-words", allocator);
                List<String> distinct = List.of("Oslo", "Lima", "Pune");
                for (int i = 0; i < distinct.size(); i++) {
                    words.setSafe(i, distinct.get(i).getBytes(StandardCharsets.UTF_8));
                }
                words.setValueCount(distinct.size());
                DictionaryEncoding encoding = new DictionaryEncoding(1L, false, new ArrowType.Int(32, true));
                dictionaries.put(new org.apache.arrow.vector.dictionary.Dictionary(words, encoding));
                IntVector indices = new IntVector(new Field("city", new FieldType(true, new ArrowType.Int(32, true), encoding), null), allocator);
                for (int r = 0; r < CITY.length; r++) {
                    indices.setSafe(r, distinct.indexOf(CITY[r]));
                }
                city = indices;
            } else {
                VarCharVector text = new VarCharVector("city", allocator);
                for (int r = 0; r < CITY.length; r++) {
                    text.setSafe(r, CITY[r].getBytes(StandardCharsets.UTF_8));
                }
                city = text;
            }
            Float8Vector x = new Float8Vector("x", allocator);
            BigIntVector n = new BigIntVector("n", allocator);
            BitVector flag = new BitVector("flag", allocator);
            for (int r = 0; r < X.length; r++) {
                if (r == nullRow) {
                    x.setNull(r);
                } else {
                    x.setSafe(r, X[r]);
                }
                n.setSafe(r, N[r]);
                flag.setSafe(r, FLAG[r] ? 1 : 0);
            }
            List<FieldVector> vectors = List.of(x, n, flag, city);
            vectors.forEach(v -> v.setValueCount(X.length));
            Schema schema = new Schema(vectors.stream().map(FieldVector::getField).toList(), metadata);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (VectorSchemaRoot root = new VectorSchemaRoot(schema, vectors, X.length);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, dictionaries, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            } finally {
                if (words != null) {
                    words.close();
                }
            }
            return out.toByteArray();
        }
    }
}
