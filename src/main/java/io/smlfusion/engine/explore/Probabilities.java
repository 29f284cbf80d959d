package io.smlfusion.engine.explore;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Gamma;

/**
 * The tail probabilities and quantiles the tests need, from Hipparchus' distributions. Upper tails
 * are computed as lower tails of a mirrored distribution (or with the regularized Γ function for
 * χ²), never as 1 − cdf, so small p-values keep their digits. Every method answers NaN for a NaN
 * statistic or undefined degrees of freedom, so a degenerate group gives a null result rather than
 * an exception.
 */
final class Probabilities {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Probabilities() {
    }

    /** P(|Z| ≥ |z|) for a standard normal Z. */
    static double twoSidedNormal(double z) {
        return Double.isNaN(z) ? Double.NaN : 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** P(|T| ≥ |t|) for Student's T with {@code df} degrees of freedom. */
    static double twoSidedT(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        return 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
    }

    /** The 0.975 quantile of Student's T with {@code df} degrees of freedom (two-sided 95 %). */
    static double tQuantile975(double df) {
        return df > 0 ? new TDistribution(df).inverseCumulativeProbability(0.975) : Double.NaN;
    }

    /** P(X ≥ x) for X ~ χ²(df): the regularized upper incomplete Γ function Q(df/2, x/2). */
    static double upperChiSquared(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) {
            return Double.NaN;
        }
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(X ≤ x) for X ~ χ²(df). */
    static double lowerChiSquared(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) {
            return Double.NaN;
        }
        return x <= 0 ? 0 : Gamma.regularizedGammaP(df / 2, x / 2);
    }

    /** P(F ≥ f) for F ~ F(d1, d2), as P(F(d2, d1) ≤ 1/f). */
    static double upperF(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
            return Double.NaN;
        }
        return f <= 0 ? 1 : new FDistribution(d2, d1).cumulativeProbability(1 / f);
    }

    /** P(F ≤ f) for F ~ F(d1, d2). */
    static double lowerF(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
            return Double.NaN;
        }
        return f <= 0 ? 0 : new FDistribution(d1, d2).cumulativeProbability(f);
    }

    /** Twice the smaller tail, capped at 1: the two-sided p-value of an asymmetric statistic. */
    static double twoSided(double lower, double upper) {
        return Math.min(1, 2 * Math.min(lower, upper));
    }
}
