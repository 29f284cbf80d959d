package io.smlfusion.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;

/**
 * The server-side cost of a fusion refresh once the cells' bytes have arrived: decode every cell's
 * snapshot and fold them in cell order ({@link ProjectStatistics#mergeAll}, what the refresh does),
 * for 1, 3 and 10 cells of p attributes. Network time comes on top (one round trip to the slowest
 * cell, the fetches run in parallel). Run with {@code bin/bench FusionMergeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FusionMergeBenchmark {

    private static final int ROWS_PER_CELL = 200;

    @Param({"1", "3", "10"})
    public int cells;

    @Param({"8", "64", "256"})
    public int attributes;

    private List<byte[]> snapshots;

    @Setup
    public void exportCells() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < attributes; i++) {
            names.add("x" + i);
        }
        List<AttributeType> types = names.stream().map(n -> AttributeType.CONTINUOUS).toList();
        snapshots = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int c = 0; c < cells; c++) {
            double[] values = new double[ROWS_PER_CELL * attributes];
            for (int k = 0; k < values.length; k++) {
                values[k] = 100 + 10 * random.nextDouble();
            }
            ProjectStatistics cell = new ProjectStatistics(false, false);
            cell.learn(new DataBlock(names, types, values, ROWS_PER_CELL));
            snapshots.add(StatisticsCodec.encode(cell));
        }
    }

    @Benchmark
    public ProjectStatistics decodeAndMerge() throws SnapshotFormatException {
        List<ProjectStatistics> decoded = new ArrayList<>(cells);
        for (byte[] snapshot : snapshots) {
            decoded.add(StatisticsCodec.decode(snapshot));
        }
        return ProjectStatistics.mergeAll(decoded);
    }
}
