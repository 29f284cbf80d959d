package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Solves S x = b for a symmetric positive semi-definite matrix S — a scatter or covariance matrix
 * — through a factorisation of its equilibrated form; never through an explicit inverse.
 *
 * <p>Equilibration. With D = diag(√Sᵢᵢ) (1 where Sᵢᵢ = 0) the correlation matrix R = D⁻¹ S D⁻¹
 * has singular values that do not depend on the units of the attributes (G. Golub, C. Van Loan,
 * "Matrix Computations", 4th ed., §3.5.2). Its SVD R = U Σ Vᵀ (EJML) gives the rank: σₖ counts as
 * zero when σₖ ≤ τ·σ₁, τ = {@code sml_rcond_tolerance} (default 1e-14).
 *
 * <p>Full rank: Cholesky. R = L Lᵀ, and x = D⁻¹ L⁻ᵀ L⁻¹ D⁻¹ b by two triangular solves, then
 * iterative refinement (N. J. Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed.,
 * ch. 12): r = b − S x with S as the statistics give it, its dot products {@link CompensatedDot}
 * (twice the working precision), d = the factored solve of r, x ← x + d; stopped when d no longer
 * halves or is below one unit in the last place of x, at most {@value #MAX_REFINEMENTS} times.
 * With the residual in extended precision the result is as accurate as the statistics allow while
 * κ(R)·ε &lt; 1, instead of losing log₁₀ κ(R) digits (for the degree-5 polynomial of NIST's
 * Wampler1, three digits of the intercept). Should the factorisation fail although the SVD found
 * full rank (κ near 1/ε), the SVD is used as below.
 *
 * <p>Rank deficient (r &lt; p): with the pseudo-inverse allowed ({@code matrix_use_pseudoinv})
 * x = D⁻¹ V Σ⁺ Uᵀ D⁻¹ b, Σ⁺ inverting the r retained singular values — a generalised inverse
 * (S S⁺ S = S) giving the minimum-norm solution in standardised units, never NaN or infinite
 * (Golub, Van Loan §5.5.4). Otherwise the build fails naming the collinear attributes: those with
 * a weight |vᵢₖ| &gt; 1e-6 in some null vector vₖ (σₖ ≤ τσ₁). The union of these supports does not
 * depend on the basis chosen for the null space: it is exactly the set of attributes that take
 * part in some linear dependency, constant attributes included.
 */
final class ScatterInverse {

    /** Upper bound on refinement steps; two or three suffice where κ(R)·ε ≪ 1. */
    static final int MAX_REFINEMENTS = 10;

    /** A null-vector weight above this marks an attribute as part of a dependency. */
    private static final double NULL_WEIGHT = 1e-6;

    /** S by rows, as given: the refinement residuals are taken against it. */
    private final double[][] rows;
    /** D: √Sᵢᵢ, or 1 where Sᵢᵢ = 0. */
    private final double[] scales;
    /** L with R = L Lᵀ, or null when the SVD solves. */
    private final DMatrixRMaj cholesky;
    /** The SVD pseudo-inverse's parts, or null when Cholesky solves. */
    private final PseudoInverse pseudoInverse;
    private final int rank;
    private final double logDeterminant;

    private ScatterInverse(double[][] rows, double[] scales, DMatrixRMaj cholesky,
                           PseudoInverse pseudoInverse, int rank, double logDeterminant) {
        this.rows = rows;
        this.scales = scales;
        this.cholesky = cholesky;
        this.pseudoInverse = pseudoInverse;
        this.rank = rank;
        this.logDeterminant = logDeterminant;
    }

    /** R⁺ = V Σ⁺ Uᵀ over the singular values kept. */
    private record PseudoInverse(DMatrixRMaj u, DMatrixRMaj v, double[] singular, boolean[] kept) {

        double[] apply(double[] rhs) {
            int p = rhs.length;
            double[] result = new double[p];
            for (int k = 0; k < p; k++) {
                if (kept[k]) {
                    double projection = 0;
                    for (int j = 0; j < p; j++) {
                        projection += u.unsafe_get(j, k) * rhs[j];
                    }
                    projection /= singular[k];
                    for (int i = 0; i < p; i++) {
                        result[i] += v.unsafe_get(i, k) * projection;
                    }
                }
            }
            return result;
        }
    }

    /**
     * @param names the attribute of each row, for the error message
     * @throws ModelBuildException when S is singular and the policy forbids the pseudo-inverse
     */
    static ScatterInverse of(DMatrixRMaj symmetric, List<String> names, RankPolicy policy) {
        int p = symmetric.numRows;
        double[] roots = ScatterMatrices.rootDiagonal(symmetric);
        DMatrixRMaj standardised = ScatterMatrices.rescaled(symmetric, roots);
        double[] scales = new double[p];
        double logScales = 0;
        for (int i = 0; i < p; i++) {
            scales[i] = roots[i] == 0 ? 1 : roots[i];
            logScales += roots[i] == 0 ? 0 : 2 * Math.log(roots[i]);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(p, p, true, true, true);
        if (!svd.decompose(standardised.copy())) {
            throw new ModelBuildException("the singular value decomposition of the "
                    + p + " × " + p + " matrix of " + names + " did not converge");
        }
        double[] singular = svd.getSingularValues();
        double largest = 0;
        for (double value : singular) {
            largest = Math.max(largest, value);
        }
        double cutoff = policy.tolerance() * largest;
        boolean[] kept = new boolean[p];
        int rank = 0;
        double logSingular = 0;
        for (int k = 0; k < p; k++) {
            kept[k] = singular[k] > cutoff && singular[k] > 0;
            if (kept[k]) {
                rank++;
                logSingular += Math.log(singular[k]);
            }
        }
        DMatrixRMaj v = svd.getV(null, false);
        if (rank < p && !policy.pseudoInverse()) {
            throw collinear(names, v, kept, rank, policy.tolerance());
        }
        double[][] rows = new double[p][];
        for (int i = 0; i < p; i++) {
            rows[i] = new double[p];
            System.arraycopy(symmetric.data, i * p, rows[i], 0, p);
        }
        if (rank == p) {
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
            if (chol.decompose(standardised.copy())) {
                DMatrixRMaj lower = chol.getT(null);
                double logDiagonal = 0;
                for (int i = 0; i < p; i++) {
                    logDiagonal += 2 * Math.log(lower.unsafe_get(i, i));
                }
                return new ScatterInverse(rows, scales, lower, null, rank,
                        logDiagonal + logScales);
            }
        }
        return new ScatterInverse(rows, scales, null,
                new PseudoInverse(svd.getU(null, false), v, singular, kept), rank,
                logSingular + logScales);
    }

    /** S⁻¹ b, refined; S⁺ b when S is singular. */
    double[] solve(double[] b) {
        return solve(b, MAX_REFINEMENTS);
    }

    /** S⁻¹ b with at most {@code refinements} steps of refinement (none on the SVD path). */
    double[] solve(double[] b, int refinements) {
        double[] x = factoredSolve(b);
        if (cholesky == null) {
            return x;
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step < refinements; step++) {
            double[] correction = factoredSolve(residual(b, x));
            double size = maxAbs(correction);
            if (!(size < previous / 2)) {
                break;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] += correction[i];
            }
            if (size <= Math.ulp(maxAbs(x))) {
                break;
            }
            previous = size;
        }
        return x;
    }

    /** b − S x, each component a {@link CompensatedDot} rounded once. */
    double[] residual(double[] b, double[] x) {
        double[] residual = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            residual[i] = CompensatedDot.residual(b[i], rows[i], x);
        }
        return residual;
    }

    /** vᵀ S⁻¹ v (vᵀ S⁺ v when singular), from a refined solve. */
    double quadraticForm(double[] vector) {
        return CompensatedDot.dot(vector, solve(vector));
    }

    /** (S⁻¹)ⱼⱼ for every j, each from a refined solve of S z = eⱼ. */
    double[] inverseDiagonal() {
        double[] diagonal = new double[dimension()];
        for (int j = 0; j < diagonal.length; j++) {
            diagonal[j] = solve(unit(j))[j];
        }
        return diagonal;
    }

    /**
     * S⁻¹ (or S⁺) itself, column by column from refined solves and symmetrised — for models whose
     * parameters are the precision matrix; solving goes through {@link #solve}.
     */
    DMatrixRMaj inverse() {
        int p = dimension();
        DMatrixRMaj inverse = new DMatrixRMaj(p, p);
        for (int j = 0; j < p; j++) {
            double[] column = solve(unit(j));
            for (int i = 0; i < p; i++) {
                inverse.unsafe_set(i, j, column[i]);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double mean = (inverse.unsafe_get(i, j) + inverse.unsafe_get(j, i)) / 2;
                inverse.unsafe_set(i, j, mean);
                inverse.unsafe_set(j, i, mean);
            }
        }
        return inverse;
    }

    /** The numerical rank r. */
    int rank() {
        return rank;
    }

    int dimension() {
        return rows.length;
    }

    /** Whether S was solved by Cholesky with refinement (full rank), not by the SVD. */
    boolean cholesky() {
        return cholesky != null;
    }

    /** log det S, or for a singular S the log of the product of its r retained singular values
     * (after equilibration) and of the retained scales: the log pseudo-determinant. */
    double logDeterminant() {
        return logDeterminant;
    }

    /** D⁻¹ R⁻¹ D⁻¹ b through the factorisation, unrefined. */
    private double[] factoredSolve(double[] b) {
        int p = b.length;
        double[] scaled = new double[p];
        for (int i = 0; i < p; i++) {
            scaled[i] = b[i] / scales[i];
        }
        double[] solved = cholesky == null ? pseudoInverse.apply(scaled) : choleskySolve(scaled);
        for (int i = 0; i < p; i++) {
            solved[i] /= scales[i];
        }
        return solved;
    }

    /** L Lᵀ y = rhs by forward then back substitution. */
    private double[] choleskySolve(double[] rhs) {
        int p = rhs.length;
        double[] y = rhs.clone();
        for (int i = 0; i < p; i++) {
            double sum = y[i];
            for (int k = 0; k < i; k++) {
                sum -= cholesky.unsafe_get(i, k) * y[k];
            }
            y[i] = sum / cholesky.unsafe_get(i, i);
        }
        for (int i = p - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < p; k++) {
                sum -= cholesky.unsafe_get(k, i) * y[k];
            }
            y[i] = sum / cholesky.unsafe_get(i, i);
        }
        return y;
    }

    private double[] unit(int j) {
        double[] unit = new double[dimension()];
        unit[j] = 1;
        return unit;
    }

    private static double maxAbs(double[] vector) {
        double max = 0;
        for (double value : vector) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
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
