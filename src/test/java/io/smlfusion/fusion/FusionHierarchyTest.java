package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.it.StatisticsAssertions;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.project.ProjectType;
import io.smlfusion.refusal.RequestRefused;

/**
 * Fusions whose cells are fusions, in memory: every cell call goes to a leaf's statistics or to a
 * fusion's {@link FusionExport#snapshot}, with the path and budget headers written and read back
 * as on the wire and a refusal turned into the HTTP status the API would answer — so the real
 * refresh, merge, path and budget code runs, without a server.
 */
class FusionHierarchyTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final int DEPTH = 8;
    /** A deadline no test reaches unless something waits for it. */
    private static final Duration LONG = Duration.ofSeconds(20);

    private final TestCells.ManualClock clock = new TestCells.ManualClock();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private final Map<String, ProjectStatistics> leaves = new ConcurrentHashMap<>();
    private final Map<String, FusionProject> fusions = new ConcurrentHashMap<>();
    /** Leaves whose answer waits for this latch. */
    private final Map<String, CountDownLatch> slow = new ConcurrentHashMap<>();
    /** Every call: the pid called and the path header it carried. */
    private final List<Map.Entry<String, String>> calls = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void shutDown() {
        slow.values().forEach(CountDownLatch::countDown);
        pool.shutdownNow();
    }

    @Test
    void threeLevelsAnswerTheUnionOfAllLeaves() throws SnapshotFormatException {
        List<DataBlock> rows = List.of(TestCells.block(NAMES, 11, 1), TestCells.block(NAMES, 23, 2),
                TestCells.block(NAMES, 37, 3), TestCells.block(NAMES, 41, 4));
        for (int k = 0; k < rows.size(); k++) {
            leaf("l" + k, rows.get(k));
        }
        fusion("r1", LONG, "l0", "l1");
        fusion("r2", LONG, "l2", "l3");
        FusionProject global = fusion("g", LONG, "r1", "r2");
        ProjectStatistics everything = TestCells.learned(rows.toArray(DataBlock[]::new));

        StatisticsAssertions.assertSameStatistics(everything, global.read(ProjectStatistics::copy), 1e-12);
        ProjectStatistics exported = StatisticsCodec.decode(FusionExport.snapshot(global, FusionPath.EMPTY, Optional.empty(), DEPTH));
        StatisticsAssertions.assertSameStatistics(everything, exported, 1e-12);

        String g = fusions.get("g").hopId();
        String r1 = fusions.get("r1").hopId();
        assertEquals(List.of(g), pathsTo("r1"), "the regional fusion is called for the global one");
        assertEquals(List.of(g + "," + r1), pathsTo("l0"), "the leaf is called for both, outermost first");
    }

    @Test
    void twoFusionsThatAreEachOthersCellsAreACycleFoundAtOnce() {
        leaf("l0", TestCells.block(NAMES, 10, 1));
        FusionProject a = fusion("a", LONG, "l0", "b");
        FusionProject b = fusion("b", LONG, "a");

        // no call waits for a deadline: a → b → a is refused at the second a
        long rows = assertTimeoutPreemptively(LONG.dividedBy(4), () -> a.read(s -> s.total().count()));
        assertEquals(0, rows, "every cell is required, and b never has a merge");
        assertEquals(List.of(a.hopId() + "," + b.hopId()), pathsTo("a"));
        Map<String, Object> bReport = cellReport(a, 1);
        assertEquals("CYCLE", bReport.get("status"));
        assertEquals("HTTP 409: the cell is a fusion whose cells lead back to a fusion this call is made for", bReport.get("reason"));
        assertEquals("CYCLE", cellReport(b, 0).get("status"), "b found its cell a refusing");

        // b exported on its own: its last refresh found the cycle, and says so instead of serving anything
        RequestRefused refused = assertThrows(RequestRefused.class, () -> FusionExport.snapshot(b, FusionPath.EMPTY, Optional.empty(), DEPTH));
        assertEquals(RequestRefused.Reason.CONFLICT, refused.reason());
        assertTrue(refused.getMessage().startsWith(FusionPath.CYCLE + ": cell http://cells:9080 cid=c1 pid=a of fusion project [b]"),
                refused::getMessage);
    }

    @Test
    void aFusionThatIsItsOwnCellIsACycle() {
        leaf("l0", TestCells.block(NAMES, 10, 1));
        policyMinCells = 1;
        FusionProject a = fusion("a", LONG, "l0", "a");
        assertEquals(10, (long) assertTimeoutPreemptively(LONG.dividedBy(4), () -> a.read(s -> s.total().count())),
                "with a quorum of one the other cell still merges");
        assertEquals("CYCLE", cellReport(a, 1).get("status"));
        assertThrows(RequestRefused.class, () -> FusionExport.snapshot(a, FusionPath.EMPTY, Optional.empty(), DEPTH),
                "a partial merge is not exported past a cycle");
    }

    @Test
    void aChainDeeperThanTheMaximumIsRefusedByItsLastFusion() {
        leaf("leaf", TestCells.block(NAMES, 10, 1));
        fusion("f" + DEPTH, LONG, "leaf");
        for (int k = DEPTH - 1; k >= 1; k--) {
            fusion("f" + k, LONG, "f" + (k + 1));
        }
        assertEquals(10, (long) fusions.get("f1").read(s -> s.total().count()), DEPTH + " fusions are allowed");

        fusion("f0", LONG, "f1");
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        fusions.get("f0").read(s -> s.total().count());
        Map<String, Object> refusedByTheLast = cellReport(fusions.get("f" + (DEPTH - 1)), 0);
        assertEquals("ERROR", refusedByTheLast.get("status"));
        assertEquals("HTTP 400: the cell is a fusion, and the chain of fusions is deeper than it allows", refusedByTheLast.get("reason"));
        assertEquals(DEPTH, pathsTo("f" + DEPTH).get(1).split(",").length, "the refused call carried " + DEPTH + " fusions");
    }

    @Test
    void aChildFusionAnswersWithinItsShareOfTheCallersBudget() throws InterruptedException {
        leaf("l0", TestCells.block(NAMES, 10, 1));
        fusion("child", LONG, "l0");
        FusionProject parent = fusion("parent", Duration.ofMillis(800), "child");
        assertEquals(10, (long) parent.read(s -> s.total().count()));

        leaf("l0", TestCells.block(NAMES, 30, 1));
        slow.put("l0", new CountDownLatch(1));
        clock.advance(RefreshPolicy.DEFAULT_INTERVAL);
        // the child's own deadline is 20 s, the parent's 0.8 s: the child waits at most 0.6 s, answers
        // its last good merge, and the parent gets it in time instead of a TIMEOUT
        long rows = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parent.read(s -> s.total().count()));
        assertEquals(10, rows);
        assertEquals("OK", cellReport(parent, 0).get("status"));
        // the refresh the short wait left behind goes on with the child's own deadline, for the next call
        assertEquals("OK", cellReport(fusions.get("child"), 0).get("status"), "the child's refresh still runs");
        slow.get("l0").countDown();
        assertEquals(30L, awaitMergedRows(fusions.get("child"), 30L));
    }

    private int policyMinCells;

    private void leaf(String pid, DataBlock rows) {
        leaves.put(pid, TestCells.learned(rows));
    }

    private FusionProject fusion(String pid, Duration deadline, String... cellPids) {
        List<CellInfo> cells = java.util.Arrays.stream(cellPids).map(FusionHierarchyTest::cell).toList();
        RefreshPolicy policy = new RefreshPolicy(RefreshPolicy.DEFAULT_INTERVAL, policyMinCells, RefreshPolicy.Mode.WAIT, deadline);
        ProjectHeader header = new ProjectHeader("c1", pid, new ProjectSettings(ProjectType.FUSION, false, false, Map.of()),
                clock.instant(), clock.instant(), false);
        FusionProject fusion = new FusionProject(header, new FusionRefresh(cells, this::along, TestCells.callers(pool), clock, () -> policy,
                (next, took) -> { }),
                clock, json -> json, (read, merge) -> { });
        fusions.put(pid, fusion);
        return fusion;
    }

    private static CellInfo cell(String pid) {
        return new CellInfo("http://cells:9080", "c1", "sk", pid);
    }

    /** A leaf answers its statistics; a fusion its export, refusals becoming the cell's HTTP status as the API maps them. */
    private CellFetcher along(FusionPath path) {
        return call -> {
            CellInfo cell = call.cell();
            String header = path.header();
            calls.add(Map.entry(cell.pid(), header));
            FusionProject fusion = fusions.get(cell.pid());
            if (fusion == null) {
                awaitLeaf(cell.pid());
                ProjectStatistics leaf = leaves.get(cell.pid()).copy();
                return new CellSnapshot(leaf, clock.instant(), Sha256.hex(StatisticsCodec.encode(leaf)));
            }
            try {
                byte[] snapshot = FusionExport.snapshot(fusion, FusionPath.parse(header, DEPTH),
                        FusionBudget.parse(FusionBudget.header(call.deadline(), LONG)), DEPTH);
                return new CellSnapshot(StatisticsCodec.decode(snapshot), clock.instant(), Sha256.hex(snapshot));
            } catch (FusionUnavailableException e) {
                throw CellStatus.ofHttp(503, e.getMessage());
            } catch (RequestRefused e) {
                throw CellStatus.ofHttp(e.reason() == RequestRefused.Reason.CONFLICT ? 409 : 400, e.getMessage());
            } catch (SnapshotFormatException e) {
                throw new AssertionError(e);
            }
        };
    }

    private void awaitLeaf(String pid) {
        CountDownLatch latch = slow.get(pid);
        try {
            if (latch != null && !latch.await(LONG.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released " + pid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> pathsTo(String pid) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.getKey().equals(pid)).map(Map.Entry::getValue).toList();
        }
    }

    /** The row count of the merge the fusion serves, once it is {@code expected} (or after 5 s), without refreshing. */
    private static Object awaitMergedRows(FusionProject fusion, long expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Long.valueOf(expected).equals(mergedRows(fusion)) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return mergedRows(fusion);
    }

    private static Object mergedRows(FusionProject fusion) {
        Map<String, Object> info = new LinkedHashMap<>();
        fusion.describe(info, new LinkedHashMap<>());
        return ((Map<?, ?>) info.get("fusionMerge")).get("rowCount");
    }

    /** {@code smlInfo.fusionCells[k]} of the fusion. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cellReport(FusionProject fusion, int k) {
        Map<String, Object> info = new LinkedHashMap<>();
        fusion.describe(info, new LinkedHashMap<>());
        return ((List<Map<String, Object>>) info.get("fusionCells")).get(k);
    }
}
