package io.smlfusion.engine.model;

import io.smlfusion.engine.stats.Moments;

/**
 * The moments of inputs x within the two classes of a 0/1 target y, from the statistics of all
 * rows (spec §10.2). With n₁ = Σy, n₀ = n − n₁ and sⱼ = Σ(xⱼ − x̄ⱼ)(y − ȳ) = Σ_{y=1} xⱼ − n₁x̄ⱼ:
 * <pre>
 * μ₁ = x̄ + s/n₁,   μ₀ = x̄ − s/n₀,   μ₁ − μ₀ = s·n/(n₁n₀)                 (centred, exact)
 * Σ_{y=1} xⱼ² = Qⱼᵧ = Σ xⱼ²y²   (y² = y),   Σ_{y=0} xⱼ² = Σxⱼ² − Qⱼᵧ
 * var₁ = Qⱼᵧ/n₁ − μ₁ⱼ²,   var₀ = (Σxⱼ² − Qⱼᵧ)/n₀ − μ₀ⱼ²                (population variances)
 * </pre>
 * The class variances need the raw sums Q — the representation holds no centred within-class
 * second moment — so they lose about log₁₀(x̄²/var) digits to cancellation; negative rounding
 * residue is set to 0. n₁ is rounded to a whole number (y is 0/1).
 */
final class BinaryClassMoments {

    private final double count;
    private final double ones;
    private final double[] cross;
    private final double[] mean1;
    private final double[] mean0;
    private final double[] variance1;
    private final double[] variance0;

    private BinaryClassMoments(double count, double ones, double[] cross, double[] mean1,
                               double[] mean0, double[] variance1, double[] variance0) {
        this.count = count;
        this.ones = ones;
        this.cross = cross;
        this.mean1 = mean1;
        this.mean0 = mean0;
        this.variance1 = variance1;
        this.variance0 = variance0;
    }

    static BinaryClassMoments of(Moments moments, int[] inputs, int target) {
        double n = moments.count();
        double ones = Math.rint(n * moments.mean(target));
        double zeros = n - ones;
        double[] cross = ScatterMatrices.crossScatter(moments, inputs, target);
        int p = inputs.length;
        double[] mean1 = new double[p];
        double[] mean0 = new double[p];
        double[] variance1 = new double[p];
        double[] variance0 = new double[p];
        for (int j = 0; j < p; j++) {
            double mean = moments.mean(inputs[j]);
            mean1[j] = mean + cross[j] / ones;
            mean0[j] = mean - cross[j] / zeros;
            double squares1 = moments.sumOfSquaredProducts(inputs[j], target);
            double squares = moments.m2(inputs[j]) + n * mean * mean;
            variance1[j] = Math.max(squares1 / ones - mean1[j] * mean1[j], 0);
            variance0[j] = Math.max((squares - squares1) / zeros - mean0[j] * mean0[j], 0);
        }
        return new BinaryClassMoments(n, ones, cross, mean1, mean0, variance1, variance0);
    }

    double count() {
        return count;
    }

    /** n₁. */
    double ones() {
        return ones;
    }

    /** n₀. */
    double zeros() {
        return count - ones;
    }

    /** s = Σ(x − x̄)(y − ȳ). */
    double[] cross() {
        return cross.clone();
    }

    double[] mean1() {
        return mean1.clone();
    }

    double[] mean0() {
        return mean0.clone();
    }

    /** μ₁ − μ₀ = s·n/(n₁n₀). */
    double[] meanDifference() {
        double[] difference = new double[cross.length];
        for (int j = 0; j < difference.length; j++) {
            difference[j] = cross[j] * count / (ones * zeros());
        }
        return difference;
    }

    double[] variance1() {
        return variance1.clone();
    }

    double[] variance0() {
        return variance0.clone();
    }
}
