package io.smlfusion.engine.explore;

import org.ejml.data.DMatrixRMaj;

/** The covariance and correlation matrices of chosen attributes, as EJML matrices (spec §10.2). */
final class AttributeMatrices {

    private AttributeMatrices() {
    }

    /** The population covariance matrix Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ)/n. */
    static DMatrixRMaj covariance(MomentSums sums, int[] attributes) {
        int p = attributes.length;
        DMatrixRMaj matrix = new DMatrixRMaj(p, p);
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                double value = sums.covariance(attributes[r], attributes[c]);
                matrix.set(r, c, value);
                matrix.set(c, r, value);
            }
        }
        return matrix;
    }

    /**
     * The correlation matrix. A constant attribute has no correlation: its row and column,
     * diagonal included, are 0, so it shows as a zero singular value.
     */
    static DMatrixRMaj correlation(MomentSums sums, int[] attributes) {
        int p = attributes.length;
        DMatrixRMaj matrix = new DMatrixRMaj(p, p);
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                double value = sums.correlation(attributes[r], attributes[c]);
                value = Double.isFinite(value) ? value : 0;
                matrix.set(r, c, value);
                matrix.set(c, r, value);
            }
        }
        return matrix;
    }

    /** The rows and columns {@code kept} of a square matrix. */
    static DMatrixRMaj restricted(DMatrixRMaj matrix, int[] kept) {
        DMatrixRMaj restricted = new DMatrixRMaj(kept.length, kept.length);
        for (int r = 0; r < kept.length; r++) {
            for (int c = 0; c < kept.length; c++) {
                restricted.set(r, c, matrix.get(kept[r], kept[c]));
            }
        }
        return restricted;
    }
}
