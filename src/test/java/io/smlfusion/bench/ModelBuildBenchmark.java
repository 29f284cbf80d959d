package io.smlfusion.bench;

import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelAlgorithm;
import io.smlfusion.engine.model.ModelBuilder;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

/**
 * Time to build a model from project statistics over {@value #INPUTS} inputs and one target, for
 * projects of different row counts: the build reads only the p × p statistics, so the time must
 * not depend on {@code rows} (target: mlr under 10 ms). The statistics are synthetic — correlated
 * inputs x = z·L plus noise, y linear in x plus noise, a 0/1 class column — and learned once in
 * the setup. Run with {@code bin/bench ModelBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelBuildBenchmark {

    private static final int INPUTS = 50;

    @Param({"1000", "100000"})
    public int rows;

    private ProjectStatistics statistics;
    private ModelSpec mlr;
    private ModelSpec lda;
    private ModelSpec lasso;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> names = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int j = 0; j < INPUTS; j++) {
            inputs.add("x" + j);
        }
        names.addAll(inputs);
        names.add("y");
        names.add("class");
        int width = names.size();
        List<AttributeType> types = new ArrayList<>(Collections.nCopies(width - 1,
                AttributeType.CONTINUOUS));
        types.add(AttributeType.BINARY);
        double[] values = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            double common = random.nextGaussian();
            double y = 0;
            for (int j = 0; j < INPUTS; j++) {
                double x = 10 * j + common * (1 + j % 5) + random.nextGaussian();
                values[r * width + j] = x;
                y += (j % 7 - 3) * x;
            }
            values[r * width + INPUTS] = y + 5 * random.nextGaussian();
            values[r * width + INPUTS + 1] = common + random.nextGaussian() > 0 ? 1 : 0;
        }
        statistics = new ProjectStatistics(false, false);
        statistics.learn(new DataBlock(names, types, values, rows));
        mlr = new ModelSpec(ModelAlgorithm.MLR, List.of("y"), inputs, ModelOptions.none());
        lda = new ModelSpec(ModelAlgorithm.LDA, List.of("class"), inputs, ModelOptions.none());
        lasso = new ModelSpec(ModelAlgorithm.LASSO, List.of("y"), inputs,
                ModelOptions.of(Map.of("lambda", "0.1")));
    }

    @Benchmark
    public Model mlrBuild() {
        return ModelBuilder.build(statistics, mlr);
    }

    @Benchmark
    public Model ldaBuild() {
        return ModelBuilder.build(statistics, lda);
    }

    @Benchmark
    public Model lassoBuild() {
        return ModelBuilder.build(statistics, lasso);
    }
}
