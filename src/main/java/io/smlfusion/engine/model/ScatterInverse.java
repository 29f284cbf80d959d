package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The (pseudo-)inverse of a symmetric positive semi-definite matrix S — a scatter or covariance
 * matrix — computed on its standardised form, rank-revealing.
 *
 * <p>Definition. With D = diag(√Sᵢᵢ) (1 where Sᵢᵢ = 0) and R = D⁻¹ S D⁻¹ (a correlation matrix,
 * whose singular values do not depend on the units of the attributes), take the SVD R = U Σ Vᵀ
 * (EJML). A singular value σₖ counts as zero when σₖ ≤ τ·σ₁, τ = {@code sml_rcond_tolerance}
 * (default 1e-14), σ₁ the largest; the rank r is the number of the others. The inverse returned is
 * S⁺ = D⁻¹ R⁺ D⁻¹ with R⁺ = Σₖ≤ᵣ vₖ uₖᵀ / σₖ — for a non-singular S exactly S⁻¹; for a singular S a
 * generalised inverse (S S⁺ S = S) that gives the minimum-norm solution in standardised units,
 * never NaN or infinite coefficients (the Moore–Penrose construction of G. Golub, C. Van Loan,
 * "Matrix Computations", 4th ed., §5.5.4, applied after diagonal equilibration, §3.5.2).
 *
 * <p>When r &lt; p and the pseudo-inverse is disabled, the build fails naming the collinear
 * attributes: those with a weight |vᵢₖ| &gt; 1e-6 in some null vector vₖ (σₖ ≤ τσ₁). The union of
 * these supports does not depend on the basis chosen for the null space: it is exactly the set of
 * attributes that take part in some linear dependency, constant attributes included.
 */
final class ScatterInverse {

    /** A null-vector weight above this marks an attribute as part of a dependency. */
    private static final double NULL_WEIGHT = 1e-6;

    private final DMatrixRMaj inverse;
    private final int rank;
    private final double logDeterminant;

    private ScatterInverse(DMatrixRMaj inverse, int rank, double logDeterminant) {
        this.inverse = inverse;
        this.rank = rank;
        this.logDeterminant = logDeterminant;
    }

    /**
     * @param names the attribute of each row, for the error message
     * @throws ModelBuildException when S is singular and the policy forbids the pseudo-inverse
     */
    static ScatterInverse of(DMatrixRMaj symmetric, List<String> names, RankPolicy policy) {
        int p = symmetric.numRows;
        double[] scales = ScatterMatrices.rootDiagonal(symmetric);
        DMatrixRMaj standardised = ScatterMatrices.rescaled(symmetric, scales);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(p, p, true, true, true);
        if (!svd.decompose(standardised)) {
            throw new ModelBuildException("the singular value decomposition of the "
                    + p + " × " + p + " matrix of " + names + " did not converge");
        }
        double[] singular = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double largest = 0;
        for (double value : singular) {
            largest = Math.max(largest, value);
        }
        double cutoff = policy.tolerance() * largest;
        boolean[] kept = new boolean[p];
        int rank = 0;
        double logDeterminant = 0;
        for (int k = 0; k < p; k++) {
            kept[k] = singular[k] > cutoff && singular[k] > 0;
            if (kept[k]) {
                rank++;
                logDeterminant += Math.log(singular[k]);
            }
        }
        if (rank < p && !policy.pseudoInverse()) {
            throw collinear(names, v, kept, rank, policy.tolerance());
        }
        DMatrixRMaj inverse = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            double si = scales[i] == 0 ? 1 : scales[i];
            if (scales[i] > 0) {
                logDeterminant += 2 * Math.log(scales[i]);
            }
            for (int j = 0; j < p; j++) {
                double sj = scales[j] == 0 ? 1 : scales[j];
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    if (kept[k]) {
                        sum += v.unsafe_get(i, k) * u.unsafe_get(j, k) / singular[k];
                    }
                }
                inverse.unsafe_set(i, j, sum / (si * sj));
            }
        }
        return new ScatterInverse(inverse, rank, logDeterminant);
    }

    /** S⁻¹, or S⁺ when S is singular; a new matrix. */
    DMatrixRMaj inverse() {
        return inverse.copy();
    }

    /** S⁺ b. */
    double[] solve(double[] b) {
        return ScatterMatrices.times(inverse, b);
    }

    /** The numerical rank r. */
    int rank() {
        return rank;
    }

    int dimension() {
        return inverse.numRows;
    }

    /** log det S, or for a singular S the log of the product of its r retained singular values
     * (after equilibration) and of the retained scales: the log pseudo-determinant. */
    double logDeterminant() {
        return logDeterminant;
    }

    private static ModelBuildException collinear(List<String> names, DMatrixRMaj v,
                                                 boolean[] kept, int rank, double tolerance) {
        List<String> dependent = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int k = 0; k < kept.length; k++) {
                if (!kept[k] && Math.abs(v.unsafe_get(i, k)) > NULL_WEIGHT) {
                    dependent.add(names.get(i));
                    break;
                }
            }
        }
        return new ModelBuildException("the inputs are collinear: their matrix has rank " + rank
                + " of " + names.size() + " (relative tolerance sml_rcond_tolerance = " + tolerance
                + "); these attributes take part in a linear dependency: "
                + String.join(", ", dependent) + ". Drop one attribute of each dependency "
                + "(e.g. one column of each one-hot group) or set matrix_use_pseudoinv=true");
    }
}
