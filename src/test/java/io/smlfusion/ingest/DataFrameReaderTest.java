package io.smlfusion.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;

class DataFrameReaderTest {

    @Test
    void readsTypesCategoriesAndIgnoredColumns() {
        DataBlock block = read("{\"attributeNames\":[\"x\",\"flag\",\"kind\",\"note\"],\"attributeTypes\":[\"C\",\"B\",\"T\",\"X\"],"
                + "\"data\":[[\"1.5\",\"1\",\" Red \",\"a\"],[\"-2\",\"0\",\"blue\",\"b\"],[\"3e2\",\"1.0\",\"RED\",\"c\"]]}").block();
        assertEquals(List.of("x", "flag", "kind$red", "kind$blue"), block.names());
        assertEquals(List.of(AttributeType.CONTINUOUS, AttributeType.BINARY, AttributeType.BINARY, AttributeType.BINARY), block.types());
        assertEquals(3, block.rowCount());
        assertArrayEquals(new double[] {1.5, 1, 1, 0}, row(block, 0));
        assertArrayEquals(new double[] {-2, 0, 0, 1}, row(block, 1));
        assertArrayEquals(new double[] {300, 1, 1, 0}, row(block, 2));
    }

    @Test
    void keysInAnyOrderEscapesAndUnknownKeys() {
        DataBlock block = read("{ \"data\" : [ [ \"1\" , \"x\\\"y\" ] ], \"extra\": {\"a\":[1,{\"b\":null}]},"
                + " \"attributeTypes\":[\"C\",\"T\"], \"attributeNames\":[\"n\\u0061me\",\"c\"], \"errorHandling\": 0 }").block();
        assertEquals(List.of("name", "c$x\"y"), block.names());
        assertArrayEquals(new double[] {1, 1}, row(block, 0));
    }

    @Test
    void jsonNumbersAndNullCellsAreTolerated() {
        ParsedFrame frame = read("{\"attributeNames\":[\"a\",\"b\"],\"attributeTypes\":[\"C\",\"T\"],\"errorHandling\":\"1\","
                + "\"data\":[[2.5,null],[null,\"v\"]]}");
        assertEquals(1, frame.block().rowCount());
        assertEquals(1, frame.rowsSkipped());
        assertTrue(frame.firstSkipReason().contains("row 2, column 'a'"), frame.firstSkipReason());
    }

    @Test
    void aDroppedRowLeavesNoCategoryBehind() {
        ParsedFrame frame = read("{\"attributeNames\":[\"k\",\"x\"],\"attributeTypes\":[\"T\",\"C\"],\"errorHandling\":1,"
                + "\"data\":[[\"a\",\"1\"],[\"b\",\"oops\"]]}");
        assertEquals(List.of("k$a", "x"), frame.block().names());
    }

    @Test
    void partitionColumnIsKeptApart() {
        DataBlock block = DataFrameReader.read(stream("{\"attributeNames\":[\"x\",\"cls\"],\"attributeTypes\":[\"C\",\"S\"],"
                + "\"data\":[[\"1\",\"a\"],[\"2\",\"b\"]]}"), new FrameOptions("cls", FrameOptions.Limit.NONE, FrameOptions.Limit.NONE)).block();
        assertEquals(List.of("x"), block.names());
        assertEquals("b", block.partitionValue(1));
    }

    @Test
    void malformedJsonNamesWhere() {
        FrameException e = assertThrows(FrameException.class, () -> read("{\"attributeNames\":[\"a\"] \"x\":1}"));
        assertTrue(e.getMessage().startsWith("Malformed DataFrame JSON at byte"), e.getMessage());
        assertThrows(FrameException.class, () -> read("{\"attributeNames\":[\"a\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]} trailing"));
        assertThrows(FrameException.class, () -> read("{\"attributeNames\":[\"a\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1]]}"));
        assertThrows(FrameException.class, () -> read("[]"));
    }

    @Test
    void badCellsRejectTheWholeFrameByDefault() {
        FrameException e = assertThrows(FrameException.class, () -> read("{\"attributeNames\":[\"a\",\"b\"],\"attributeTypes\":[\"C\",\"B\"],"
                + "\"data\":[[\"1\",\"0\"],[\"2\",\"7\"]]}"));
        assertEquals("DataFrame rejected, nothing learned: row 2, column 'b': value '7' is not 0 or 1 (type B)", e.getMessage());
        FrameException infinite = assertThrows(FrameException.class, () -> read("{\"attributeNames\":[\"a\"],\"attributeTypes\":[\"C\"],"
                + "\"data\":[[\"1e999\"]]}"));
        assertTrue(infinite.getMessage().contains("not a finite number"), infinite.getMessage());
    }

    private static ParsedFrame read(String json) {
        return DataFrameReader.read(stream(json), FrameOptions.PLAIN);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static double[] row(DataBlock block, int r) {
        double[] values = new double[block.width()];
        for (int c = 0; c < values.length; c++) {
            values[c] = block.value(r, c);
        }
        return values;
    }
}
