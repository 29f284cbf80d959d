package io.smlfusion.engine.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Reduces one row-major block of rows to a {@link MomentBlock} of its own, which the caller then
 * merges into (or subtracts from) a running block with the pairwise formulas.
 *
 * <p>This is the corrected two-pass algorithm (Chan, Golub and LeVeque 1983, eq. 1.7): pass one
 * computes the block mean, pass two accumulates the powers and products of the deviations d from
 * it together with Σd, which would be 0 in exact arithmetic; its rounding residue e = Σd/n then
 * corrects every moment exactly through the shift identities Σ(d−e)² = Σd² − n e²,
 * Σ(d−e)³ = Σd³ − 3eΣd² + 2n e³ and Σ(d−e)⁴ = Σd⁴ − 4eΣd³ + 6e²Σd² − 3n e⁴.
 *
 * <p>The p² work runs over primitive arrays with no allocation inside the row loop, a few rows at
 * a time (see {@link #addTileProducts}).
 */
final class BlockSummarizer {

    /** Rows per packed rank update; {@link #addTileProducts} is written out for exactly this many. */
    private static final int TILE = 4;

    /** Tiles per {@link FoldedSums#fold()}: 64 rows. */
    private static final int FOLD_TILES = 64 / TILE;

    private BlockSummarizer() {
    }

    static MomentBlock summarize(double[] rowMajor, int rowCount, int dimension) {
        if (rowCount < 0 || (long) rowCount * dimension > rowMajor.length) {
            throw new IllegalArgumentException(rowCount + " rows of " + dimension
                    + " values do not fit in an array of " + rowMajor.length);
        }
        MomentBlock block = new MomentBlock(dimension);
        block.count = rowCount;
        if (rowCount > 0) {
            computeMean(rowMajor, rowCount, block.mean);
            double[] sumOfDeviations = accumulateDeviations(rowMajor, rowCount, block);
            correctForMeanResidue(block, sumOfDeviations);
        }
        return block;
    }

    private static void computeMean(double[] x, int rowCount, double[] mean) {
        int p = mean.length;
        for (int r = 0, base = 0; r < rowCount; r++, base += p) {
            for (int i = 0; i < p; i++) {
                mean[i] += x[base + i];
            }
        }
        for (int i = 0; i < p; i++) {
            mean[i] /= rowCount;
        }
    }

    /** Pass two; returns Σd per attribute. */
    private static double[] accumulateDeviations(double[] x, int rowCount, MomentBlock block) {
        int p = block.dimension();
        double[][] deviations = new double[TILE][p];
        double[][] squares = new double[TILE][p];
        double[] sumOfDeviations = new double[p];
        FoldedSums sumsOfDeviations = new FoldedSums(sumOfDeviations, new double[p]);
        FoldedSums cubes = new FoldedSums(block.m3, new double[p]);
        FoldedSums fourthPowers = new FoldedSums(block.m4, new double[p]);
        FoldedSums products = new FoldedSums(block.comoment, new double[block.comoment.length]);
        // The block keeps compensation terms for Q only; the other sums are rounded to doubles
        // once the block is done.
        FoldedSums squaredProducts = new FoldedSums(block.squaredProducts,
                block.squaredProductsCompensation);
        List<FoldedSums> rounded = List.of(sumsOfDeviations, cubes, fourthPowers, products);
        for (int first = 0, tile = 1; first < rowCount; first += TILE, tile++) {
            for (int t = 0; t < TILE; t++) {
                if (first + t < rowCount) {
                    loadRow(x, (first + t) * p, block.mean, deviations[t], squares[t],
                            sumsOfDeviations.partial, cubes.partial, fourthPowers.partial);
                } else {
                    // Zero rows add exact zeros to every product: the last tile is no special case.
                    Arrays.fill(deviations[t], 0);
                    Arrays.fill(squares[t], 0);
                }
            }
            addTileProducts(deviations, products.partial);
            addTileProducts(squares, squaredProducts.partial);
            if (tile % FOLD_TILES == 0 || first + TILE >= rowCount) {
                rounded.forEach(FoldedSums::fold);
                squaredProducts.fold();
            }
        }
        rounded.forEach(FoldedSums::collapse);
        return sumOfDeviations;
    }

    /** Fills one tile row with d = x − x̄ and x², and adds the per-attribute powers of d. */
    private static void loadRow(double[] x, int base, double[] mean, double[] deviation,
                                double[] square, double[] sumOfDeviations, double[] m3,
                                double[] m4) {
        for (int i = 0; i < deviation.length; i++) {
            double value = x[base + i];
            double d = value - mean[i];
            double d2 = d * d;
            deviation[i] = d;
            square[i] = value * value;
            sumOfDeviations[i] += d;
            m3[i] += d2 * d;
            m4[i] += d2 * d2;
        }
    }

    /**
     * packed += Σ over the tile's rows of v vᵀ (upper triangle). Updating {@value #TILE} rows at
     * once loads and stores each accumulator once per tile instead of once per row — the memory
     * traffic that bounds a rank-1 loop once p² no longer fits in the first-level cache — and a
     * loop touching a single accumulator array is one the JIT vectorises.
     */
    private static void addTileProducts(double[][] tile, double[] packed) {
        double[] v0 = tile[0];
        double[] v1 = tile[1];
        double[] v2 = tile[2];
        double[] v3 = tile[3];
        int p = v0.length;
        for (int i = 0, start = 0; i < p; start += p - i, i++) {
            double v0i = v0[i];
            double v1i = v1[i];
            double v2i = v2[i];
            double v3i = v3[i];
            int offset = start - i;
            for (int j = i; j < p; j++) {
                packed[offset + j] += v0i * v0[j] + v1i * v1[j] + v2i * v2[j] + v3i * v3[j];
            }
        }
    }

    private static void correctForMeanResidue(MomentBlock block, double[] sumOfDeviations) {
        int p = block.dimension();
        double n = block.count;
        double[] residue = new double[p];
        for (int i = 0; i < p; i++) {
            double e = sumOfDeviations[i] / n;
            double e2 = e * e;
            double sumD2 = block.comoment[PackedSymmetric.rowStart(i, p)];
            double sumD3 = block.m3[i];
            block.m4[i] += -4 * e * sumD3 + 6 * e2 * sumD2 - 3 * n * e2 * e2;
            block.m3[i] += -3 * e * sumD2 + 2 * n * e2 * e;
            block.mean[i] += e;
            residue[i] = e;
        }
        for (int i = 0, k = 0; i < p; i++) {
            double ne = n * residue[i];
            for (int j = i; j < p; j++, k++) {
                block.comoment[k] -= ne * residue[j];
            }
        }
    }

    /**
     * Sums accumulated in plain arithmetic over at most 64 rows ({@link #partial}), then folded
     * into compensated totals. A plain sum of k terms is accurate to about k·2⁻⁵³ relative to the
     * terms' magnitude, so the 64-row partials keep every sum of a block, however long, below
     * 10⁻¹⁴ — where one plain running sum over a block of n rows would drift by up to n·2⁻⁵³ —
     * while the compensated fold, several times dearer than the plain update, runs once per 64
     * rows.
     */
    private static final class FoldedSums {

        final double[] partial;
        private final double[] sums;
        private final double[] compensations;

        FoldedSums(double[] sums, double[] compensations) {
            this.partial = new double[sums.length];
            this.sums = sums;
            this.compensations = compensations;
        }

        void fold() {
            for (int k = 0; k < partial.length; k++) {
                TwoSum.accumulate(sums, compensations, k, partial[k]);
                partial[k] = 0;
            }
        }

        /** Adds the compensation terms into the sums. */
        void collapse() {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += compensations[k];
                compensations[k] = 0;
            }
        }
    }
}
