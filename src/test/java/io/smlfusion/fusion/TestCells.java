package io.smlfusion.fusion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.security.SecretKeys;

/** Cells, data and a clock for the fusion unit tests. */
final class TestCells {

    private TestCells() {
    }

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-cell-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** Cell calls on {@code pool}, their deadlines on a shared daemon timer. */
    static CellCallers callers(Executor pool) {
        return new CellCallers(pool, DEADLINES);
    }

    /** The defaults: the product's interval, all cells, wait mode, a deadline no test reaches by accident. */
    static RefreshPolicy defaultPolicy() {
        return new RefreshPolicy(RefreshPolicy.DEFAULT_INTERVAL, 0, RefreshPolicy.Mode.WAIT, Duration.ofSeconds(10));
    }

    static CellInfo cell(int number) {
        return new CellInfo("http://cell" + number + ":9080", "c" + number, SecretKeys.generate(), "p" + number);
    }

    static List<CellInfo> cells(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(TestCells::cell).toList();
    }

    /** Random rows over {@code names}, all continuous, shifted so that the moments are not trivial. */
    static DataBlock block(List<String> names, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * names.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = 1000 + (k % names.size()) * 10 + random.nextGaussian() * (1 + k % 3);
        }
        return new DataBlock(names, names.stream().map(n -> AttributeType.CONTINUOUS).toList(), values, rows);
    }

    static ProjectStatistics learned(DataBlock... blocks) {
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        for (DataBlock block : blocks) {
            statistics.learn(block);
        }
        return statistics;
    }

    /** What a cell's export gives the fusion: the statistics through the codec, hashed like {@link CellClient} does. */
    static CellSnapshot exported(ProjectStatistics statistics, Instant fetchedAt) {
        byte[] bytes = StatisticsCodec.encode(statistics);
        try {
            return new CellSnapshot(StatisticsCodec.decode(bytes), fetchedAt, Sha256.hex(bytes));
        } catch (SnapshotFormatException e) {
            throw new IllegalStateException("the codec cannot read what it wrote", e);
        }
    }

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
