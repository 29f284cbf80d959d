package io.smlfusion.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smlfusion.ingest.FrameOptions.Limit;

import io.smlfusion.refusal.RequestRefused;

/** Issue 10 §3–4: what a DataFrame may hold, refused while reading, before rows are expanded. */
class FrameLimitsTest {

    private static final FrameOptions LIMITED = new FrameOptions(null, new Limit(2000, "smlfusion.project.max.attributes"),
            new Limit(1_000_000, "smlfusion.customer.max.bytes"));

    @Test
    void aRowOf30000AttributesIsRefusedNamingTheLimit() {
        String names = IntStream.range(0, 30_000).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(","));
        String types = IntStream.range(0, 30_000).mapToObj(i -> "\"C\"").collect(Collectors.joining(","));
        String row = IntStream.range(0, 30_000).mapToObj(i -> "\"1\"").collect(Collectors.joining(","));
        FrameException e = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[" + names + "],\"attributeTypes\":[" + types + "],\"data\":[[" + row + "]]}"));
        assertEquals(RequestRefused.Reason.TOO_LARGE, e.reason());
        assertEquals("DataFrame rejected, nothing learned: more than 2000 attributes once categories are expanded; the limit is 2000"
                + " (smlfusion.project.max.attributes)", e.getMessage());
    }

    @Test
    void aCategoryWithTooManyValuesIsRefusedWhileReadingEvenWhenBadRowsAreSkipped() {
        String rows = IntStream.range(0, 2001).mapToObj(i -> "[\"v" + i + "\"]").collect(Collectors.joining(","));
        FrameException e = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"u\"],\"attributeTypes\":[\"T\"],\"errorHandling\":1,\"data\":[" + rows + "]}"));
        assertEquals(RequestRefused.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("(smlfusion.project.max.attributes)"), e.getMessage());
    }

    @Test
    void expandedRowsBeyondTheMemoryBudgetAreRefusedBeforeTheyAreAllocated() {
        // 1,000 rows × 200 category values × 8 bytes = 1.6 MB > 1 MB, from a body of 10 kB
        String rows = IntStream.range(0, 1000).mapToObj(i -> "[\"v" + i % 200 + "\"]").collect(Collectors.joining(","));
        FrameException e = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"u\"],\"attributeTypes\":[\"T\"],\"data\":[" + rows + "]}"));
        assertEquals(RequestRefused.Reason.TOO_LARGE, e.reason());
        assertEquals("DataFrame rejected, nothing learned: 1000 rows of 200 attributes (categories expanded) take 1600000 bytes;"
                + " send fewer rows per DataFrame; the limit is 1000000 (smlfusion.customer.max.bytes)", e.getMessage());
    }

    @Test
    void aColumnNamedLikeACategoryValueIsRefused() {
        FrameException e = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"u\",\"u$v\"],\"attributeTypes\":[\"T\",\"C\"],\"data\":[[\"v\",\"1\"]]}"));
        assertEquals(RequestRefused.Reason.INVALID, e.reason());
        assertEquals("Attribute 'u$v' collides with the values of category (T) attribute 'u', which expand to 'u$<value>'", e.getMessage());
        assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"a$b\",\"a\"],\"attributeTypes\":[\"T\",\"T\"],\"data\":[[\"c\",\"b$c\"]]}"));
    }

    @Test
    void valuesWhosePowersOverflowAreBadCellsUnderErrorHandling() {
        String frame = "{\"attributeNames\":[\"x\",\"y\"],\"attributeTypes\":[\"C\",\"C\"],%s\"data\":[[\"1\",\"2\"],[\"1e200\",\"3\"],[\"4\",\"-1E51\"]]}";
        FrameException e = assertThrows(FrameException.class, () -> read(String.format(frame, "")));
        assertEquals("DataFrame rejected, nothing learned: row 2, column 'x': value '1e200' is not a finite number within ±1.0E50"
                + " (type C; larger values would overflow the statistics)", e.getMessage());
        ParsedFrame skipped = read(String.format(frame, "\"errorHandling\":1,"));
        assertEquals(1, skipped.block().rowCount());
        assertEquals(2, skipped.rowsSkipped());
        assertTrue(skipped.firstSkipReason().startsWith("row 2, column 'x': value '1e200'"), skipped.firstSkipReason());
        assertEquals(1e50, read("{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1e50\"]]}").block().value(0, 0));
    }

    @Test
    void namesAreAtMost256PrintableCharacters() {
        String longName = "n".repeat(100_000);
        FrameException tooLong = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"" + longName + "\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}"));
        assertEquals("attributeNames[0] '" + "n".repeat(40) + "…' is longer than 256 characters", tooLong.getMessage());
        FrameException nul = assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"a\\u0000b\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}"));
        assertEquals("attributeNames[0] 'a\\u0000b' holds the non-printable character U+0000 at position 1", nul.getMessage());
        assertThrows(FrameException.class,
                () -> read("{\"attributeNames\":[\"a\\ud800\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}"));
    }

    @Test
    void categoryAndPartitionValuesMakeNamesToo() {
        ParsedFrame frame = read("{\"attributeNames\":[\"u\"],\"attributeTypes\":[\"T\"],\"errorHandling\":1,"
                + "\"data\":[[\"ok\"],[\"" + "v".repeat(300) + "\"],[\"a\\u0000b\"]]}");
        assertEquals(List.of("u$ok"), frame.block().names());
        assertEquals(2, frame.rowsSkipped());
        FrameOptions partitioned = new FrameOptions("p", Limit.NONE, Limit.NONE);
        FrameException e = assertThrows(FrameException.class, () -> DataFrameReader.read(stream(
                "{\"attributeNames\":[\"x\",\"p\"],\"attributeTypes\":[\"C\",\"T\"],\"data\":[[\"1\",\"a\\u0007b\"]]}"), partitioned));
        assertTrue(e.getMessage().endsWith("cannot name a partition: it holds the non-printable character U+0007 at position 1"),
                e.getMessage());
    }

    @Test
    void deeplyNestedUnknownValuesAreRefusedWithoutExhaustingTheStack() {
        String nested = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        FrameException e = assertThrows(FrameException.class, () -> read("{\"extra\":" + nested
                + ",\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}"));
        assertTrue(e.getMessage().endsWith("values nested more than 64 deep"), e.getMessage());
    }

    private static ParsedFrame read(String json) {
        return DataFrameReader.read(stream(json), LIMITED);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
