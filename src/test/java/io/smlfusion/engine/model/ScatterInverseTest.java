package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link ScatterInverse}: which factorisation solves, and how accurately.
 *
 * <p>The ill-conditioned full-rank case is the 8 × 8 Hilbert matrix scaled by lcm(1, …, 15) =
 * 360360 so that every entry Hᵢⱼ = 360360/(i + j + 1) is an integer, and b = H·1 (row sums,
 * integers) is exact: the exact solution is x = 1 and κ(H) ≈ 1.5·10¹⁰, so an unrefined solve
 * keeps only about six digits.
 */
class ScatterInverseTest {

    private static final RankPolicy PSEUDO_INVERSE = new RankPolicy(true, RankPolicy.DEFAULT_TOLERANCE);
    private static final int P = 8;

    private static DMatrixRMaj hilbert() {
        DMatrixRMaj h = new DMatrixRMaj(P, P);
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) {
                h.set(i, j, 360360 / (i + j + 1));
            }
        }
        return h;
    }

    private static double[] rowSums(DMatrixRMaj matrix) {
        double[] sums = new double[matrix.numRows];
        for (int i = 0; i < matrix.numRows; i++) {
            for (int j = 0; j < matrix.numCols; j++) {
                sums[i] += matrix.get(i, j);
            }
        }
        return sums;
    }

    private static List<String> names(int p) {
        return java.util.stream.IntStream.range(0, p).mapToObj(i -> "x" + i).toList();
    }

    private static double maxError(double[] x, double exact) {
        double max = 0;
        for (double value : x) {
            max = Math.max(max, Math.abs(value - exact));
        }
        return max;
    }

    private static double maxAbs(double[] vector) {
        return maxError(vector, 0);
    }

    @Test
    void fullRankIsSolvedByCholeskyToFullPrecision() {
        ScatterInverse inverse = ScatterInverse.of(hilbert(), names(P), PSEUDO_INVERSE);
        assertTrue(inverse.cholesky());
        assertEquals(P, inverse.rank());
        assertTrue(maxError(inverse.solve(rowSums(hilbert())), 1) < 1e-14);
    }

    @Test
    void refinementImprovesTheResidualAndTheSolution() {
        DMatrixRMaj h = hilbert();
        double[] b = rowSums(h);
        ScatterInverse inverse = ScatterInverse.of(h, names(P), PSEUDO_INVERSE);
        double[] unrefined = inverse.solve(b, 0);
        double[] refined = inverse.solve(b, ScatterInverse.MAX_REFINEMENTS);
        assertTrue(maxError(unrefined, 1) > 1e-10, "the unrefined solve is " + maxError(unrefined, 1)
                + " off: the example is not ill-conditioned enough to show refinement");
        assertTrue(maxError(refined, 1) < maxError(unrefined, 1) / 1e4);
        assertTrue(maxAbs(inverse.residual(b, refined)) < maxAbs(inverse.residual(b, unrefined)));
    }

    @Test
    void standardErrorsComeFromSolvesAgreeingWithTheInverse() {
        // S = [[4, 2], [2, 3]]: S⁻¹ = [[3, -2], [-2, 4]] / 8
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{4, 2}, {2, 3}});
        ScatterInverse inverse = ScatterInverse.of(s, names(2), PSEUDO_INVERSE);
        assertArrayEquals(new double[] {3 / 8.0, 4 / 8.0}, inverse.inverseDiagonal(), 1e-16);
        // (1, 1) S⁻¹ (1, 1)ᵀ = (3 − 4 + 4) / 8
        assertEquals(3 / 8.0, inverse.quadraticForm(new double[] {1, 1}), 1e-16);
        assertEquals(Math.log(8), inverse.logDeterminant(), 1e-15);
        assertArrayEquals(new double[] {3 / 8.0, -2 / 8.0, -2 / 8.0, 4 / 8.0},
                inverse.inverse().data, 1e-16);
    }

    @Test
    void rankDeficientIsSolvedByTheSvdPseudoInverse() {
        // x2 = x0 + x1: rank 2; S = Aᵀ A for rows (1,0,1), (0,1,1), (1,1,2), (2,1,3)
        double[][] rows = {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}, {2, 1, 3}};
        DMatrixRMaj s = new DMatrixRMaj(3, 3);
        for (double[] row : rows) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    s.add(i, j, row[i] * row[j]);
                }
            }
        }
        ScatterInverse inverse = ScatterInverse.of(s, names(3), PSEUDO_INVERSE);
        assertFalse(inverse.cholesky());
        assertEquals(2, inverse.rank());
        // b in the range of S: b = S·(1, 1, 0); the solution x satisfies S x = b
        double[] b = ScatterMatrices.times(s, new double[] {1, 1, 0});
        assertTrue(maxAbs(inverse.residual(b, inverse.solve(b))) < 1e-12);
        ModelBuildException refused = assertThrows(ModelBuildException.class,
                () -> ScatterInverse.of(s, names(3), new RankPolicy(false, RankPolicy.DEFAULT_TOLERANCE)));
        assertTrue(refused.getMessage().contains("x0, x1, x2"), refused.getMessage());
    }

    @Test
    void constantAttributeGoesToTheSvdAndGetsZero() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{4, 0}, {0, 0}});
        ScatterInverse inverse = ScatterInverse.of(s, names(2), PSEUDO_INVERSE);
        assertFalse(inverse.cholesky());
        assertArrayEquals(new double[] {0.5, 0}, inverse.solve(new double[] {2, 0}), 1e-16);
    }
}
