package io.smlfusion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smlfusion.ingest.FrameOptions;

class BatchReaderTest {

    private static final StreamTask.Bounds BOUNDS = new StreamTask.Bounds(100, 1000, Pattern.compile(".*"));

    private static BatchReader reader(String handling, int maxRecordBytes) {
        StreamTask task = StreamTask.parse("{\"type\":\"kafka\",\"name\":\"s\",\"params\":{\"bootstrapServers\":\"k:1\","
                + "\"topic\":\"t\",\"groupId\":\"g\",\"format\":\"jsonArray\",\"attributeNames\":\"x,y\","
                + "\"attributeTypes\":\"C,C\",\"errorHandling\":\"" + handling + "\"}}", BOUNDS);
        return new BatchReader(task, FrameOptions.PLAIN, maxRecordBytes);
    }

    /** Records alternating between partitions 0 and 1, offsets counting per partition from 10. */
    private static List<ConsumedRecord> records(String... values) {
        List<ConsumedRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumedRecord(i % 2, 10 + i / 2, values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    @Test
    void goodRecordsAreOneFrameReachingThePartitionsLastOffsets() {
        BatchReader.Outcome outcome = reader("stop", 100).read(records("[1,2]", "[3,4]", "[5,6]"));
        assertEquals(1, outcome.learnables().size());
        assertEquals(3, outcome.learnables().get(0).frame().block().rowCount());
        assertEquals(Map.of(0, 12L, 1, 11L), outcome.learnables().get(0).nextOffsets());
        assertEquals(List.of(), outcome.rejected());
        assertNull(outcome.stoppedAt());
    }

    @Test
    void skippedRecordsAreLoggedWithTheReaderReasonAndConsumed() {
        BatchReader.Outcome outcome = reader("skip", 100).read(records("[1,2]", "[\"a\",4]", "[5,6]", "oops", "[7,8]"));
        assertEquals(3, outcome.learnables().get(0).frame().block().rowCount());
        assertEquals(Map.of(0, 13L, 1, 12L), outcome.learnables().get(0).nextOffsets());
        assertEquals(2, outcome.rejected().size());
        assertTrue(outcome.rejected().get(0).reason().contains("column 'x': value 'a' is not a number"), outcome.rejected().toString());
        assertEquals(11, outcome.rejected().get(1).record().offset());
        assertTrue(outcome.rejected().get(1).reason().startsWith("not JSON"));
    }

    @Test
    void stopLearnsOnlyTheRecordsBeforeTheFirstBadOne() {
        BatchReader.Outcome outcome = reader("stop", 100).read(records("[1,2]", "[3,4]", "[5,\"b\"]", "oops", "[7,8]"));
        assertEquals(2, outcome.learnables().get(0).frame().block().rowCount());
        assertEquals(Map.of(0, 11L, 1, 11L), outcome.learnables().get(0).nextOffsets(), "the bad record is not consumed");
        assertEquals(List.of(outcome.stoppedAt()), outcome.rejected());
        assertEquals(0, outcome.stoppedAt().record().partition());
        assertEquals(11, outcome.stoppedAt().record().offset());
    }

    @Test
    void aBatchOfOnlySkippedRecordsStillMovesTheOffsets() {
        BatchReader.Outcome outcome = reader("skip", 6).read(records("[1,2]", "[100,200]"));
        assertEquals(1, outcome.learnables().size());
        assertEquals(1, outcome.learnables().get(0).frame().block().rowCount());
        assertTrue(outcome.rejected().get(0).reason().contains("limit is 6 (smlfusion.stream.max.record.bytes)"));
        BatchReader.Outcome allBad = reader("skip", 100).read(records("x", "y"));
        assertNull(allBad.learnables().get(0).frame());
        assertEquals(Map.of(0, 11L, 1, 11L), allBad.learnables().get(0).nextOffsets());
    }

    @Test
    void aBadFirstRecordUnderStopLearnsNothing() {
        BatchReader.Outcome outcome = reader("stop", 100).read(records("nope", "[1,2]"));
        assertEquals(List.of(), outcome.learnables());
        assertEquals(10, outcome.stoppedAt().record().offset());
    }
}
