package io.smlfusion.engine.privacy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import io.smlfusion.engine.stats.PackedSymmetric;

/**
 * Repairs a noisy symmetric matrix into the nearest positive semi-definite one: with the
 * eigen-decomposition A = V Λ Vᵀ, the nearest PSD matrix in the Frobenius norm is V max(Λ, 0) Vᵀ,
 * at distance √(Σ over negative eigenvalues λ²) (N. J. Higham, "Computing a nearest symmetric
 * positive semidefinite matrix", Linear Algebra and its Applications 103 (1988) 103–118, the
 * symmetric case of Theorem 2.1). Released co-moment matrices must be PSD: every model inverts or
 * decomposes them as covariances. Pure post-processing: it costs no privacy.
 */
final class NearestPsd {

    private NearestPsd() {
    }

    /** The nearest PSD matrix to the packed symmetric {@code packed} over {@code p} attributes, packed the same way. */
    static double[] of(double[] packed, int p) {
        if (p == 0) {
            return packed.clone();
        }
        DMatrixRMaj matrix = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double value = packed[PackedSymmetric.index(i, j, p)];
                matrix.set(i, j, value);
                matrix.set(j, i, value);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eigen.decompose(matrix)) {
            throw new IllegalStateException("the eigen-decomposition of a " + p + " × " + p + " noisy co-moment matrix failed");
        }
        double[] repaired = new double[packed.length];
        for (int k = 0; k < p; k++) {
            double lambda = eigen.getEigenvalue(k).getReal();
            if (lambda <= 0) {
                continue;
            }
            DMatrixRMaj v = eigen.getEigenVector(k);
            for (int i = 0; i < p; i++) {
                double weighted = lambda * v.get(i, 0);
                for (int j = i; j < p; j++) {
                    repaired[PackedSymmetric.index(i, j, p)] += weighted * v.get(j, 0);
                }
            }
        }
        return repaired;
    }
}
