package io.smlfusion.engine.explore;

/**
 * The rows of one group compared by a test: a whole attribute, or an attribute restricted to the
 * rows where a binary attribute is 1 (or 0). Counts are doubles because a group selected by a
 * non-binary weight (spec §7.6 {@code condCount}) need not have an integral size.
 *
 * @param count number of rows n
 * @param mean the group mean
 * @param variance the population variance Σ(x − mean)²/n
 */
record Group(double count, double mean, double variance) {

    /** The unbiased variance s² = Σ(x − mean)²/(n − 1). */
    double sampleVariance() {
        return variance * count / (count - 1);
    }

    /** The sample standard deviation s. */
    double sampleStandardDeviation() {
        return Math.sqrt(sampleVariance());
    }

    /** Σ(x − mean)². */
    double squaredDeviations() {
        return variance * count;
    }
}
