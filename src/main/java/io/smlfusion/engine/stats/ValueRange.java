package io.smlfusion.engine.stats;

/**
 * The values the statistics accept, and the moments a snapshot may hold: what keeps every sum,
 * power and pairwise update finite.
 *
 * <p>A value x enters the statistics up to its fourth power (M4, Q = Σxᵢ²xⱼ²), and deviations
 * between values reach 2|x|. With |x| ≤ {@value #MAX_ABS}, a fourth power stays below 1.6·10²⁰¹,
 * a sum of them over as many rows as a {@code long} counts (&lt; 9.3·10¹⁸) below 1.5·10²²⁰, and the
 * largest intermediate of the pairwise update, δ⁴·n_A·n_B·n², below 1.2·10²⁷⁷ — all far from
 * {@link Double#MAX_VALUE} ≈ 1.8·10³⁰⁸. One value of 10²⁰⁰ (as in issue 10) would instead turn the
 * variance into NaN for good: no later forget can remove an infinity.
 */
public final class ValueRange {

    /** The largest magnitude a learned value may have. */
    public static final double MAX_ABS = 1e50;

    private ValueRange() {
    }

    /** False for NaN, infinities and values beyond ±{@value #MAX_ABS}. */
    public static boolean accepts(double value) {
        return Math.abs(value) <= MAX_ABS;
    }

    /**
     * Why {@code block} could not have been learned from values within the range (a moment not
     * finite, or larger than rows of such values can make it), or null when it could.
     */
    static String violation(MomentBlock block) {
        double rows = Math.max(1, block.count);
        double[] bound = new double[5];
        for (int k = 1; k <= 4; k++) {
            bound[k] = rows * Math.pow(2 * MAX_ABS, k);
        }
        String problem = firstOutside(block.mean, MAX_ABS, "mean");
        if (problem == null) {
            problem = firstOutside(block.comoment, bound[2], "co-moment");
        }
        if (problem == null) {
            problem = firstOutside(block.m3, bound[3], "M3");
        }
        if (problem == null) {
            problem = firstOutside(block.m4, bound[4], "M4");
        }
        if (problem == null) {
            problem = firstOutside(block.squaredProducts, bound[4], "Σxᵢ²xⱼ²");
        }
        if (problem == null) {
            problem = firstOutside(block.squaredProductsCompensation, bound[4], "Σxᵢ²xⱼ² compensation");
        }
        return problem;
    }

    private static String firstOutside(double[] values, double bound, String what) {
        for (int k = 0; k < values.length; k++) {
            if (!(Math.abs(values[k]) <= bound)) {
                return what + " [" + k + "] = " + values[k] + (Double.isFinite(values[k])
                        ? " is larger than " + bound + ", more than rows of values within ±" + MAX_ABS + " can make"
                        : " is not finite");
            }
        }
        return null;
    }
}
