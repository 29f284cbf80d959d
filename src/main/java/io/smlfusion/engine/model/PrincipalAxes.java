package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition M = V Λ Vᵀ of a symmetric matrix (EJML), eigenvalues in decreasing
 * order, each eigenvector's sign fixed so that its largest-magnitude component is positive (so
 * the result does not depend on the solver's sign choice). Used by {@code pcr} and
 * {@code covest eigen_trunc}.
 */
final class PrincipalAxes {

    private final double[] eigenvalues;
    private final DMatrixRMaj vectors;

    private PrincipalAxes(double[] eigenvalues, DMatrixRMaj vectors) {
        this.eigenvalues = eigenvalues;
        this.vectors = vectors;
    }

    static PrincipalAxes of(DMatrixRMaj symmetric) {
        int p = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eigen.decompose(symmetric.copy())) {
            throw new ModelBuildException("the eigen-decomposition of the " + p + " × " + p
                    + " matrix did not converge");
        }
        Integer[] order = IntStream.range(0, p).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(
                (Integer k) -> eigen.getEigenvalue(k).getReal()).reversed());
        double[] values = new double[p];
        DMatrixRMaj vectors = new DMatrixRMaj(p, p);
        for (int c = 0; c < p; c++) {
            int k = order[c];
            values[c] = Math.max(eigen.getEigenvalue(k).getReal(), 0);
            DMatrixRMaj vector = eigen.getEigenVector(k);
            int dominant = 0;
            for (int i = 1; i < p; i++) {
                if (Math.abs(vector.get(i, 0)) > Math.abs(vector.get(dominant, 0))) {
                    dominant = i;
                }
            }
            double sign = vector.get(dominant, 0) < 0 ? -1 : 1;
            for (int i = 0; i < p; i++) {
                vectors.unsafe_set(i, c, sign * vector.get(i, 0));
            }
        }
        return new PrincipalAxes(values, vectors);
    }

    /** λ₁ ≥ λ₂ ≥ … ≥ 0 (negative rounding noise is set to 0). */
    double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Component k's axis vₖ. */
    double[] vector(int k) {
        double[] vector = new double[vectors.numRows];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = vectors.unsafe_get(i, k);
        }
        return vector;
    }

    /**
     * The number of leading components to keep: {@code q} when the option is given (1 … usable),
     * otherwise the fewest whose eigenvalues hold at least {@code explained_variance} (default
     * 0.95) of the total. Components with λₖ ≤ τλ₁ (τ = {@code sml_rcond_tolerance}) are not
     * usable.
     */
    int componentsToKeep(BuildContext context) {
        ModelOptions options = context.options();
        double tolerance = RankPolicy.from(options).tolerance();
        int usable = 0;
        while (usable < eigenvalues.length && eigenvalues[usable] > tolerance * eigenvalues[0]) {
            usable++;
        }
        if (usable == 0) {
            throw context.failure("needs inputs that vary; every input is constant");
        }
        if (options.has("q")) {
            int q = options.wholeNumber("q", 1, 1);
            if (q > usable) {
                throw ModelOptions.invalid("q", options.text("q"), "exceeds the " + usable
                        + " components of non-zero variance");
            }
            return q;
        }
        double threshold = options.number("explained_variance", 0.95, Double.MIN_VALUE, 1);
        double total = Arrays.stream(eigenvalues).sum();
        double cumulative = 0;
        for (int q = 1; q <= usable; q++) {
            cumulative += eigenvalues[q - 1];
            if (cumulative >= threshold * total * (1 - 1e-12)) {
                return q;
            }
        }
        return usable;
    }

    /** The share of the total held by the first q eigenvalues. */
    double explained(int q) {
        double total = Arrays.stream(eigenvalues).sum();
        return Arrays.stream(eigenvalues, 0, q).sum() / total;
    }
}
