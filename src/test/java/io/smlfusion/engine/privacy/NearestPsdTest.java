package io.smlfusion.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.PackedSymmetric;

class NearestPsdTest {

    @Test
    void aDiagonalMatrixLosesItsNegativeEigenvalues() {
        // [[2, 0], [0, -1]] → [[2, 0], [0, 0]]
        assertArrayEquals(new double[] {2, 0, 0}, NearestPsd.of(new double[] {2, 0, -1}, 2), 1e-12);
    }

    @Test
    void aPsdMatrixStaysAsItIs() {
        // [[4, 2], [2, 3]]: eigenvalues (7 ± √17)/2 > 0
        assertArrayEquals(new double[] {4, 2, 3}, NearestPsd.of(new double[] {4, 2, 3}, 2), 1e-12);
    }

    @Test
    void aKnownIndefiniteMatrixGoesToItsNearestPsd() {
        // [[1, 2], [2, 1]] = eigenvalues 3 (v = (1,1)/√2) and −1 (v = (1,−1)/√2): nearest PSD is 3 v vᵀ = 1.5 × all ones
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, NearestPsd.of(new double[] {1, 2, 1}, 2), 1e-12);
    }

    @Test
    void aNoisyMatrixBecomesPsdAtHighamsDistance() {
        Random random = new Random(11);
        int p = 8;
        double[] packed = new double[PackedSymmetric.size(p)];
        for (int k = 0; k < packed.length; k++) {
            packed[k] = random.nextGaussian();
        }
        double[] before = eigenvalues(packed, p);
        double[] repaired = NearestPsd.of(packed, p);
        double[] after = eigenvalues(repaired, p);
        double negativeSquares = 0;
        for (double lambda : before) {
            negativeSquares += lambda < 0 ? lambda * lambda : 0;
        }
        assertTrue(negativeSquares > 0, "the test matrix must be indefinite");
        for (double lambda : after) {
            assertTrue(lambda > -1e-12, "eigenvalue " + lambda + " of the repaired matrix");
        }
        assertEquals(Math.sqrt(negativeSquares), frobeniusDistance(packed, repaired, p), 1e-10,
                "Higham: the distance to the nearest PSD matrix is the norm of the negative eigenvalues");
    }

    private static double frobeniusDistance(double[] a, double[] b, int p) {
        double sum = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int k = PackedSymmetric.index(i, j, p);
                sum += (a[k] - b[k]) * (a[k] - b[k]);
            }
        }
        return Math.sqrt(sum);
    }

    private static double[] eigenvalues(double[] packed, int p) {
        DMatrixRMaj matrix = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                matrix.set(i, j, packed[PackedSymmetric.index(i, j, p)]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(p, false, true);
        assertTrue(eigen.decompose(matrix));
        double[] values = new double[p];
        for (int k = 0; k < p; k++) {
            values[k] = eigen.getEigenvalue(k).getReal();
        }
        return values;
    }
}
