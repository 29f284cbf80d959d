package io.smlfusion.engine.stats;

/**
 * Compensated accumulation of sums kept as pairs (sum, compensation), the value being their sum.
 *
 * <p>This is Neumaier's improvement of Kahan summation (A. Neumaier, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54, 1974): the rounding error of every
 * addition is collected in a separate compensation term that is added back only when the value is
 * read. The rounding error is obtained with Knuth's branch-free TwoSum (TAOCP vol. 2, §4.2.2)
 * instead of Neumaier's magnitude comparison; both are exact, and the branch-free form lets the
 * JIT vectorise the loops over packed matrices. Keeping the compensation terms, rather than
 * folding them in, is what keeps a later subtraction (forget) as accurate as the additions.
 */
final class TwoSum {

    private TwoSum() {
    }

    /** Adds {@code value} to the compensated pair at position {@code k}. */
    static void accumulate(double[] sums, double[] compensations, int k, double value) {
        double sum = sums[k];
        double total = sum + value;
        double valueVirtual = total - sum;
        double sumVirtual = total - valueVirtual;
        compensations[k] += (sum - sumVirtual) + (value - valueVirtual);
        sums[k] = total;
    }

    /**
     * Adds {@code sign} × every compensated pair of (addends, addendCompensations) into
     * (sums, compensations); {@code sign} is +1 or -1, so negation is exact.
     */
    static void accumulateAll(double[] sums, double[] compensations,
                              double[] addends, double[] addendCompensations, double sign) {
        for (int k = 0; k < sums.length; k++) {
            accumulate(sums, compensations, k, sign * addends[k]);
            compensations[k] += sign * addendCompensations[k];
        }
    }
}
