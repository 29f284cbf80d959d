package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code hba} against HBOS computed by hand: x = 1, 1, 1, 1, 2, 2, 4, 7 in 3 bins of width 2 over
 * [1, 7] hold 6, 1, 1 rows (each value's 1 % histogram bucket lies inside one bin), densities
 * 6/16, 1/16, 1/16 and bin scores −log₂(d + 0.1).
 */
class HistogramAnomalyModelTest {

    private static final double[] X = {1, 1, 1, 1, 2, 2, 4, 7};
    private static final double[] Y = {5, 6, 5, 6, 5, 6, 5, 9};
    private static final double FULL_BIN = -log2(6.0 / 16 + 0.1);
    private static final double SPARSE_BIN = -log2(1.0 / 16 + 0.1);

    @Test
    void scoresAreTheHandComputedHbos() {
        HistogramAnomalyModel model = build(statistics(0, X.length), List.of("x"),
                Map.of("hba_n_bins", "3", "hba_anomaly_threshold", "2"));
        assertEquals(FULL_BIN, model.predict(new double[] {2}).number("hbascore"), 1e-12);
        assertEquals(SPARSE_BIN, model.predict(new double[] {4}).number("hbascore"), 1e-12);
        assertEquals(SPARSE_BIN, model.predict(new double[] {7.9}).number("hbascore"), 1e-12,
                "within half a bin width of the last edge: the last bin");
        assertEquals(SPARSE_BIN, model.predict(new double[] {20}).number("hbascore"), 1e-12,
                "far out: the emptiest bin");
        assertEquals("0", model.predict(new double[] {1}).text("res"));
        assertEquals("1", model.predict(new double[] {4}).text("res"));
        assertArrayEquals(new double[] {1, 7, 6, 1, 1},
                model.description().extra().get("hba_bins").values()[0], 1e-12);
    }

    @Test
    void inputsAddTheirScores() {
        HistogramAnomalyModel two = build(statistics(0, X.length), List.of("x", "y"), Map.of("hba_n_bins", "2"));
        HistogramAnomalyModel x = build(statistics(0, X.length), List.of("x"), Map.of("hba_n_bins", "2"));
        HistogramAnomalyModel y = build(statistics(0, X.length), List.of("y"), Map.of("hba_n_bins", "2"));
        for (int r = 0; r < X.length; r++) {
            assertEquals(x.hbos(new double[] {X[r]}) + y.hbos(new double[] {Y[r]}),
                    two.hbos(new double[] {X[r], Y[r]}), 1e-12);
        }
    }

    @Test
    void theDefaultThresholdIsTheContaminationQuantileOfTheScore() {
        // P(score = FULL_BIN) = 0.75, P(score = SPARSE_BIN) = 0.25
        double above = threshold(Map.of("hba_n_bins", "3", "hba_contamination", "0.3"));
        assertEquals(FULL_BIN, above, 1e-12);
        double rare = threshold(Map.of("hba_n_bins", "3", "hba_contamination", "0.1"));
        assertEquals(SPARSE_BIN, rare, (SPARSE_BIN - FULL_BIN) / 4095 + 1e-12);
    }

    @Test
    void aModelOfMergedStatisticsIsTheModelOfAllRows() {
        ProjectStatistics merged = statistics(0, 3);
        merged.merge(statistics(3, X.length));
        Map<String, String> options = Map.of("hba_n_bins", "4");
        HistogramAnomalyModel fused = build(merged, List.of("x", "y"), options);
        HistogramAnomalyModel single = build(statistics(0, X.length), List.of("x", "y"), options);
        assertEquals(single.description().info(), fused.description().info());
        assertEquals(single.description().extra().get("hba_bins").rows(),
                fused.description().extra().get("hba_bins").rows());
        for (double[] row : new double[][] {{1, 5}, {3.3, 7}, {8, 2}}) {
            assertEquals(single.predict(row).asText(), fused.predict(row).asText());
        }
    }

    @Test
    void aProjectWithoutHistogramsIsRefused() {
        ProjectStatistics plain = new ProjectStatistics(false, false);
        plain.learn(new DataBlock(List.of("x", "y"), types(), rows(0, X.length), X.length));
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(plain, spec(List.of("x"), Map.of())));
        assertEquals("hba needs a histogram-enabled project (create it with enableHistogram=true or turn "
                + "histograms on with histogramEnable); this project keeps none", error.getMessage());
    }

    private static double threshold(Map<String, String> options) {
        return Double.parseDouble(build(statistics(0, X.length), List.of("x"), options).description().info()
                .get("hba_anomaly_threshold"));
    }

    static HistogramAnomalyModel build(ProjectStatistics statistics, List<String> inputs,
                                       Map<String, String> options) {
        return (HistogramAnomalyModel) ModelBuilder.build(statistics, spec(inputs, options));
    }

    private static ModelSpec spec(List<String> inputs, Map<String, String> options) {
        return new ModelSpec(ModelAlgorithm.HBA, List.of(), inputs, ModelOptions.of(options));
    }

    private static ProjectStatistics statistics(int from, int to) {
        ProjectStatistics statistics = new ProjectStatistics(false, true);
        statistics.learn(new DataBlock(List.of("x", "y"), types(), rows(from, to), to - from));
        return statistics;
    }

    private static List<AttributeType> types() {
        return Collections.nCopies(2, AttributeType.CONTINUOUS);
    }

    private static double[] rows(int from, int to) {
        double[] values = new double[2 * (to - from)];
        for (int r = from; r < to; r++) {
            values[2 * (r - from)] = X[r];
            values[2 * (r - from) + 1] = Y[r];
        }
        return values;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
