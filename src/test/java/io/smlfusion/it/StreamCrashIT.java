package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Exactly once across {@code kill -9}: a persisted project of the {@linkplain CellServer cell server}
 * consumes a topic in small polls (each one a journal commit holding its offsets) and the server is
 * killed in the middle of it. Restarted, the stream starts again by itself from the offsets its
 * statistics hold, and the project ends with every record counted once: the row count and Σx of
 * records 0 … n-1.
 */
class StreamCrashIT {

    private static final int RECORDS = 20_000;
    private static final int APPLIED_BEFORE_KILL = 1_000;

    private final SignedClient client = CellServer.client();
    private final StreamCalls streams = new StreamCalls(client, CellServer.SECRET);
    private final String run = "crash" + System.nanoTime();

    @Test
    void everyRecordIsCountedOnceAfterKillDashNine() throws Exception {
        LibertyServer server = CellServer.server();
        server.start();
        String pid = run;
        String topic = run + "-t";
        try (StreamTopics topics = new StreamTopics()) {
            topics.create(topic, 3);
            topics.send(topic, 3, 0, RECORDS, i -> i + "," + i % 7);
            assertEquals(201, client.post("projects?pid=" + pid + "&persist=true", "{}").status());
            JsonObject task = StreamCalls.jsonXy("k", topics.bootstrap(), topic, run + "-g").build();
            String csv = Json.createObjectBuilder(task).add("params", Json.createObjectBuilder(task.getJsonObject("params"))
                    .add("format", "csv").add("maxPollRecords", 50)).build().toString();
            Reply created = streams.create(pid, csv);
            assertEquals(201, created.status(), created::toString);
            streams.start(pid, "k");

            JsonObject beforeKill = streams.awaitMetrics(pid, "k", 120,
                    m -> m.getJsonNumber("rowsApplied").longValue() >= APPLIED_BEFORE_KILL);
            server.kill();
            long appliedBeforeKill = beforeKill.getJsonNumber("rowsApplied").longValue();
            assertTrue(appliedBeforeKill >= APPLIED_BEFORE_KILL && appliedBeforeKill < RECORDS,
                    "the kill did not come mid-stream: " + beforeKill);
            assertEquals("exactly-once", beforeKill.getString("delivery"));

            server.start();
            long rows = awaitRowCount(pid, RECORDS);
            assertEquals(RECORDS, rows, "rows after kill -9 and restart");
            JsonObject after = streams.awaitMetrics(pid, "k", 30, m -> m.getJsonObject("lag").values().stream()
                    .allMatch(lag -> lag.toString().equals("0")) && !m.getJsonObject("lag").isEmpty());
            assertEquals("RUNNING", after.getString("state"), after::toString);
            assertEquals(RECORDS, streams.rowCount(pid), "rows once the stream caught up");
            ProjectStatistics restored = StatisticsAssertions.decodeExport(client.get("projects/" + pid + "/export"));
            double sumX = restored.total().mean(restored.schema().indexOf("x")) * RECORDS;
            assertEquals((double) RECORDS * (RECORDS - 1) / 2, sumX, 1e-9 * RECORDS * RECORDS, "Σx after kill -9 and restart");
        }
        assertEquals(200, client.delete("projects/" + pid).status());
    }

    private long awaitRowCount(String pid, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long rows = streams.rowCount(pid);
        while (rows < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            rows = streams.rowCount(pid);
        }
        return rows;
    }
}
