package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class DataFrameBatchTest {

    private static final List<String> HEADER = List.of("rooms", "town", "price");
    private final DataFrameBatch batch = new DataFrameBatch(2, List.of(
            List.of("3", "Ely \"east\"", "210.5"),
            List.of("", "tab\there\u0001", "1e3")));

    @Test
    void numericColumnsAreContinuousAndTheRestCategories() throws CliUsageException {
        assertEquals(List.of("C", "T", "C"), batch.types(HEADER, null));
    }

    @Test
    void givenTypesWinButMustCoverEveryColumn() throws CliUsageException {
        assertEquals(List.of("B", "T", "X"), batch.types(HEADER, List.of("B", "T", "X")));
        assertThrows(CliUsageException.class, () -> batch.types(HEADER, List.of("C", "C")));
    }

    @Test
    void theJsonIsADataFrameAJsonParserReadsBack() {
        byte[] json = batch.json(HEADER, List.of("C", "T", "C"));
        JsonObject frame = Json.createReader(new ByteArrayInputStream(json)).readObject();
        assertEquals(List.of("rooms", "town", "price"), frame.getJsonArray("attributeNames").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("Ely \"east\"", frame.getJsonArray("data").getJsonArray(0).getString(1));
        assertEquals("tab\there\u0001", frame.getJsonArray("data").getJsonArray(1).getString(1));
        assertEquals("", frame.getJsonArray("data").getJsonArray(1).getString(0));
    }
}
