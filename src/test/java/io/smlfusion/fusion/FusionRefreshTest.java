package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smlfusion.audit.FusedMerge;
import io.smlfusion.audit.MergedCell;
import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.it.StatisticsAssertions;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.project.ProjectType;

/**
 * The just-in-time refresh of one fusion: single flight, waiting (or not) for a due refresh,
 * deadlines, interval, failures. The interval runs on a clock the tests move; deadlines are real time.
 */
class FusionRefreshTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final Duration DEADLINE = Duration.ofMillis(400);

    private final TestCells.ManualClock clock = new TestCells.ManualClock();
    private final FakeCellFetcher fetcher = new FakeCellFetcher(clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<CellInfo> cells = TestCells.cells(3);
    private RefreshPolicy policy = policy(RefreshPolicy.Mode.WAIT, 0);
    private final List<FusedMerge> mergesRead = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<FusionState> refreshesInstalled = new java.util.concurrent.CopyOnWriteArrayList<>();

    FusionRefreshTest() {
        for (int k = 0; k < cells.size(); k++) {
            fetcher.answer(cells.get(k), TestCells.learned(TestCells.block(NAMES, 10 * (k + 1), k)));
        }
    }

    @AfterEach
    void shutDown() {
        fetcher.open();
        pool.shutdownNow();
    }

    /** A deadline no test reaches by accident, even on a busy machine. */
    private static RefreshPolicy policy(RefreshPolicy.Mode mode, int minCells) {
        return new RefreshPolicy(RefreshPolicy.DEFAULT_INTERVAL, minCells, mode, Duration.ofSeconds(10));
    }

    /** The short deadline of the tests about deadlines. */
    private static RefreshPolicy shortDeadline(RefreshPolicy.Mode mode) {
        return new RefreshPolicy(RefreshPolicy.DEFAULT_INTERVAL, 0, mode, DEADLINE);
    }

    private FusionProject fusion(Executor executor) {
        ProjectHeader header = new ProjectHeader("c1", "f1", new ProjectSettings(ProjectType.FUSION, false, false, Map.of()),
                clock.instant(), clock.instant(), false);
        return new FusionProject(header, new FusionRefresh(cells, path -> fetcher, TestCells.callers(executor), clock, () -> policy,
                (next, took) -> refreshesInstalled.add(next)),
                clock, json -> json, (fusion, merge) -> mergesRead.add(merge));
    }

    /** Cell 1 learns 100 more rows: the fusion of 60 rows becomes 160. */
    private void cellOneLearns() {
        fetcher.answer(cells.get(0), TestCells.learned(TestCells.block(NAMES, 110, 0)));
    }

    private static long rows(FusionProject fusion) {
        return fusion.read(statistics -> statistics.total().count());
    }

    @Test
    void theListenerIsToldOfEveryRefreshWithItsOutcome() {
        policy = policy(RefreshPolicy.Mode.WAIT, 3);
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        assertEquals(60, rows(fusion));
        assertEquals(1, refreshesInstalled.size(), "a read inside the interval refreshes nothing");
        assertFalse(refreshesInstalled.get(0).lastAttemptFailed());

        fetcher.fail(cells.get(2), CellStatus.UNREACHABLE, "down");
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL.plusMillis(1));
        assertEquals(60, rows(fusion), "the last good merge");
        assertEquals(2, refreshesInstalled.size());
        assertTrue(refreshesInstalled.get(1).lastAttemptFailed(), "all three cells were required");
        assertEquals(refreshesInstalled.get(0).mergedAt(), refreshesInstalled.get(1).mergedAt());
    }

    @Test
    void concurrentReadsCauseOneFetchPerCell() throws Exception {
        FusionProject fusion = fusion(pool);
        fetcher.close();
        ExecutorService readers = Executors.newFixedThreadPool(16);
        List<Future<Long>> reads = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            reads.add(readers.submit(() -> rows(fusion)));
        }
        Thread.sleep(200); // every reader is waiting for the first merge
        fetcher.open();
        for (Future<Long> read : reads) {
            assertEquals(60, read.get(10, TimeUnit.SECONDS));
        }
        readers.shutdown();
        for (CellInfo cell : cells) {
            assertEquals(1, fetcher.calls(cell), cell.pid());
        }
        assertEquals(60, rows(fusion));
        for (CellInfo cell : cells) {
            assertEquals(1, fetcher.calls(cell), "no second fetch inside the interval");
        }
    }

    @Test
    void inBackgroundModeReadsServeTheLastMergeWhileARefreshRuns() throws Exception {
        policy = policy(RefreshPolicy.Mode.BACKGROUND, 0);
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        cellOneLearns();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        fetcher.close();

        long started = System.nanoTime();
        for (int r = 0; r < 10_000; r++) {
            assertEquals(60, rows(fusion), "the previous merge serves while the cells are slow");
        }
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "reads did not wait for the refresh");
        assertEquals(2, fetcher.calls(cells.get(0)), "one refresh for all those reads");

        assertEquals(true, Described.of(fusion).merge().get("stale"));
        assertEquals("a refresh runs in the background (smlfusion.fusion.refresh.mode=background): this is the previous merge",
                Described.of(fusion).merge().get("staleReason"));
        long before = fusion.version();
        fetcher.open();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fusion.version() == before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(160, rows(fusion));
    }

    @Test
    void inBackgroundModeTheReadThatFindsTheMergeDueGetsThePreviousOne() {
        policy = policy(RefreshPolicy.Mode.BACKGROUND, 0);
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(60, rows(fusion));
        fetcher.answer(cells.get(1), TestCells.learned(TestCells.block(NAMES, 120, 1)));

        clock.advance(RefreshPolicy.DEFAULT_INTERVAL.minusMillis(1));
        assertEquals(60, rows(fusion), "new rows are invisible inside the interval");
        assertEquals(1, fetcher.calls(cells.get(1)));

        clock.advance(Duration.ofMillis(1));
        assertEquals(60, rows(fusion), "the read that starts the refresh still gets the previous merge");
        assertEquals(2, fetcher.calls(cells.get(1)));
        assertEquals(160, rows(fusion), "the next read sees the new rows");
    }

    @Test
    void replacedCellsAreReadAtOnce() {
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(60, rows(fusion));
        fusion.replaceCells(List.of(cells.get(2)));
        assertEquals(30, rows(fusion), "no waiting for the interval after updateCellsInfo");
        assertEquals(2, fetcher.calls(cells.get(2)));
        assertEquals(1, fetcher.calls(cells.get(0)));
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodMergeAndNamesTheCell() {
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(60, rows(fusion));
        fetcher.fail(cells.get(1), CellStatus.UNREACHABLE, "ConnectException: Connection refused");
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        rows(fusion);

        assertEquals(60, rows(fusion));
        Described info = Described.of(fusion);
        assertEquals("http://cell2:9080 cid=c2 pid=p2: UNREACHABLE (ConnectException: Connection refused)", info.fetchError());
        assertEquals(true, info.merge().get("lastRefreshFailed"));
        assertEquals(false, info.merge().get("partial"));
        assertEquals(true, info.merge().get("stale"));
        assertEquals("the last refresh failed (see params.fusion_fetch_error): this is the last good merge", info.merge().get("staleReason"));
        Map<String, Object> failed = info.cells().get(1);
        assertEquals("UNREACHABLE", failed.get("status"));
        assertEquals(true, failed.get("inMerge"), "its rows from the last good merge are still served");
        assertEquals(20L, failed.get("rowCount"));
        assertEquals(RefreshPolicy.DEFAULT_INTERVAL.toMillis(), failed.get("snapshotAgeMs"));

        clock.advance(RefreshPolicy.DEFAULT_INTERVAL.minusMillis(1));
        rows(fusion);
        assertEquals(2, fetcher.calls(cells.get(1)), "a failing cell is asked again only after an interval");

        fetcher.answer(cells.get(1), TestCells.learned(TestCells.block(NAMES, 20, 1)));
        clock.advance(Duration.ofMillis(1));
        rows(fusion);
        assertNull(Described.of(fusion).fetchError(), "recovered");
        assertEquals(false, Described.of(fusion).merge().get("lastRefreshFailed"));
    }

    @Test
    void withoutAnyMergeReadsSeeAnEmptyProjectAndTheError() {
        fetcher.fail(cells.get(0), CellStatus.TIMEOUT, "SocketTimeoutException: Read timed out");
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(0, rows(fusion));
        assertEquals(0, (int) fusion.read(statistics -> statistics.schema().size()));
        String error = Described.of(fusion).fetchError();
        assertTrue(error.startsWith("http://cell1:9080 cid=c1 pid=p1: TIMEOUT ("), error);
        assertFalse(Described.of(fusion).merge().containsKey("ageMs"));
        rows(fusion);
        assertEquals(1, fetcher.calls(cells.get(0)));
    }

    @Test
    void aQuorumBelowAllCellsGivesALabelledPartialMerge() {
        policy = policy(RefreshPolicy.Mode.WAIT, 2);
        fetcher.fail(cells.get(2), CellStatus.NOT_FOUND, "HTTP 400 Cannot Find SYMETRYML id[p3] for Customer id [c3]");
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(30, rows(fusion));
        Described info = Described.of(fusion);
        assertEquals("http://cell3:9080 cid=c3 pid=p3: NOT_FOUND (HTTP 400 Cannot Find SYMETRYML id[p3] for Customer id [c3])", info.fetchError());
        String mergeHash = FusedMerge.of(30, List.of(merged(0), merged(1))).sha256();
        assertEquals(Map.of("partial", true, "cellsMerged", 2L, "cellsTotal", 3, "rowCount", 30L, "sha256", mergeHash, "ageMs", 0L,
                "lastRefreshFailed", false, "cellsUnchanged", 0L, "bytesReceived", 2000L, "stale", false), info.merge());
        assertEquals(false, info.cells().get(2).get("inMerge"));
    }

    @Test
    void aCellWhoseAttributeTypeConflictsIsIncompatible() {
        fetcher.answer(cells.get(1), TestCells.learned(new DataBlock(List.of("b"), List.of(AttributeType.BINARY),
                new double[] {0, 1, 1}, 3)));
        FusionProject all = fusion(Runnable::run);
        assertEquals(0, rows(all), "all cells are required by default");
        Map<String, Object> conflict = Described.of(all).cells().get(1);
        assertEquals("INCOMPATIBLE", conflict.get("status"));
        assertTrue(conflict.get("reason").toString().contains("'b'"), conflict.toString());

        policy = policy(RefreshPolicy.Mode.WAIT, 1);
        FusionProject partial = fusion(Runnable::run);
        assertEquals(40, rows(partial), "cells 1 and 3; cell 2 left out");
        assertEquals(true, Described.of(partial).merge().get("partial"));
    }

    @Test
    void unchangedCellsAreMergedFromTheirKeptSnapshotsAndAChangedOneFromItsNewOne() {
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(60, rows(fusion));
        cellOneLearns();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        assertEquals(160, rows(fusion), "recomputed from the snapshots, never added onto the previous merge");
        Described info = Described.of(fusion);
        assertEquals(2L, info.merge().get("cellsUnchanged"));
        assertEquals(1000L, info.merge().get("bytesReceived"), "only the changed cell sent its snapshot");
        assertEquals(List.of(false, true, true), info.cells().stream().map(cell -> cell.get("unchanged")).toList());

        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        assertEquals(160, rows(fusion));
        assertEquals(3L, Described.of(fusion).merge().get("cellsUnchanged"));
        assertEquals(0L, Described.of(fusion).merge().get("bytesReceived"));
        StatisticsAssertions.assertSameStatistics(TestCells.learned(TestCells.block(NAMES, 110, 0), TestCells.block(NAMES, 20, 1),
                TestCells.block(NAMES, 30, 2)), fusion.read(ProjectStatistics::copy), 1e-12);
    }

    @Test
    void whenEveryCellIsUnchangedTheServedMergeIsKeptAndItsVersionStays() {
        FusionRefresh refresh = new FusionRefresh(cells, path -> fetcher, TestCells.callers(Runnable::run), clock, () -> policy,
                (next, took) -> { });
        FusionState first = refresh.readable(FusionPath.EMPTY);
        long version = refresh.version();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        FusionState unchanged = refresh.readable(FusionPath.EMPTY);
        assertSame(first.merged(), unchanged.merged(), "all cells answered 304: nothing to merge again");
        assertEquals(version, refresh.version());
        assertEquals(clock.instant(), unchanged.mergedAt(), "the merge is confirmed current now");
        assertEquals(3, unchanged.reports().stream().filter(report -> report.unchanged()).count());

        cellOneLearns();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        FusionState changed = refresh.readable(FusionPath.EMPTY);
        assertNotSame(first.merged(), changed.merged());
        assertEquals(160, changed.merged().total().count());
        assertTrue(refresh.version() > version);
    }

    @Test
    void aFailedCellKeepsItsSnapshotForTheNextConditionalCall() {
        policy = policy(RefreshPolicy.Mode.WAIT, 2);
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(60, rows(fusion));
        fetcher.fail(cells.get(0), CellStatus.TIMEOUT, "slow");
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        assertEquals(50, rows(fusion), "a partial merge without cell 1");
        fetcher.answer(cells.get(0), TestCells.learned(TestCells.block(NAMES, 10, 0)));
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        assertEquals(60, rows(fusion));
        assertEquals(List.of(false, true, true), Described.of(fusion).cells().stream().map(cell -> cell.get("unchanged")).toList(),
                "cell 1 has a new version: sent whole; the others unchanged");
    }

    @Test
    void everyReadNamesItsMergeByTheHashesOfTheExportedBytes() {
        FusionProject fusion = fusion(Runnable::run);
        rows(fusion);
        FusedMerge first = FusedMerge.of(60, List.of(merged(0), merged(1), merged(2)));
        assertEquals(List.of(first), mergesRead);
        assertEquals(first.sha256(), Described.of(fusion).merge().get("sha256"), "smlInfo shows the hash the audit records");

        fetcher.fail(cells.get(1), CellStatus.UNREACHABLE, "ConnectException: Connection refused");
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        rows(fusion);
        assertEquals(first, mergesRead.get(1), "the last good merge is served, and named");

        cellOneLearns();
        fetcher.answer(cells.get(1), TestCells.learned(TestCells.block(NAMES, 20, 1)));
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        assertEquals(160, rows(fusion));
        FusedMerge second = mergesRead.get(2);
        assertEquals(160, second.rowCount());
        assertEquals(Sha256.hex(StatisticsCodec.encode(TestCells.learned(TestCells.block(NAMES, 110, 0)))),
                second.cells().get(0).sha256());
        assertEquals(first.cells().subList(1, 3), second.cells().subList(1, 3));
        assertFalse(first.sha256().equals(second.sha256()));
    }

    @Test
    void aFusionWithoutMergeNamesNone() {
        cells.forEach(cell -> fetcher.fail(cell, CellStatus.TIMEOUT, "SocketTimeoutException: Read timed out"));
        FusionProject fusion = fusion(Runnable::run);
        assertEquals(0, rows(fusion));
        assertEquals(List.of(), mergesRead, "nothing was released, so nothing is recorded");
        assertFalse(Described.of(fusion).merge().containsKey("sha256"));
    }

    /** Cell k as the constructor made it, hashed from its own encoding (not from the fetcher). */
    private MergedCell merged(int k) {
        CellInfo cell = cells.get(k);
        byte[] exported = StatisticsCodec.encode(TestCells.learned(TestCells.block(NAMES, 10 * (k + 1), k)));
        return new MergedCell(cell.host(), cell.cid(), cell.pid(), 10L * (k + 1), Sha256.hex(exported));
    }

    @Test
    void provenanceReportsEachCellWithoutItsSecret() {
        FusionProject fusion = fusion(Runnable::run);
        rows(fusion);
        clock.advance(Duration.ofMillis(1234));
        Described info = Described.of(fusion);
        assertEquals(Map.of("host", "http://cell1:9080", "cid", "c1", "pid", "p1", "status", "OK", "inMerge", true,
                "unchanged", false, "rowCount", 10L, "snapshotAgeMs", 1234L, "sha256", merged(0).sha256()), info.cells().get(0));
        assertEquals(1234L, info.merge().get("ageMs"));
        assertFalse(info.cells().toString().contains(cells.get(0).sk()));
        assertTrue(info.cellInfo().contains(cells.get(0).sk()), "only the (here unencrypted) fusionCellInfo has the secret");
    }

    @Test
    void inWaitModeTheReadThatFindsTheMergeDueWaitsAndSeesTheNewRows() {
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        cellOneLearns();

        clock.advance(RefreshPolicy.DEFAULT_INTERVAL.minusMillis(1));
        assertEquals(60, rows(fusion), "inside the interval: the merge serves, no refresh");
        assertEquals(1, fetcher.calls(cells.get(0)));

        clock.advance(Duration.ofMillis(1));
        assertEquals(160, rows(fusion), "the read that finds the merge due waits for the refresh it starts");
        assertEquals(2, fetcher.calls(cells.get(0)));
        Map<String, Object> merge = Described.of(fusion).merge();
        assertEquals(false, merge.get("stale"), merge::toString);
        assertEquals(0L, merge.get("ageMs"));
    }

    @Test
    void inWaitModeReadsInsideTheIntervalNeverWait() {
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        fetcher.close();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL.minusMillis(1));
        long started = System.nanoTime();
        for (int r = 0; r < 1000; r++) {
            assertEquals(60, rows(fusion));
        }
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "no read waited (a waiting one would wait 10 s)");
        assertEquals(1, fetcher.calls(cells.get(0)));
    }

    @Test
    void inWaitModeConcurrentDueReadsShareOneRefreshAndAllSeeIt() throws Exception {
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        cellOneLearns();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        fetcher.close();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<Long>> reads = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            reads.add(readers.submit(() -> rows(fusion)));
        }
        Thread.sleep(100);
        fetcher.open();
        for (Future<Long> read : reads) {
            assertEquals(160, read.get(5, TimeUnit.SECONDS));
        }
        readers.shutdown();
        for (CellInfo cell : cells) {
            assertEquals(2, fetcher.calls(cell), "one fetch per cell for all the waiting reads");
        }
    }

    @Test
    void inWaitModeACellSlowerThanTheDeadlineGivesTheLastGoodMergeLabelledStale() {
        policy = shortDeadline(RefreshPolicy.Mode.WAIT);
        FusionProject fusion = fusion(pool);
        assertEquals(60, rows(fusion));
        cellOneLearns();
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        fetcher.close();

        long started = System.nanoTime();
        assertEquals(60, rows(fusion));
        long waited = System.nanoTime() - started;
        assertTrue(waited >= DEADLINE.toNanos() * 9 / 10 && waited < DEADLINE.toNanos() + TimeUnit.SECONDS.toNanos(2),
                "waited " + waited / 1_000_000 + " ms for a deadline of " + DEADLINE.toMillis());
        Map<String, Object> merge = Described.of(fusion).merge();
        assertEquals(true, merge.get("stale"), merge::toString);
        assertTrue(merge.get("staleReason").toString().startsWith("the refresh did not finish within smlfusion.fusion.cell.deadline.ms = 400 ms")
                || merge.get("staleReason").toString().startsWith("the last refresh failed"), merge::toString);

        // the timed-out refresh completes at the deadline: the cells are TIMEOUT, the last good merge serves
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Described.of(fusion).fetchError() == null && System.nanoTime() < deadline) {
            Thread.yield();
        }
        assertTrue(Described.of(fusion).fetchError().contains("TIMEOUT (no complete answer within smlfusion.fusion.cell.deadline.ms = 400 ms)"),
                Described.of(fusion).fetchError());
        assertEquals(60, rows(fusion));
    }

    @Test
    void withoutAnyMergeAReadWaitsAtMostTheDeadlineInEitherMode() {
        for (RefreshPolicy.Mode mode : RefreshPolicy.Mode.values()) {
            policy = shortDeadline(mode);
            FusionProject fusion = fusion(pool);
            fetcher.close();
            FusionUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(FusionUnavailableException.class, () -> rows(fusion)), mode.name());
            assertEquals("The fusion has no merge yet: its cells did not answer within smlfusion.fusion.cell.deadline.ms = 400 ms;"
                    + " the refresh goes on, try again later", e.getMessage());
            fetcher.open();
        }
    }

    @Test
    void theModeIsReadFromItsConfigurationValue() {
        assertEquals(RefreshPolicy.Mode.WAIT, RefreshPolicy.Mode.parse("wait"));
        assertEquals(RefreshPolicy.Mode.BACKGROUND, RefreshPolicy.Mode.parse(" Background "));
        assertThrows(IllegalArgumentException.class, () -> RefreshPolicy.Mode.parse("sometimes"));
    }

    /** What {@link FusionProject#describe} adds to smlInfo. */
    private record Described(Map<String, Object> info, Map<String, String> params) {

        static Described of(FusionProject fusion) {
            Described described = new Described(new LinkedHashMap<>(), new LinkedHashMap<>());
            fusion.describe(described.info, described.params);
            return described;
        }

        String fetchError() {
            return params.get("fusion_fetch_error");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> merge() {
            return (Map<String, Object>) info.get("fusionMerge");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells() {
            return (List<Map<String, Object>>) info.get("fusionCells");
        }

        String cellInfo() {
            return (String) info.get("fusionCellInfo");
        }
    }
}
