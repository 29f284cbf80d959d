package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares two {@link Moments} statistic by statistic to a relative tolerance.
 *
 * <p>The tolerance is relative to the larger of the expected value and its natural scale, the
 * magnitude the statistic has at unit standardised size: σ for a mean, nσ³ for M3 (skewness 1),
 * nσ⁴ for M4, √(M2ᵢM2ⱼ) for a co-moment (correlation 1). Rounding errors are proportional to the
 * terms summed, not to the result, so a statistic that cancels to nearly 0 (a mean near 0, a
 * near-symmetric M3, the co-moment of nearly uncorrelated attributes) can only be compared on that
 * scale; in words, standardised moments must agree to the same tolerance in absolute terms. M2 and
 * Q are sums of non-negative terms: there the tolerance is purely relative, and an exact 0 (Q of
 * one-hot attributes that never co-occur) must stay exactly 0.
 */
final class MomentsAssert {

    private MomentsAssert() {
    }

    static void assertSameMoments(Moments expected, Moments actual, double tolerance) {
        assertEquals(expected.count(), actual.count(), "count");
        assertEquals(expected.dimension(), actual.dimension(), "dimension");
        long n = expected.count();
        for (int i = 0; i < expected.dimension(); i++) {
            double m2 = expected.m2(i);
            double sigma = Math.sqrt(m2 / n);
            check("mean", i, i, expected.mean(i), actual.mean(i), sigma, tolerance);
            check("m2", i, i, m2, actual.m2(i), 0, tolerance);
            check("m3", i, i, expected.m3(i), actual.m3(i), n * sigma * sigma * sigma, tolerance);
            check("m4", i, i, expected.m4(i), actual.m4(i), m2 * m2 / n, tolerance);
            for (int j = i; j < expected.dimension(); j++) {
                check("comoment", i, j, expected.comoment(i, j), actual.comoment(i, j),
                        Math.sqrt(m2 * expected.m2(j)), tolerance);
                check("Q", i, j, expected.sumOfSquaredProducts(i, j),
                        actual.sumOfSquaredProducts(i, j), 0, tolerance);
            }
        }
    }

    private static void check(String statistic, int i, int j, double expected, double actual,
                              double scale, double tolerance) {
        double allowed = tolerance * Math.max(Math.abs(expected), scale);
        if (!(Math.abs(expected - actual) <= allowed)) {
            fail(statistic + "(" + i + "," + j + "): expected " + expected + " but was " + actual
                    + " (relative difference " + Math.abs(expected - actual)
                    / Math.max(Math.abs(expected), scale) + ", tolerance " + tolerance + ")");
        }
    }
}
