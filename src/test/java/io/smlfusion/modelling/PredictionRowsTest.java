package io.smlfusion.modelling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.ingest.DataFrameReader;
import io.smlfusion.ingest.FrameException;
import io.smlfusion.ingest.PredictionRows;

/** How a prediction DataFrame becomes the rows of a model's inputs (spec §9, DESIGN §4): liberally, but never guessing a number. */
class PredictionRowsTest {

    private static final List<String> INPUTS = List.of("b", "a", "color$red", "color$blue");

    @Test
    void onlyTheInputsAreReadInTheModelsOrderAndTypesAreAdvisory() {
        PredictionRows rows = read("{\"attributeNames\":[\"a\",\"extra\",\"b\",\"color\"],"
                + "\"attributeTypes\":[\"B\",\"C\",\"C\",\"T\"],"
                + "\"data\":[[\"0.5\",\"not a number\",\"2\",\" Red \"],[\"1\",\"x\",\"-3e2\",\"blue\"],[\"0\",\"\",\"4\",\"green\"]]}");
        assertEquals(3, rows.rowCount());
        assertArrayEquals(new double[] {2, 0.5, 1, 0}, rows.values(0));
        assertArrayEquals(new double[] {-300, 1, 0, 1}, rows.values(1));
        assertArrayEquals(new double[] {4, 0, 0, 0}, rows.values(2), "a value the model has no input for: all 0");
        for (int r = 0; r < 3; r++) {
            assertFalse(rows.anyMissing(r));
        }
    }

    @Test
    void emptyCellsAndAbsentColumnsAreMissing() {
        PredictionRows rows = read("{\"attributeNames\":[\"a\",\"color\"],\"attributeTypes\":[\"C\",\"T\"],"
                + "\"data\":[[\"\",\"red\"],[null,\" \"],[\"7\",\"blue\"]]}");
        assertArrayEquals(new boolean[] {true, true, false, false}, rows.missing(0));
        assertArrayEquals(new boolean[] {true, true, true, true}, rows.missing(1));
        assertArrayEquals(new boolean[] {true, false, false, false}, rows.missing(2));
        assertEquals(7, rows.values(2)[1]);
        assertTrue(Double.isNaN(rows.values(1)[0]));
    }

    @Test
    void aColumnNamedLikeAnExpandedCategoryGivesItDirectly() {
        PredictionRows rows = read("{\"attributeNames\":[\"color$red\",\"color\",\"a\",\"b\"],"
                + "\"data\":[[\"1\",\"blue\",\"1\",\"2\"]]}");
        assertArrayEquals(new double[] {2, 1, 1, 1}, rows.values(0));
    }

    @Test
    void typeXColumnsAreIgnoredAndKeptColumnsCarryTheirText() {
        PredictionRows rows = DataFrameReader.readPredictionRows(bytes("{\"attributeNames\":[\"id\",\"a\",\"b\"],"
                + "\"attributeTypes\":[\"X\",\"X\",\"C\"],\"data\":[[\"r-1\",\"oops\",\"3\"],[null,\"\",\"4\"]]}"),
                INPUTS, List.of("id", "a"));
        assertTrue(rows.missing(0)[1], "a typed X is not read");
        assertEquals(Map.of("id", "r-1", "a", "oops"), rows.kept(0));
        assertEquals(Map.of("id", "", "a", ""), rows.kept(1));
        assertEquals(List.of("id", "a"), List.copyOf(rows.kept(0).keySet()));
    }

    @Test
    void dataBeforeTheHeaderAndNoTypesAreFine() {
        PredictionRows rows = read("{\"data\":[[\"1\",\"2\"]],\"attributeNames\":[\"b\",\"a\"]}");
        assertArrayEquals(new double[] {1, 2, Double.NaN, Double.NaN}, rows.values(0));
        assertEquals(0, read("{\"attributeNames\":[\"a\"],\"data\":[]}").rowCount());
    }

    @Test
    void aBadCellRejectsTheWholeDataFrameNamingRowAndColumn() {
        assertEquals("DataFrame rejected, nothing predicted: row 2, column 'b': value 'abc' is not a finite number"
                + " (it is an input of the model)", refused("{\"attributeNames\":[\"a\",\"b\"],\"attributeTypes\":[\"C\",\"C\"],"
                + "\"errorHandling\":1,\"data\":[[\"1\",\"2\"],[\"1\",\"abc\"]]}"));
        assertEquals("DataFrame rejected, nothing predicted: row 1, column 'a': value 'NaN' is not a finite number"
                + " (it is an input of the model)", refused("{\"attributeNames\":[\"a\"],\"data\":[[\"NaN\"]]}"));
        assertEquals("DataFrame rejected, nothing predicted: row 1 has 1 cells but attributeNames has 2",
                refused("{\"attributeNames\":[\"a\",\"b\"],\"attributeTypes\":[\"C\",\"C\"],\"data\":[[\"1\"]]}"));
        assertEquals("DataFrame has 2 attributeNames but 1 attributeTypes",
                refused("{\"attributeNames\":[\"a\",\"b\"],\"attributeTypes\":[\"C\"],\"data\":[]}"));
        assertEquals("Duplicate attribute name 'a' in DataFrame",
                refused("{\"attributeNames\":[\"a\",\"a\"],\"data\":[]}"));
        assertEquals("DataFrame has no attributeNames", refused("{\"data\":[]}"));
        FrameException keep = assertThrows(FrameException.class, () -> DataFrameReader.readPredictionRows(
                bytes("{\"attributeNames\":[\"a\"],\"data\":[]}"), INPUTS, List.of("id")));
        assertEquals("keepColumns names 'id', which is not a column of the DataFrame", keep.getMessage());
    }

    private static String refused(String json) {
        return assertThrows(FrameException.class, () -> read(json)).getMessage();
    }

    private static PredictionRows read(String json) {
        return DataFrameReader.readPredictionRows(bytes(json), INPUTS, List.of());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
