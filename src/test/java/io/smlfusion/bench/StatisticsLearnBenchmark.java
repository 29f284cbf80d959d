package io.smlfusion.bench;

import io.smlfusion.engine.stats.MomentBlock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Learn throughput of {@link MomentBlock} in rows per second, on blocks of {@value #ROWS} rows,
 * against a plain dense loop doing only the rank-1 accumulation Σ xᵢxⱼ over the same block — the
 * least any exact second-order representation must do. Run with {@code bin/bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StatisticsLearnBenchmark {

    private static final int ROWS = 10_000;

    @Param({"8", "32", "128"})
    public int attributes;

    private double[] rows;
    private MomentBlock block;
    private double[] products;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        rows = new double[ROWS * attributes];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = 100 + 10 * random.nextDouble();
        }
        block = new MomentBlock(attributes);
        products = new double[attributes * (attributes + 1) / 2];
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public MomentBlock momentBlockLearn() {
        block.learn(rows, ROWS);
        return block;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] plainDenseLoop() {
        int p = attributes;
        for (int base = 0; base < rows.length; base += p) {
            for (int i = 0, start = 0; i < p; start += p - i, i++) {
                double xi = rows[base + i];
                int offset = start - i;
                for (int j = i; j < p; j++) {
                    products[offset + j] += xi * rows[base + j];
                }
            }
        }
        return products;
    }
}
