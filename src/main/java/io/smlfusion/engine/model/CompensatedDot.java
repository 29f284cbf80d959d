package io.smlfusion.engine.model;

/**
 * Dot products as accurate as if computed in twice the working precision and then rounded:
 * algorithm Dot2 of T. Ogita, S. M. Rump, S. Oishi, "Accurate sum and dot product", SIAM J. Sci.
 * Comput. 26(6), 2005, §5. Each product's rounding error is exact by a fused multiply-add
 * (TwoProduct), each addition's by Knuth's TwoSum (as {@code engine.stats.TwoSum} keeps the
 * statistics' sums); the errors are summed apart and added back once.
 *
 * <p>Used where a result is the small difference of large terms — the residuals of iterative
 * refinement in {@link ScatterInverse}, an intercept ȳ − βᵀx̄, a residual sum of squares
 * Syy − βᵀs — and where an ordinary dot product would lose the digits the statistics hold.
 */
final class CompensatedDot {

    private CompensatedDot() {
    }

    /** Σ aᵢbᵢ. */
    static double dot(double[] a, double[] b) {
        return accumulate(0, a, b, 1);
    }

    /** c − Σ aᵢbᵢ, rounded once. */
    static double residual(double c, double[] a, double[] b) {
        return accumulate(c, a, b, -1);
    }

    private static double accumulate(double start, double[] a, double[] b, double sign) {
        double sum = start;
        double error = 0;
        for (int i = 0; i < a.length; i++) {
            double factor = sign * a[i];
            double product = factor * b[i];
            double productError = Math.fma(factor, b[i], -product);
            double total = sum + product;
            double productVirtual = total - sum;
            error += (sum - (total - productVirtual)) + (product - productVirtual) + productError;
            sum = total;
        }
        return sum + error;
    }
}
