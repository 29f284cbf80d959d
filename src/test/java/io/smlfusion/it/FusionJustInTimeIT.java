package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Just in time, as the specification says (ISSUE-11 §1), on the integration-test server in the
 * default {@code wait} mode, with the pom's refresh interval of 2000 ms: a read that finds the merge
 * due waits for the refresh and answers with the cells' latest rows.
 */
class FusionJustInTimeIT {

    private static final long INTERVAL_MS = 2000;
    /** What one refresh of two local cells (and building the answer) may take on a busy 2-core machine. */
    private static final long ONE_REFRESH_MS = 2000;
    private static final String H1 = "housing-fed3/housing1.csv";
    private static final String H2 = "housing-fed3/housing2.csv";

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "jit" + System.nanoTime();
    private final String[] names = CsvDataFrames.lines(H2).get(0).split(",");

    private void learn(String pid, int from, int count) {
        List<String> rows = CsvDataFrames.lines(H2).subList(1 + from, 1 + from + count);
        assertEquals(200, client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(names, rows, "C")).status());
    }

    @Test
    void theFirstReadAfterTheIntervalSeesRowsLearnedBeforeIt() throws InterruptedException {
        owner.cellProject(run + "-c1", H1);
        String fusion = run + "-f";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-c1"))).status());
        assertEquals(25, owner.info(fusion).getInt("rowCount"));

        learn(run + "-c1", 0, 3);
        Thread.sleep(INTERVAL_MS + 200);
        JsonObject info = owner.info(fusion);
        assertEquals(28, info.getInt("rowCount"), "the read that finds the merge due waits for the cells' latest rows");
        JsonObject merge = info.getJsonObject("fusionMerge");
        assertFalse(merge.getBoolean("stale"), merge::toString);
        assertTrue(merge.getInt("ageMs") < ONE_REFRESH_MS, merge::toString);
    }

    @Test
    void underLearnLoadNoReadSeesAMergeOlderThanTheIntervalPlusOneRefresh() throws Exception {
        owner.cellProject(run + "-l1", H1);
        owner.cellProject(run + "-l2", H1);
        String fusion = run + "-lf";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-l1"), owner.cell(run + "-l2"))).status());
        long base = owner.info(fusion).getInt("rowCount");

        long end = System.currentTimeMillis() + 5000;
        AtomicLong acknowledged = new AtomicLong();
        ConcurrentLinkedQueue<long[]> acks = new ConcurrentLinkedQueue<>();   // {time acknowledged, rows acknowledged so far}
        ConcurrentLinkedQueue<long[]> reads = new ConcurrentLinkedQueue<>();  // {time started, rowCount, ageMs}
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> tasks = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            String cell = run + (l % 2 == 0 ? "-l1" : "-l2");
            tasks.add(load.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    learn(cell, 0, 5);
                    acks.add(new long[] {System.currentTimeMillis(), acknowledged.addAndGet(5)});
                }
            }));
        }
        for (int r = 0; r < 2; r++) {
            tasks.add(load.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    long started = System.currentTimeMillis();
                    JsonObject info = owner.info(fusion);
                    reads.add(new long[] {started, info.getInt("rowCount") - base, info.getJsonObject("fusionMerge").getInt("ageMs")});
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();

        assertTrue(reads.size() > 10, "reads: " + reads.size());
        long oldest = 0;
        for (long[] read : reads) {
            oldest = Math.max(oldest, read[2]);
            assertTrue(read[2] <= INTERVAL_MS + ONE_REFRESH_MS, "a read served a merge " + read[2] + " ms old");
            long mustInclude = acks.stream().filter(ack -> ack[0] < read[0] - INTERVAL_MS - ONE_REFRESH_MS)
                    .mapToLong(ack -> ack[1]).max().orElse(0);
            assertTrue(read[1] >= mustInclude, "a read at " + read[0] + " counted " + read[1] + " new rows, but "
                    + mustInclude + " were acknowledged more than an interval and a refresh before it");
        }
        System.out.printf("%d reads under %d learned rows; oldest merge served %d ms (interval %d ms)%n",
                reads.size(), acknowledged.get(), oldest, INTERVAL_MS);
    }
}
