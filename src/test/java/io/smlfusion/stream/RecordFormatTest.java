package io.smlfusion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordFormatTest {

    private static final List<String> NAMES = List.of("x", "city", "flag");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonObjectGivesItsValuesInDeclaredOrderAndNullForAMissingOne() {
        assertEquals(Arrays.asList("1.5", "Paris", "1"),
                RecordFormat.JSON_OBJECT.cells(bytes("{\"flag\":true,\"x\":1.5,\"city\":\"Paris\",\"other\":[1]}"), NAMES));
        assertEquals(Arrays.asList("2", null, "0"), RecordFormat.JSON_OBJECT.cells(bytes("{\"x\":2,\"flag\":false}"), NAMES));
    }

    @Test
    void aJsonArrayIsOneRowOfTheDeclaredWidth() {
        assertEquals(Arrays.asList("3", "Oslo", null), RecordFormat.JSON_ARRAY.cells(bytes("[3,\"Oslo\",null]"), NAMES));
        assertBad(RecordFormat.JSON_ARRAY, "[3,\"Oslo\"]", "has 2 values but the stream declares 3 attributes");
        assertBad(RecordFormat.JSON_ARRAY, "{\"x\":1}", "not a JSON array");
    }

    @Test
    void aCsvLineIsSplitAsRfc4180Says() {
        assertEquals(Arrays.asList("4", "Rio, RJ", "1"), RecordFormat.CSV.cells(bytes("4,\"Rio, RJ\",1\n"), NAMES));
        assertEquals(Arrays.asList("5", "say \"hi\"", null), RecordFormat.CSV.cells(bytes("5,\"say \"\"hi\"\"\",\r\n"), NAMES));
        assertEquals(Arrays.asList(null, "", "0"), RecordFormat.CSV.cells(bytes(",\"\",0"), NAMES));
        assertBad(RecordFormat.CSV, "1,2", "has 2 values");
        assertBad(RecordFormat.CSV, "1,\"open,0", "unterminated quoted field 2");
        assertBad(RecordFormat.CSV, "1,a\"b,0", "a quote inside field 2");
        assertBad(RecordFormat.CSV, "1,a,0\n2,b,1", "more than one CSV line");
    }

    @Test
    void aRecordThatIsNotItsFormatIsBadWithTheReason() {
        assertBad(RecordFormat.JSON_OBJECT, "{\"x\":", "not JSON");
        assertBad(RecordFormat.JSON_OBJECT, "[1,2,3]", "not a JSON object");
        assertBad(RecordFormat.JSON_OBJECT, "{\"x\":{\"deep\":1}}", "the value of 'x' is a JSON object");
        BadRecord notUtf8 = assertThrows(BadRecord.class, () -> RecordFormat.CSV.cells(new byte[] {(byte) 0xC3, 0x28}, NAMES));
        assertEquals("not UTF-8 text", notUtf8.getMessage());
    }

    @Test
    void formatsAreNamedAsTheTaskInfoNamesThem() {
        assertEquals(RecordFormat.JSON_ARRAY, RecordFormat.of("JSONARRAY"));
        assertEquals(null, RecordFormat.of("xml"));
    }

    private static void assertBad(RecordFormat format, String record, String reason) {
        BadRecord bad = assertThrows(BadRecord.class, () -> format.cells(bytes(record), NAMES));
        assertTrue(bad.getMessage().contains(reason), bad.getMessage());
    }
}
