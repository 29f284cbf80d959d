package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.it.StatisticsAssertions;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.project.ProjectType;

/** The fused statistics: independent of the order cells answer in, and equal to one project that learned every cell's rows. */
class FusionMergeTest {

    /** Cells with overlapping but different attributes, so alignment by name matters. */
    private static final List<List<String>> SCHEMAS = List.of(
            List.of("a", "b", "c"), List.of("b", "c", "d"), List.of("a", "d"), List.of("e", "a", "b", "c"));

    private final List<CellInfo> cells = TestCells.cells(SCHEMAS.size());
    private final List<DataBlock> blocks = new ArrayList<>();

    FusionMergeTest() {
        for (int k = 0; k < SCHEMAS.size(); k++) {
            blocks.add(TestCells.block(SCHEMAS.get(k), 50 + 17 * k, 100 + k));
        }
    }

    @Test
    void resultDoesNotDependOnTheOrderCellsAnswerIn() throws Exception {
        byte[] first = null;
        SplittableRandom delays = new SplittableRandom(7);
        for (int run = 0; run < 12; run++) {
            long seed = delays.nextLong();
            ExecutorService pool = Executors.newFixedThreadPool(cells.size());
            try {
                FusionProject fusion = fusion(call -> {
                    int k = cells.indexOf(call.cell());
                    sleep(new SplittableRandom(seed + k).nextInt(30));
                    return TestCells.exported(TestCells.learned(blocks.get(k)), Instant.EPOCH);
                }, pool);
                byte[] merged = fusion.read(StatisticsCodec::encode);
                if (first == null) {
                    first = merged;
                } else {
                    assertArrayEquals(first, merged, "run " + run + " differs bit for bit");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void fusionEqualsOneProjectThatLearnedEveryCell() {
        FusionProject fusion = fusion(call -> TestCells.exported(TestCells.learned(blocks.get(cells.indexOf(call.cell()))), Instant.EPOCH),
                Runnable::run);
        ProjectStatistics expected = TestCells.learned(blocks.toArray(DataBlock[]::new));
        ProjectStatistics fused = fusion.read(ProjectStatistics::copy);
        assertEquals(List.of("a", "b", "c", "d", "e"), fused.schema().names());
        StatisticsAssertions.assertSameStatistics(expected, fused, 1e-12);
    }

    @Test
    void snapshotsMergeInCellListOrderViaTheCodec() throws Exception {
        List<CellAnswer> answers = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            byte[] exported = StatisticsCodec.encode(TestCells.learned(blocks.get(k)));
            answers.add(CellAnswer.ok(cells.get(k), new CellSnapshot(StatisticsCodec.decode(exported), Instant.EPOCH, Sha256.hex(exported))));
        }
        FusionState merged = FusionMerge.next(FusionState.initial(0, cells), answers,
                TestCells.defaultPolicy(), Instant.EPOCH, Instant.EPOCH);
        ProjectStatistics viaMergeAll = ProjectStatistics.mergeAll(answers.stream().map(a -> a.snapshot().statistics()).toList());
        assertArrayEquals(StatisticsCodec.encode(viaMergeAll), StatisticsCodec.encode(merged.merged()),
                "the fold is ProjectStatistics.mergeAll's, bit for bit");
    }

    private FusionProject fusion(CellFetcher fetcher, java.util.concurrent.Executor executor) {
        ProjectHeader header = new ProjectHeader("c1", "f", new ProjectSettings(ProjectType.FUSION, false, false, Map.of()),
                Instant.EPOCH, Instant.EPOCH, false);
        TestCells.ManualClock clock = new TestCells.ManualClock();
        return new FusionProject(header, new FusionRefresh(cells, path -> fetcher, TestCells.callers(executor), clock,
                TestCells::defaultPolicy, (next, took) -> { }), clock, json -> json, (read, merge) -> { });
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
