package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Kafka streams feeding cell projects of the main IT server, against the build's real broker
 * ({@link KafkaBroker}): three cells in one consumer group share a six-partition topic, and a fusion
 * over them counts every record once — also after one cell's stream stops and the others take its
 * partitions; bad records are skipped or stop a stream as its {@code errorHandling} says, each in the
 * error log; a TaskInfo is refused with its fault named.
 */
class KafkaStreamIT {

    private static final StreamTopics TOPICS = new StreamTopics();
    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final StreamCalls streams = new StreamCalls(client, SignedClient.BOOTSTRAP_SECRET);
    private final String run = "ks" + System.nanoTime();

    @AfterAll
    static void closeTopics() {
        TOPICS.close();
    }

    @Test
    void threeCellsOfOneGroupFuseToEveryRecordOnceAlsoAfterARebalance() throws Exception {
        String topic = run + "-t";
        String group = run + "-g";
        TOPICS.create(topic, 6);
        List<String> cells = List.of(run + "-c1", run + "-c2", run + "-c3");
        for (String cell : cells) {
            assertEquals(201, client.post("projects?pid=" + cell, "{}").status());
            Reply created = streams.create(cell, StreamCalls.jsonXy("k", TOPICS.bootstrap(), topic, group)
                    .build().toString());
            assertEquals(201, created.status(), created::toString);
            streams.start(cell, "k");
        }
        TOPICS.awaitGroup(group, 3);
        TOPICS.send(topic, 6, 0, 3000, KafkaStreamIT::xy);
        awaitRowsApplied(cells, 3000);
        for (String cell : cells) {
            assertTrue(streams.rowCount(cell) > 0, cell + " learned nothing: the group did not share the partitions");
        }
        String fusion = run + "-f";
        assertEquals(201, owner.create(fusion, false, cells.stream().map(owner::cell).toList()).status());
        assertFusedRecords(fusion, 3000);

        long stoppedCellRows = streams.rowCount(cells.get(2));
        streams.stop(cells.get(2), "k");
        TOPICS.awaitGroup(group, 2);
        TOPICS.send(topic, 6, 3000, 6000, KafkaStreamIT::xy);
        awaitRowsApplied(cells, 6000);
        assertEquals(stoppedCellRows, streams.rowCount(cells.get(2)), "the stopped cell learned on");
        assertFusedRecords(fusion, 6000);
        for (String cell : cells) {
            JsonObject metrics = streams.metrics(cell, "k");
            assertEquals("at-least-once", metrics.getString("delivery"));
            assertEquals("", metrics.getString("lastError"));
        }
        assertEquals(200, client.delete("projects/" + fusion).status());
        for (String cell : cells) {
            assertEquals(200, client.delete("projects/" + cell).status(), "deleting a project stops and deletes its streams");
        }
    }

    @Test
    void badRecordsAreSkippedOrStopTheStreamAndAreLogged() throws Exception {
        String topic = run + "-poison";
        TOPICS.create(topic, 1);
        TOPICS.send(topic, 1, 0, 5, KafkaStreamIT::xy);
        TOPICS.sendBytes(topic, 0, "not json at all".getBytes(StandardCharsets.UTF_8));
        TOPICS.sendBytes(topic, 0, ("{\"x\":\"" + "z".repeat(5000) + "\",\"y\":1}").getBytes(StandardCharsets.UTF_8));
        TOPICS.send(topic, 1, 5, 10, KafkaStreamIT::xy);

        String skipping = run + "-skip";
        assertEquals(201, client.post("projects?pid=" + skipping, "{}").status());
        assertEquals(201, streams.create(skipping, withErrorHandling("s", topic, run + "-g1", "skip")).status());
        streams.start(skipping, "s");
        JsonObject skipped = streams.awaitMetrics(skipping, "s", 90, m -> m.getJsonNumber("recordsConsumed").longValue() >= 12);
        assertEquals(10, skipped.getJsonNumber("rowsApplied").longValue(), skipped::toString);
        assertEquals(2, skipped.getJsonNumber("recordsSkipped").longValue(), skipped::toString);
        assertEquals("RUNNING", skipped.getString("state"));
        JsonArray log = streams.errorLog(skipping, "s");
        assertEquals(2, log.size(), log::toString);
        assertEquals(5, log.getJsonObject(0).getJsonNumber("offset").longValue());
        assertTrue(log.getJsonObject(0).getString("reason").startsWith("not JSON"), log::toString);
        assertTrue(log.getJsonObject(1).getString("reason").contains("'x'"), log::toString);
        assertTrue(log.getJsonObject(1).getString("record").length() <= 201, "the error log echoes a whole record");
        assertEquals(10, streams.rowCount(skipping));

        String stopping = run + "-stop";
        assertEquals(201, client.post("projects?pid=" + stopping, "{}").status());
        assertEquals(201, streams.create(stopping, withErrorHandling("s", topic, run + "-g2", "stop")).status());
        streams.start(stopping, "s");
        JsonObject stopped = streams.awaitMetrics(stopping, "s", 90, m -> m.getString("state").equals("FAILED"));
        assertEquals("FAILED", stopped.getString("state"), stopped::toString);
        assertTrue(stopped.getString("lastError").contains("partition 0 offset 5"), stopped::toString);
        assertEquals(5, streams.rowCount(stopping), "the records before the bad one are learned, none after it");
        assertEquals(1, streams.errorLog(stopping, "s").size());
        assertEquals("stopped", streams.errorLog(stopping, "s").getJsonObject(0).getString("action"));

        assertEquals(200, client.delete("projects/" + skipping).status());
        assertEquals(200, client.delete("projects/" + stopping).status());
    }

    @Test
    void aTaskInfoIsRefusedWithItsFaultNamed() throws Exception {
        String cell = run + "-refusals";
        assertEquals(201, client.post("projects?pid=" + cell, "{}").status());
        String topic = run + "-r";
        String good = StreamCalls.jsonXy("k", TOPICS.bootstrap(), topic, "g").build().toString();

        Reply plain = client.post("projects/" + cell + "/streams/create", good);
        assertEquals(400, plain.status());
        assertTrue(plain.statusString().startsWith("The TaskInfo arrived as plain JSON"), plain::toString);
        assertRefused(cell, good.replace("\"groupId\"", "\"group.id\""), "unknown key [group.id]");
        assertRefused(cell, good.replace("\"format\":\"json\"",
                "\"format\":\"json\",\"sasl.login.callback.handler.class\":\"x.Evil\""), "names a class");
        assertRefused(cell, good.replace("\"format\":\"json\"", "\"format\":\"xml\""), "format [xml]");
        assertRefused(cell, good.replace(TOPICS.bootstrap(), "no port"), "is not host:port");

        assertEquals(201, streams.create(cell, good).status());
        assertEquals(409, streams.create(cell, good).status());
        Reply rename = client.get("projects/" + cell + "/rename?newName=" + cell + "-2");
        assertEquals(400, rename.status(), "a project is renamed under its streams");

        String fusion = run + "-rf";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(cell))).status());
        Reply onFusion = streams.create(fusion, good);
        assertEquals(400, onFusion.status());
        assertTrue(onFusion.statusString().contains("fusion"), onFusion::toString);

        Reply list = client.get("projects/" + cell + "/streams/list");
        assertEquals(200, list.status());
        JsonObject listed = list.values().getJsonArray("streams").getJsonObject(0);
        assertEquals("k", listed.getString("sid"));
        assertEquals("STOPPED", listed.getString("state"));
        assertEquals(200, client.delete("projects/" + cell + "/streams/k").status());
        assertEquals(0, client.get("projects/" + cell + "/streams/list").values().getJsonArray("streams").size());
        assertEquals(200, client.delete("projects/" + fusion).status());
        assertEquals(200, client.delete("projects/" + cell).status());
    }

    private void assertRefused(String pid, String task, String named) {
        Reply refused = streams.create(pid, task);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.statusString().contains(named), refused::toString);
    }

    private String withErrorHandling(String sid, String topic, String group, String handling) {
        JsonObject task = StreamCalls.jsonXy(sid, TOPICS.bootstrap(), topic, group).build();
        return Json.createObjectBuilder(task).add("params", Json.createObjectBuilder(task.getJsonObject("params"))
                .add("errorHandling", handling)).build().toString();
    }

    private void awaitRowsApplied(List<String> cells, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        long applied = 0;
        while (Instant.now().isBefore(deadline)) {
            applied = 0;
            for (String cell : cells) {
                applied += streams.metrics(cell, "k").getJsonNumber("rowsApplied").longValue();
            }
            if (applied >= expected) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(expected, applied, "rows the cells' streams applied");
    }

    /** The fusion holds records 0 to {@code records} - 1 once each: their count and Σx. */
    private void assertFusedRecords(String fusion, int records) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long rows = owner.info(fusion).getJsonNumber("rowCount").longValue();
        while (rows != records && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            rows = owner.info(fusion).getJsonNumber("rowCount").longValue();
        }
        assertEquals(records, rows, "rows of the fusion");
        ProjectStatistics fused = StatisticsAssertions.decodeExport(client.get("projects/" + fusion + "/export"));
        assertEquals(records, fused.total().count());
        assertEquals((double) records * (records - 1) / 2, fused.total().mean(fused.schema().indexOf("x")) * records, 1e-6 * records * records, "Σx of the fusion");
    }

    private static String xy(int i) {
        return "{\"x\":" + i + ",\"y\":" + i % 7 + "}";
    }
}
