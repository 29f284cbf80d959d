package io.smlfusion.engine.model;

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
 * {@code oospca} on rows whose principal axes are known: (±3, ±1) rotated by θ (tan θ = 3/4) have
 * covariance eigenvalues 9 and 1 along u = (cos θ, sin θ) and v = (−sin θ, cos θ); with one
 * component kept (unstandardised) a row's score is its squared distance along v from the mean.
 */
class ResidualPcaModelTest {

    private static final double COS = 0.8;
    private static final double SIN = 0.6;

    @Test
    void theScoreIsTheSquaredDistanceOffTheFirstAxis() {
        ResidualPcaModel model = build(Map.of("standardize", "false", "q", "1"));
        for (double[] ab : new double[][] {{2, 5}, {-4, 0.5}, {10, -10}}) {
            assertEquals(ab[1] * ab[1], model.predict(row(ab[0], ab[1])).number("oospcascore"), 1e-9);
        }
        assertEquals("c(9.0, 1.0)", rounded(model.description().info().get("eigenvalues")));
    }

    @Test
    void theDefaultThresholdIsBoxsChiSquareLimit() {
        // one residual eigenvalue λ = 1: g = 1, h = 1, limit χ²₁(0.99) = 6.634896601021214
        ResidualPcaModel model = build(Map.of("standardize", "false", "q", "1"));
        assertEquals(6.634896601021214,
                Double.parseDouble(model.description().info().get("oospca_anomaly_threshold")), 1e-9);
        assertEquals("1", model.predict(row(0, 3)).text("res"));
        assertEquals("0", model.predict(row(5, 2.5)).text("res"));
    }

    @Test
    void standardisedRowsScoreInUnitsOfStandardDeviations() {
        ResidualPcaModel model = build(Map.of("q", "1"));
        // the correlation matrix [[1, ρ], [ρ, 1]] has axes (1, ±1)/√2 and eigenvalues 1 ± ρ
        double sx = Math.sqrt(9 * COS * COS + SIN * SIN);
        double sy = Math.sqrt(9 * SIN * SIN + COS * COS);
        double[] z = {1.5, -0.5};
        double across = (z[0] - z[1]) / Math.sqrt(2);
        assertEquals(across * across, model.predict(new double[] {-2 + z[0] * sx, 1 + z[1] * sy})
                .number("oospcascore"), 1e-9);
    }

    @Test
    void keepingEveryComponentIsRefused() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> build(Map.of("q", "2")));
        assertEquals("oospca keeps all 2 components and so scores nothing; give q below 2 or a lower "
                + "explained_variance", error.getMessage());
    }

    /** The row a along the first axis and b along the second from the mean. */
    private static double[] row(double a, double b) {
        return new double[] {-2 + a * COS - b * SIN, 1 + a * SIN + b * COS};
    }

    private static String rounded(String vector) {
        return vector.replaceAll("(\\d+\\.\\d)\\d*", "$1");
    }

    private static ResidualPcaModel build(Map<String, String> options) {
        // (±3, ±1) in the rotated frame, centred at (−2, 1)
        double[][] local = {{3, 1}, {3, -1}, {-3, 1}, {-3, -1}};
        double[] values = new double[8];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(row(local[r][0], local[r][1]), 0, values, 2 * r, 2);
        }
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        statistics.learn(new DataBlock(List.of("x", "y"), Collections.nCopies(2, AttributeType.CONTINUOUS), values, 4));
        return (ResidualPcaModel) ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.OOSPCA, List.of(),
                List.of("x", "y"), ModelOptions.of(options)));
    }
}
