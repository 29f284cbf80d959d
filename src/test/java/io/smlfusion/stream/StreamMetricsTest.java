package io.smlfusion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StreamMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void theErrorLogKeepsTheLastEntriesWithABoundedPrefixOfEachRecord() {
        StreamMetrics metrics = new StreamMetrics(CLOCK, 2);
        for (int offset = 0; offset < 3; offset++) {
            byte[] value = ("\u0001" + "r".repeat(1000)).getBytes(StandardCharsets.UTF_8);
            metrics.rejected(new ConsumedRecord(0, offset, value), "x".repeat(2000), true);
        }
        List<Map<String, Object>> log = metrics.errorLog();
        assertEquals(2, log.size());
        assertEquals(1L, log.get(0).get("offset"));
        String record = (String) log.get(0).get("record");
        assertEquals(StreamMetrics.RECORD_PREFIX_CHARS + 1, record.length());
        assertTrue(record.startsWith("?r"), "control characters are not echoed");
        assertEquals(StreamMetrics.REASON_CHARS + 1, ((String) log.get(0).get("reason")).length());
        assertEquals(3L, metrics.snapshot().get("recordsSkipped"));
    }

    @Test
    void ratesCountTheRecordsOfTheLastTenSeconds() {
        StreamMetrics metrics = new StreamMetrics(CLOCK, 10);
        metrics.consumed(50, 40, 2);
        metrics.lag(Map.of("t-0", 7L));
        Map<String, Object> snapshot = metrics.snapshot();
        assertEquals(5.0, snapshot.get("recordsPerSecond"));
        assertEquals(50L, snapshot.get("recordsConsumed"));
        assertEquals(40L, snapshot.get("rowsApplied"));
        assertEquals(2L, snapshot.get("rowsSkipped"));
        assertEquals(Map.of("t-0", 7L), snapshot.get("lag"));
    }
}
