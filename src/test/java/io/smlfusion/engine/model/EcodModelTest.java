package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code ecod} from histograms against ECOD computed directly on the raw rows (Algorithm 1 of Li et
 * al., with the scored row counted into the ECDFs): whole numbers from 10 to 49, so two distinct
 * values differ by more than the histogram's bucket (a ratio of at most (1.01/0.99) ≈ 1.0202) and the histogram's ECDF is the exact one.
 * Input a is right-skewed, b left-skewed, c symmetric-ish.
 */
class EcodModelTest {

    private static final int N = 400;
    private static final double[][] ROWS = rows(new Random(20260101L));

    @Test
    void scoresAreThoseOfTheRawRows() {
        EcodModel model = build(statistics(0, N), Map.of());
        double[][] queries = {ROWS[0], ROWS[17], {10, 49, 30}, {49, 10, 12}, {3, 100, 30}, {45, 41, 22}};
        for (double[] row : queries) {
            assertEquals(direct(row, true), model.ecod(row), 1e-12, () -> java.util.Arrays.toString(row));
            assertEquals(direct(row, false), build(statistics(0, N), Map.of("use_skewness", "false")).ecod(row),
                    1e-12);
        }
    }

    @Test
    void theFlagComparesTheScoreWithTheThreshold() {
        EcodModel model = build(statistics(0, N), Map.of());
        double threshold = -3 * Math.log(0.05);
        assertEquals(Double.toString(threshold), model.description().info().get("ecod_anomaly_threshold"));
        double[] outlier = {100, 3, 30};
        assertEquals(direct(outlier, true) > threshold ? "1" : "0", model.predict(outlier).text("res"));
        assertEquals("1", model.predict(outlier).text("res"));
        assertEquals("0", build(statistics(0, N), Map.of("ecod_anomaly_threshold", "1000"))
                .predict(outlier).text("res"));
    }

    @Test
    void aModelOfMergedStatisticsIsTheModelOfAllRows() {
        ProjectStatistics merged = statistics(0, 150);
        merged.merge(statistics(150, N));
        EcodModel fused = build(merged, Map.of());
        EcodModel single = build(statistics(0, N), Map.of());
        assertEquals(single.description().info().get("size"), fused.description().info().get("size"));
        for (double[] row : new double[][] {ROWS[3], {11, 48, 30}}) {
            assertEquals(single.ecod(row), fused.ecod(row), 1e-12);
        }
    }

    /** ECOD of Li et al. over the raw rows plus {@code row}. */
    private static double direct(double[] row, boolean useSkewness) {
        double left = 0;
        double right = 0;
        double auto = 0;
        for (int j = 0; j < row.length; j++) {
            double mean = 0;
            for (double[] r : ROWS) {
                mean += r[j] / N;
            }
            double m2 = 0;
            double m3 = 0;
            int atOrBelow = 1;
            int atOrAbove = 1;
            for (double[] r : ROWS) {
                m2 += Math.pow(r[j] - mean, 2) / N;
                m3 += Math.pow(r[j] - mean, 3) / N;
                atOrBelow += r[j] <= row[j] ? 1 : 0;
                atOrAbove += r[j] >= row[j] ? 1 : 0;
            }
            double l = -Math.log(atOrBelow / (N + 1.0));
            double u = -Math.log(atOrAbove / (N + 1.0));
            left += l;
            right += u;
            auto += m3 / Math.pow(m2, 1.5) < 0 ? l : u;
        }
        return useSkewness ? Math.max(auto, Math.max(left, right)) : Math.max(left, right);
    }

    private static double[][] rows(Random random) {
        double[][] rows = new double[N][];
        for (int r = 0; r < N; r++) {
            double a = Math.min(49, 10 + Math.floor(-6 * Math.log(1 - random.nextDouble())));
            double b = Math.max(10, 49 - Math.floor(-6 * Math.log(1 - random.nextDouble())));
            double c = Math.max(10, Math.min(49, Math.rint(30 + 5 * random.nextGaussian())));
            rows[r] = new double[] {a, b, c};
        }
        return rows;
    }

    private static EcodModel build(ProjectStatistics statistics, Map<String, String> options) {
        return (EcodModel) ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.ECOD, List.of(),
                List.of("a", "b", "c"), ModelOptions.of(options)));
    }

    private static ProjectStatistics statistics(int from, int to) {
        double[] values = new double[3 * (to - from)];
        for (int r = from; r < to; r++) {
            System.arraycopy(ROWS[r], 0, values, 3 * (r - from), 3);
        }
        ProjectStatistics statistics = new ProjectStatistics(false, true);
        statistics.learn(new DataBlock(List.of("a", "b", "c"), Collections.nCopies(3, AttributeType.CONTINUOUS),
                values, to - from));
        return statistics;
    }
}
