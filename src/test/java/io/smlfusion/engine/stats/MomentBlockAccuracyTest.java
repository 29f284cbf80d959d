package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.MomentsAssert.assertSameMoments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MomentBlock} against certified values (the reference figures of examples/data/README.md, computed with numpy
 * and scipy), against itself under every way of cutting, ordering, merging and forgetting the same
 * rows, and on data that defeats naive power sums.
 */
class MomentBlockAccuracyTest {

    /** EXPECTED.md asks for 1e-9 relative agreement on exploration statistics. */
    private static final double CERTIFIED = 1e-9;
    /** Different cuts of the same rows must agree to 1e-12 (see {@link MomentsAssert}). */
    private static final double SAME_ROWS = 1e-12;

    private static final int SEPAL_LENGTH = 0;
    private static final int PETAL_WIDTH = 3;

    @Test
    void irisUnivariateStatisticsMatchScipy() {
        MomentBlock iris = ReferenceData.read("iris", "iris.csv").learnedInBlocksOf(1000);
        double n = iris.count();
        double variance = iris.m2(SEPAL_LENGTH) / n;
        double m3 = iris.m3(SEPAL_LENGTH) / n;
        double m4 = iris.m4(SEPAL_LENGTH) / n;
        double skewness = n * n / ((n - 1) * (n - 2)) * (m3 / Math.pow(variance, 1.5));
        double g2 = m4 / (variance * variance) - 3;
        double kurtosis = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));

        assertEquals(150, iris.count());
        assertRelative(5.84333333333333, iris.mean(SEPAL_LENGTH), "mean");
        assertRelative(0.681122222222222, variance, "variance");
        assertRelative(0.825301291785141, Math.sqrt(variance), "stddev");
        assertRelative(0.318086514434141, skewness, "skewness");
        assertRelative(-0.55206404131564, kurtosis, "kurtosis");
        assertRelative(0.0673855682977803, Math.sqrt(variance / n), "stderr");
    }

    @Test
    void irisBivariateStatisticsMatchNumpy() {
        MomentBlock iris = ReferenceData.read("iris", "iris.csv").learnedInBlocksOf(1000);
        double n = iris.count();
        double comoment = iris.comoment(SEPAL_LENGTH, PETAL_WIDTH);
        double condCount = n * iris.mean(PETAL_WIDTH);
        double condSum = comoment + n * iris.mean(SEPAL_LENGTH) * iris.mean(PETAL_WIDTH);
        double condMean = condSum / condCount;
        double condVariance = iris.sumOfSquaredProducts(SEPAL_LENGTH, PETAL_WIDTH) / condCount
                - condMean * condMean;

        assertRelative(0.513457777777778, comoment / n, "covar");
        assertRelative(0.817953633369164,
                comoment / Math.sqrt(iris.m2(SEPAL_LENGTH) * iris.m2(PETAL_WIDTH)), "linCorr");
        assertRelative(179.8, condCount, "condCount");
        assertRelative(1127.65, condSum, "condSum");
        assertRelative(6.27169076751947, condMean, "condMean");
        assertRelative(30.9294038153875, condVariance, "condVariance");
        assertRelative(5.56142102482697, Math.sqrt(condVariance), "condStddev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"housing", "bank"})
    void everyCutOfTheSameRowsAgrees(String dataSet) {
        List<ReferenceData> cells = cells(dataSet);
        ReferenceData union = ReferenceData.concatenate(cells.toArray(ReferenceData[]::new));
        MomentBlock oneBlock = union.learnedInBlocksOf(union.rowCount());

        assertSameMoments(oneBlock, union.learnedInBlocksOf(7), SAME_ROWS);
        assertSameMoments(oneBlock, union.shuffled(20240611).learnedInBlocksOf(100), SAME_ROWS);
        MomentBlock merged = cells.get(0).learnedInBlocksOf(50);
        merged.merge(cells.get(1).learnedInBlocksOf(50));
        merged.merge(cells.get(2).learnedInBlocksOf(50));
        assertSameMoments(oneBlock, merged, SAME_ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"housing", "bank"})
    void forgettingOneCellLeavesTheOtherTwo(String dataSet) {
        List<ReferenceData> cells = cells(dataSet);
        for (int forgotten = 0; forgotten < cells.size(); forgotten++) {
            MomentBlock block = new MomentBlock(cells.get(0).width());
            MomentBlock others = new MomentBlock(cells.get(0).width());
            for (int c = 0; c < cells.size(); c++) {
                ReferenceData cell = cells.get(c);
                block.learn(cell.rows(), cell.rowCount());
                if (c != forgotten) {
                    others.learn(cell.rows(), cell.rowCount());
                }
            }
            ReferenceData cell = cells.get(forgotten);
            block.forget(cell.rows(), cell.rowCount());

            assertSameMoments(others, block, SAME_ROWS);
        }
    }

    /**
     * 10,000,001 values 10⁷ + 0.1·((k mod 1000)/999 − 0.5): a spread of 0.1 on an offset of 10⁷,
     * so Σx² ≈ 10²¹ has an ulp of 2¹⁷ and the naive Σx²/n − x̄² keeps none of the variance's
     * digits (its own error is asserted below), while the block path keeps ≥ 10 significant ones.
     */
    @Test
    void offsetDataKeepsTenSignificantDigitsOfVariance() {
        int n = 10_000_001;
        int levels = 1000;
        MomentBlock block = new MomentBlock(1);
        double[] buffer = new double[1 << 16];
        double naiveSum = 0;
        double naiveSumOfSquares = 0;
        for (int from = 0; from < n; from += buffer.length) {
            int rows = Math.min(buffer.length, n - from);
            for (int r = 0; r < rows; r++) {
                buffer[r] = offsetValue(from + r, levels);
                naiveSum += buffer[r];
                naiveSumOfSquares += buffer[r] * buffer[r];
            }
            block.learn(buffer, rows);
        }
        double exact = exactVariance(n, levels);

        double learned = block.m2(0) / n;
        double naive = naiveSumOfSquares / n - (naiveSum / n) * (naiveSum / n);
        assertEquals(exact, learned, 1e-10 * exact);
        assertTrue(Math.abs(naive - exact) > 1e-3 * exact,
                "naive power sums unexpectedly accurate: " + naive + " vs " + exact);
    }

    private static double offsetValue(int k, int levels) {
        return 1e7 + 0.1 * ((k % levels) / (levels - 1.0) - 0.5);
    }

    /**
     * The population variance of the doubles {@link #offsetValue} produces, in exact decimal
     * arithmetic: level L occurs ⌈(n − L)/levels⌉ times.
     */
    private static double exactVariance(int n, int levels) {
        MathContext context = MathContext.DECIMAL128;
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal sum = BigDecimal.ZERO;
        for (int level = 0; level < levels; level++) {
            sum = sum.add(new BigDecimal(offsetValue(level, levels))
                    .multiply(BigDecimal.valueOf(occurrences(level, n, levels))));
        }
        BigDecimal mean = sum.divide(count, context);
        BigDecimal m2 = BigDecimal.ZERO;
        for (int level = 0; level < levels; level++) {
            BigDecimal deviation = new BigDecimal(offsetValue(level, levels)).subtract(mean);
            m2 = m2.add(deviation.multiply(deviation)
                    .multiply(BigDecimal.valueOf(occurrences(level, n, levels))));
        }
        return m2.divide(count, context).doubleValue();
    }

    private static long occurrences(int level, int n, int levels) {
        return (n - level + levels - 1) / levels;
    }

    private static List<ReferenceData> cells(String dataSet) {
        String folder = dataSet + "-fed3";
        return List.of(ReferenceData.read(folder, dataSet + "1.csv"),
                ReferenceData.read(folder, dataSet + "2.csv"),
                ReferenceData.read(folder, dataSet + "3.csv"));
    }

    private static void assertRelative(double expected, double actual, String statistic) {
        assertEquals(expected, actual, CERTIFIED * Math.abs(expected), statistic);
    }
}
