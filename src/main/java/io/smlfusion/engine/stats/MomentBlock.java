package io.smlfusion.engine.stats;

import java.util.Arrays;

/**
 * The exact, additive statistics of a set of rows over p aligned attributes: the row count n, per
 * attribute the mean and the centred moments M2, M3, M4, the centred co-moment matrix, and the raw
 * power sums Q = Σ xᵢ² xⱼ² (spec §10.2). Mutable; not thread-safe.
 *
 * <p><b>Merge contract.</b> {@code a.merge(b)} leaves {@code a} equal, up to rounding, to a block
 * that learned a's rows and then b's rows; {@code learn(rows)} equals {@code merge} of a block
 * that learned only {@code rows}. {@code a.subtract(b)} and {@code forget(rows)} are the exact
 * inverses: learning rows then forgetting them restores the previous state up to rounding, and
 * forgetting every row restores an exactly empty block. Merging is commutative and associative up
 * to rounding, so callers that need bit-reproducible results fix the order.
 *
 * <p><b>Numerics.</b> Centred moments are never formed from raw power sums (Σx²/n − x̄² cancels
 * catastrophically on offset data). A block of rows is reduced on its own, in two passes around
 * its own mean, then combined with the pairwise update formulas; with δ = x̄_B − x̄_A and
 * n = n_A + n_B:
 * <pre>
 * x̄   = x̄_A + δ n_B / n
 * M2  = M2_A + M2_B + δ² n_A n_B / n                   (co-moments: δᵢδⱼ in place of δ²)
 * M3  = M3_A + M3_B + δ³ n_A n_B (n_A − n_B) / n² + 3δ (n_A M2_B − n_B M2_A) / n
 * M4  = M4_A + M4_B + δ⁴ n_A n_B (n_A² − n_A n_B + n_B²) / n³
 *                   + 6δ² (n_A² M2_B + n_B² M2_A) / n² + 4δ (n_A M3_B − n_B M3_A) / n
 * </pre>
 * The mean and second-order formulas are from T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating
 * formulae and a pairwise algorithm for computing sample variances", Stanford STAN-CS-79-773
 * (1979) and "Algorithms for computing the sample variance: analysis and recommendations", The
 * American Statistician 37 (1983); the third and fourth order ones from P. Pébay, "Formulas for
 * robust, one-pass parallel computation of covariances and arbitrary-order statistical moments",
 * Sandia report SAND2008-6212 (2008). Subtraction runs the same formulas backwards: given the
 * union and B, it solves them for A. Inside a block, sums run over at most 64 rows before they
 * are folded into compensated totals ({@link BlockSummarizer}), so a block's own moments are as
 * accurate for a million rows as for a hundred. Q is a raw sum with no cancellation inside learn;
 * it is accumulated with compensated summation ({@link TwoSum}) and its compensation terms are
 * kept, so that merge and forget stay accurate too.
 */
public final class MomentBlock implements Moments {

    private final int dimension;
    long count;
    final double[] mean;
    final double[] m3;
    final double[] m4;
    /** Packed upper triangle ({@link PackedSymmetric}); the diagonal holds M2. */
    final double[] comoment;
    /** Packed Q sums and their compensation terms. */
    final double[] squaredProducts;
    final double[] squaredProductsCompensation;

    /** An empty block over {@code dimension} attributes. */
    public MomentBlock(int dimension) {
        int packed = PackedSymmetric.size(dimension);
        this.dimension = dimension;
        this.mean = new double[dimension];
        this.m3 = new double[dimension];
        this.m4 = new double[dimension];
        this.comoment = new double[packed];
        this.squaredProducts = new double[packed];
        this.squaredProductsCompensation = new double[packed];
    }

    /** Adopts the given arrays (used by the snapshot reader, which validated their lengths). */
    MomentBlock(long count, double[] mean, double[] m3, double[] m4, double[] comoment,
                double[] squaredProducts, double[] squaredProductsCompensation) {
        this.dimension = mean.length;
        this.count = count;
        this.mean = mean;
        this.m3 = m3;
        this.m4 = m4;
        this.comoment = comoment;
        this.squaredProducts = squaredProducts;
        this.squaredProductsCompensation = squaredProductsCompensation;
    }

    /**
     * A block holding the given moments as they are (no row was learned to make them): for
     * statistics produced by a mechanism, such as a differentially private release. The arrays are
     * adopted; Q carries no compensation terms.
     *
     * @throws IllegalArgumentException when an array does not fit the dimension of {@code mean},
     *     the count is negative, or a moment is not finite
     */
    public static MomentBlock of(long count, double[] mean, double[] m3, double[] m4, double[] comoment,
                                 double[] squaredProducts) {
        int dimension = mean.length;
        int packed = PackedSymmetric.size(dimension);
        if (count < 0 || m3.length != dimension || m4.length != dimension || comoment.length != packed
                || squaredProducts.length != packed) {
            throw new IllegalArgumentException("moments of " + count + " rows do not fit " + dimension + " attributes");
        }
        MomentBlock block = new MomentBlock(count, mean, m3, m4, comoment, squaredProducts, new double[packed]);
        String violation = ValueRange.violation(block);
        if (violation != null) {
            throw new IllegalArgumentException(violation);
        }
        return block;
    }

    /**
     * Adds {@code rowCount} rows of width {@link #dimension()}, stored row after row from the start
     * of {@code rowMajor} (which may be longer, so callers can reuse a buffer).
     */
    public void learn(double[] rowMajor, int rowCount) {
        merge(BlockSummarizer.summarize(rowMajor, rowCount, dimension));
    }

    /**
     * Removes rows learned before (same layout as {@link #learn}).
     *
     * @throws IllegalArgumentException when more rows are forgotten than were learned
     */
    public void forget(double[] rowMajor, int rowCount) {
        requireAtMostCount(rowCount);
        subtract(BlockSummarizer.summarize(rowMajor, rowCount, dimension));
    }

    /** Adds every row of {@code other}, which must have the same dimension. */
    public void merge(MomentBlock other) {
        requireSameDimension(other);
        if (other.count == 0) {
            return;
        }
        MomentBlock b = other == this ? other.copy() : other;
        double nA = count;
        double nB = b.count;
        double n = nA + nB;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = b.mean[i] - mean[i];
        }
        // M4 needs the old M3 and M2, M3 the old M2: update in that order, means last.
        for (int i = 0; i < dimension; i++) {
            double d = delta[i];
            double d2 = d * d;
            int diagonal = PackedSymmetric.rowStart(i, dimension);
            double m2A = comoment[diagonal];
            double m2B = b.comoment[diagonal];
            m4[i] += b.m4[i] + d2 * d2 * nA * nB * (nA * nA - nA * nB + nB * nB) / (n * n * n)
                    + 6 * d2 * (nA * nA * m2B + nB * nB * m2A) / (n * n)
                    + 4 * d * (nA * b.m3[i] - nB * m3[i]) / n;
            m3[i] += b.m3[i] + d2 * d * nA * nB * (nA - nB) / (n * n)
                    + 3 * d * (nA * m2B - nB * m2A) / n;
        }
        addCrossTerms(b.comoment, delta, nA * nB / n, 1);
        for (int i = 0; i < dimension; i++) {
            mean[i] += delta[i] * nB / n;
        }
        TwoSum.accumulateAll(squaredProducts, squaredProductsCompensation,
                b.squaredProducts, b.squaredProductsCompensation, 1);
        count += b.count;
    }

    /**
     * Removes the rows of {@code other}, which must be part of the rows of this block (same
     * dimension): solves the pairwise formulas for A given A∪B and B.
     *
     * @throws IllegalArgumentException when {@code other} holds more rows than this block
     */
    public void subtract(MomentBlock other) {
        requireSameDimension(other);
        requireAtMostCount(other.count);
        if (other.count == 0) {
            return;
        }
        if (other.count == count) {
            clear();
            return;
        }
        double n = count;
        double nB = other.count;
        double nA = n - nB;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = (other.mean[i] - mean[i]) * n / nA;
        }
        // Backwards: M2_A first (M3_A needs it), then M3_A (M4_A needs it).
        addCrossTerms(other.comoment, delta, nA * nB / n, -1);
        for (int i = 0; i < dimension; i++) {
            double d = delta[i];
            double d2 = d * d;
            int diagonal = PackedSymmetric.rowStart(i, dimension);
            double m2A = comoment[diagonal];
            double m2B = other.comoment[diagonal];
            m3[i] -= other.m3[i] + d2 * d * nA * nB * (nA - nB) / (n * n)
                    + 3 * d * (nA * m2B - nB * m2A) / n;
            m4[i] -= other.m4[i] + d2 * d2 * nA * nB * (nA * nA - nA * nB + nB * nB) / (n * n * n)
                    + 6 * d2 * (nA * nA * m2B + nB * nB * m2A) / (n * n)
                    + 4 * d * (nA * other.m3[i] - nB * m3[i]) / n;
            mean[i] -= d * nB / n;
        }
        TwoSum.accumulateAll(squaredProducts, squaredProductsCompensation,
                other.squaredProducts, other.squaredProductsCompensation, -1);
        count -= other.count;
    }

    @Override
    public MomentBlock copy() {
        return new MomentBlock(count, mean.clone(), m3.clone(), m4.clone(), comoment.clone(),
                squaredProducts.clone(), squaredProductsCompensation.clone());
    }

    /** A copy over {@code newDimension ≥ dimension()} attributes; the added ones are all zero. */
    public MomentBlock widenedTo(int newDimension) {
        int[] identity = new int[dimension];
        Arrays.setAll(identity, i -> i);
        return aligned(identity, newDimension);
    }

    /**
     * A copy over {@code newDimension} attributes in which attribute i of this block becomes
     * attribute {@code mapping[i]}; attributes no one maps to are all zero (mean, moments, Q),
     * which is exactly what rows holding 0 in them would have produced.
     *
     * @throws IllegalArgumentException when the mapping is not one-to-one into 0..newDimension-1
     */
    public MomentBlock aligned(int[] mapping, int newDimension) {
        requireInjective(mapping, newDimension);
        MomentBlock result = new MomentBlock(newDimension);
        result.count = count;
        for (int i = 0; i < dimension; i++) {
            int target = mapping[i];
            result.mean[target] = mean[i];
            result.m3[target] = m3[i];
            result.m4[target] = m4[i];
            for (int j = i; j < dimension; j++) {
                int from = PackedSymmetric.rowStart(i, dimension) + j - i;
                int to = PackedSymmetric.index(target, mapping[j], newDimension);
                result.comoment[to] = comoment[from];
                result.squaredProducts[to] = squaredProducts[from];
                result.squaredProductsCompensation[to] = squaredProductsCompensation[from];
            }
        }
        return result;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double mean(int i) {
        return mean[i];
    }

    @Override
    public double m2(int i) {
        return comoment[PackedSymmetric.rowStart(i, dimension)];
    }

    @Override
    public double m3(int i) {
        return m3[i];
    }

    @Override
    public double m4(int i) {
        return m4[i];
    }

    @Override
    public double comoment(int i, int j) {
        return comoment[PackedSymmetric.index(i, j, dimension)];
    }

    @Override
    public double sumOfSquaredProducts(int i, int j) {
        int k = PackedSymmetric.index(i, j, dimension);
        return squaredProducts[k] + squaredProductsCompensation[k];
    }

    /** comoment += sign × (source + weight δᵢδⱼ), the co-moment term of the pairwise update. */
    private void addCrossTerms(double[] source, double[] delta, double weight, double sign) {
        int k = 0;
        for (int i = 0; i < dimension; i++) {
            double weighted = weight * delta[i];
            for (int j = i; j < dimension; j++, k++) {
                comoment[k] += sign * (source[k] + weighted * delta[j]);
            }
        }
    }

    private void clear() {
        count = 0;
        Arrays.fill(mean, 0);
        Arrays.fill(m3, 0);
        Arrays.fill(m4, 0);
        Arrays.fill(comoment, 0);
        Arrays.fill(squaredProducts, 0);
        Arrays.fill(squaredProductsCompensation, 0);
    }

    private void requireAtMostCount(long rows) {
        if (rows > count) {
            throw new IllegalArgumentException(
                    "cannot forget " + rows + " rows: only " + count + " were learned");
        }
    }

    private void requireSameDimension(MomentBlock other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("blocks over " + dimension + " and "
                    + other.dimension + " attributes cannot be combined; align them first");
        }
    }

    private void requireInjective(int[] mapping, int newDimension) {
        if (mapping.length != dimension) {
            throw new IllegalArgumentException("mapping covers " + mapping.length
                    + " attributes, block has " + dimension);
        }
        boolean[] taken = new boolean[newDimension];
        for (int target : mapping) {
            if (target < 0 || target >= newDimension || taken[target]) {
                throw new IllegalArgumentException("mapping " + Arrays.toString(mapping)
                        + " is not one-to-one into 0.." + (newDimension - 1));
            }
            taken[target] = true;
        }
    }
}
