package io.smlfusion.engine.stats;

/**
 * Read-only view of the statistics of a set of rows over p aligned attributes: what exploration
 * and model code consume. All moments are population sums (not divided by n), so every derived
 * statistic chooses its own normalisation.
 *
 * @see MomentBlock for the update and merge rules
 */
public interface Moments {

    /** Rows learned minus rows forgotten. */
    long count();

    /** Number of attributes p. */
    int dimension();

    /** Mean x̄ᵢ of attribute i (0 when no rows). */
    double mean(int i);

    /** Σ(xᵢ − x̄ᵢ)², equal to {@code comoment(i, i)}. */
    double m2(int i);

    /** Σ(xᵢ − x̄ᵢ)³. */
    double m3(int i);

    /** Σ(xᵢ − x̄ᵢ)⁴. */
    double m4(int i);

    /** Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ); symmetric in i and j. */
    double comoment(int i, int j);

    /** Q = Σ xᵢ² xⱼ² over the raw values (spec §10.2); symmetric in i and j. */
    double sumOfSquaredProducts(int i, int j);

    /** An independent, mutable copy. */
    MomentBlock copy();
}
