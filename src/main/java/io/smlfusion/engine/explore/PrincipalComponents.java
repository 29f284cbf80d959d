package io.smlfusion.engine.explore;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code explorepca}: principal components of the inputs (spec §7.4, §10.2) — the eigen-
 * decomposition of their population covariance matrix (divide by n, as {@code covar}; Jolliffe,
 * "Principal Component Analysis", 2nd ed., §1.1). Components come in decreasing eigenvalue order;
 * the first k are kept, k the smallest number whose eigenvalues explain at least
 * {@code explainedCovariance} of the total, and at most {@code pcaNumDimension} (default and
 * hard maximum {@value #MAX_DIMENSIONS}). Each eigenvector has unit length and its
 * largest-magnitude entry positive, so the answer is deterministic. Eigenvalues that rounding
 * makes slightly negative are 0.
 *
 * @param attributes the input names, in input order
 * @param eigenvalues the kept eigenvalues λ₁ ≥ … ≥ λ_k
 * @param vectors the kept eigenvectors, vectors[c] belonging to eigenvalues[c]
 * @param totalVariance Σ of every eigenvalue, the trace of the covariance matrix
 */
public record PrincipalComponents(List<String> attributes, double[] eigenvalues, double[][] vectors,
                                  double totalVariance) {

    public static final int MAX_DIMENSIONS = 100;
    public static final String DIMENSIONS_KEY = "pcaNumDimension";

    /**
     * @param explainedCovariance the share of the total variance to explain, in (0, 1]
     * @throws ExploreException for no inputs, a share outside (0, 1] or a bad pcaNumDimension
     */
    public static PrincipalComponents of(ProjectStatistics statistics, MLContext context, double explainedCovariance) {
        Selection selection = new Selection("explorepca", statistics, context);
        if (!(explainedCovariance > 0 && explainedCovariance <= 1)) {
            throw new ExploreException("explorepca: explainedCovariance must be in (0, 1], not " + explainedCovariance);
        }
        int limit = selection.parameter(DIMENSIONS_KEY) == null ? MAX_DIMENSIONS
                : selection.wholeNumber(DIMENSIONS_KEY, 1, "the number of components, at most " + MAX_DIMENSIONS);
        if (limit > MAX_DIMENSIONS) {
            throw new ExploreException("extraParameters." + DIMENSIONS_KEY + " = " + limit + " exceeds the maximum of "
                    + MAX_DIMENSIONS);
        }
        int[] inputs = selection.inputs();
        if (inputs.length == 0) {
            throw selection.expected("inputAttributes of >= 1 attribute");
        }
        int p = inputs.length;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eigen.decompose(AttributeMatrices.covariance(selection.sums(), inputs))) {
            throw new IllegalStateException("the eigen-decomposition did not converge");
        }
        Integer[] order = IntStream.range(0, p).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> eigen.getEigenvalue(k).real).reversed());
        double[] values = Arrays.stream(order).mapToDouble(k -> Math.max(0, eigen.getEigenvalue(k).real)).toArray();
        double total = Arrays.stream(values).sum();
        int kept = Math.min(limit, p);
        double explained = 0;
        for (int c = 0; c < kept; c++) {
            explained += values[c];
            if (explained >= explainedCovariance * total) {
                kept = c + 1;
                break;
            }
        }
        double[][] vectors = new double[kept][];
        for (int c = 0; c < kept; c++) {
            vectors[c] = oriented(eigen.getEigenVector(order[c]));
        }
        List<String> names = Arrays.stream(inputs).mapToObj(selection::name).toList();
        return new PrincipalComponents(names, Arrays.copyOf(values, kept), vectors, total);
    }

    /** The vector scaled to unit length, its largest-magnitude entry positive. */
    private static double[] oriented(DMatrixRMaj vector) {
        double[] entries = vector.getData().clone();
        double norm = Math.sqrt(Arrays.stream(entries).map(e -> e * e).sum());
        int largest = IntStream.range(0, entries.length)
                .reduce((a, b) -> Math.abs(entries[b]) > Math.abs(entries[a]) ? b : a).orElseThrow();
        double scale = (entries[largest] < 0 ? -1 : 1) / norm;
        return Arrays.stream(entries).map(e -> e * scale).toArray();
    }
}
