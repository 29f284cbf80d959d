package io.smlfusion.engine.explore;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * The sums of spec §10.2 — n, S1ᵢ = Σxᵢ, S2ᵢ = Σxᵢ², Cᵢⱼ = Σxᵢxⱼ, Qᵢⱼ = Σxᵢ²xⱼ² — and the
 * population statistics of spec §7.6, read from the centred {@link Moments} of a project.
 * Variances and covariances come from the centred sums directly (no cancellation); only the
 * conditional statistics need the raw sums, as the representation defines them.
 *
 * <p>Sums of binary attributes are counts: S1 of a binary attribute, and C of two binary
 * attributes, are rounded to the nearest integer, which removes the rounding the centred form
 * leaves (49.99999999999999 rather than 50).
 */
final class MomentSums {

    private final Moments moments;
    private final Schema schema;

    MomentSums(ProjectStatistics statistics) {
        this.moments = statistics.total();
        this.schema = statistics.schema();
    }

    /** The row count n. */
    double count() {
        return moments.count();
    }

    double mean(int i) {
        return moments.mean(i);
    }

    /** S1ᵢ = Σxᵢ = n·x̄ᵢ; for a binary attribute, the number of rows where it is 1. */
    double sum(int i) {
        double sum = count() * mean(i);
        return binary(i) ? Math.rint(sum) : sum;
    }

    /** S2ᵢ = Σxᵢ² = M2ᵢ + n·x̄ᵢ². */
    double sumOfSquares(int i) {
        return moments.m2(i) + count() * mean(i) * mean(i);
    }

    /** Cᵢⱼ = Σxᵢxⱼ = Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) + n·x̄ᵢx̄ⱼ; for two binary attributes, their co-occurrence count. */
    double crossSum(int i, int j) {
        double sum = moments.comoment(i, j) + count() * mean(i) * mean(j);
        return binary(i) && binary(j) ? Math.rint(sum) : sum;
    }

    /** Qᵢⱼ = Σxᵢ²xⱼ². */
    double squaredProductSum(int i, int j) {
        return moments.sumOfSquaredProducts(i, j);
    }

    /** Σ(xᵢ − x̄ᵢ)². */
    double squaredDeviations(int i) {
        return moments.m2(i);
    }

    double m3(int i) {
        return moments.m3(i);
    }

    double m4(int i) {
        return moments.m4(i);
    }

    /** The population variance Σ(xᵢ − x̄ᵢ)²/n (spec §7.6). */
    double variance(int i) {
        return moments.m2(i) / count();
    }

    /** The population covariance Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ)/n (spec §7.6). */
    double covariance(int i, int j) {
        return moments.comoment(i, j) / count();
    }

    /** Pearson's r; NaN when either attribute is constant. */
    double correlation(int i, int j) {
        return moments.comoment(i, j) / Math.sqrt(moments.m2(i) * moments.m2(j));
    }

    /** Attribute {@code i} over every row. */
    Group column(int i) {
        return new Group(count(), mean(i), variance(i));
    }

    /**
     * Attribute {@code i} over the rows weighted by attribute {@code j} (spec §7.6, §10.2):
     * n = S1ⱼ, mean = Cᵢⱼ/S1ⱼ, variance = Qᵢⱼ/S1ⱼ − mean². For a binary {@code j} this is exactly
     * the rows where j = 1, with their population variance.
     */
    Group where(int i, int j) {
        double n = sum(j);
        double mean = crossSum(i, j) / n;
        return new Group(n, mean, squaredProductSum(i, j) / n - mean * mean);
    }

    /**
     * Attribute {@code i} over the rows where the binary attribute {@code j} is 0 (spec §10.2):
     * n₀ = n − S1ⱼ, sum = S1ᵢ − Cᵢⱼ, sum of squares = S2ᵢ − Qᵢⱼ.
     */
    Group whereNot(int i, int j) {
        double n = count() - sum(j);
        double mean = (sum(i) - crossSum(i, j)) / n;
        return new Group(n, mean, (sumOfSquares(i) - squaredProductSum(i, j)) / n - mean * mean);
    }

    private boolean binary(int i) {
        return schema.type(i) == AttributeType.BINARY;
    }
}
