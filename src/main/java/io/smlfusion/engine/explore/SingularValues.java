package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Rank revealing on the correlation matrix R of the inputs (spec §7.4, §10.2; a constant input
 * has a zero row and column in R):
 * <ul>
 * <li>{@code exploresvd}: the singular values σ₁ ≥ … ≥ σ_p of R, each paired with the attribute
 *     that dominates its right singular vector (largest |vᵢₖ| among the attributes not yet
 *     paired); small singular values point at the attributes that are (nearly) linear
 *     combinations of others. Answered as singular value (text) → attribute name; attributes
 *     whose singular values print the same share the key, their names joined by commas;</li>
 * <li>{@code exploresvdfs}: feature selection — the inputs in the order given, each kept when R
 *     restricted to the kept attributes and it stays well conditioned, σ_min/σ_max ≥
 *     the tolerance — extra parameter {@value #TOLERANCE_KEY}, else the server's default; answered
 *     as input index (text) → attribute name.</li>
 * </ul>
 */
public final class SingularValues {

    /** The MLContext parameter that overrides the server's reciprocal-condition tolerance. */
    public static final String TOLERANCE_KEY = "sml_rcond_tolerance";

    private SingularValues() {
    }

    public static Map<String, String> ranked(ProjectStatistics statistics, MLContext context, ExploreFormat format) {
        Selection selection = new Selection("exploresvd", statistics, context);
        int[] inputs = requireInputs(selection);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(inputs.length, inputs.length,
                false, true, false);
        if (!svd.decompose(AttributeMatrices.correlation(selection.sums(), inputs))) {
            throw new IllegalStateException("the singular value decomposition did not converge");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(null, false, w, v, false);
        boolean[] paired = new boolean[inputs.length];
        Map<String, String> result = new LinkedHashMap<>();
        for (int k = 0; k < inputs.length; k++) {
            int column = k;
            int dominant = IntStream.range(0, inputs.length).filter(i -> !paired[i])
                    .reduce((a, b) -> Math.abs(v.get(b, column)) > Math.abs(v.get(a, column)) ? b : a).orElseThrow();
            paired[dominant] = true;
            result.merge(format.text(w.get(k, k)), selection.name(inputs[dominant]), (a, b) -> a + "," + b);
        }
        return result;
    }

    public static Map<String, String> selected(ProjectStatistics statistics, MLContext context,
                                               double defaultTolerance) {
        Selection selection = new Selection("exploresvdfs", statistics, context);
        int[] inputs = requireInputs(selection);
        double tolerance = selection.number(TOLERANCE_KEY, defaultTolerance);
        DMatrixRMaj correlation = AttributeMatrices.correlation(selection.sums(), inputs);
        int[] kept = new int[0];
        Map<String, String> result = new LinkedHashMap<>();
        for (int k = 0; k < inputs.length; k++) {
            int[] candidate = IntStream.concat(IntStream.of(kept), IntStream.of(k)).toArray();
            double[] singular = SingularOps_DDRM.singularValues(AttributeMatrices.restricted(correlation, candidate));
            if (SingularOps_DDRM.ratioSmallestOverLargest(singular) >= tolerance) {
                kept = candidate;
                result.put(String.valueOf(inputs[k]), selection.name(inputs[k]));
            }
        }
        return result;
    }

    private static int[] requireInputs(Selection selection) {
        int[] inputs = selection.inputs();
        if (inputs.length == 0) {
            throw selection.expected("inputAttributes of >= 1 attribute");
        }
        return inputs;
    }
}
