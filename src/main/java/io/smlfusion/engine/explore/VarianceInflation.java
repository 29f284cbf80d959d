package io.smlfusion.engine.explore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code vif}: the variance inflation factor of each input attribute (spec §7.4, §10.2),
 * VIFᵢ = 1/(1 − Rᵢ²) where Rᵢ² is the coefficient of determination of attribute i regressed on the
 * other inputs (Kutner, Nachtsheim, Neter, Li, "Applied Linear Statistical Models", 5th ed.,
 * §10.5). With R the inputs' correlation matrix, VIFᵢ = (R⁻¹)ᵢᵢ when R is regular; when R is
 * singular (its reciprocal condition number is below the tolerance — extra parameter
 * {@value SingularValues#TOLERANCE_KEY}, else the server's default), Rᵢ² = rᵢᵀR₋ᵢ⁺rᵢ with the
 * pseudo-inverse of the others' correlations, so an attribute that is a linear combination of
 * others gets +∞ and the others keep their finite value.
 */
public final class VarianceInflation {

    private VarianceInflation() {
    }

    /**
     * @return input index (as text) → VIF, in input order
     * @throws ExploreException for fewer than 2 inputs or a constant input
     */
    public static Map<String, Double> compute(ProjectStatistics statistics, MLContext context,
                                              double defaultTolerance) {
        Selection selection = new Selection("vif", statistics, context);
        double tolerance = selection.number(SingularValues.TOLERANCE_KEY, defaultTolerance);
        int[] inputs = selection.inputs();
        if (inputs.length < 2) {
            throw selection.expected("inputAttributes of >= 2 attributes");
        }
        MomentSums sums = selection.sums();
        for (int input : inputs) {
            if (!(sums.variance(input) > 0)) {
                throw new ExploreException("vif: attribute '" + selection.name(input) + "' (" + input
                        + ") is constant, so its correlation with the others is undefined");
            }
        }
        DMatrixRMaj correlation = AttributeMatrices.correlation(sums, inputs);
        double[] vif = SingularOps_DDRM.ratioSmallestOverLargest(SingularOps_DDRM.singularValues(correlation.copy()))
                >= tolerance ? inverseDiagonal(correlation) : regressions(correlation, tolerance);
        Map<String, Double> result = new LinkedHashMap<>();
        for (int k = 0; k < inputs.length; k++) {
            result.put(String.valueOf(inputs[k]), vif[k]);
        }
        return result;
    }

    private static double[] inverseDiagonal(DMatrixRMaj correlation) {
        DMatrixRMaj inverse = new DMatrixRMaj(correlation.numRows, correlation.numCols);
        CommonOps_DDRM.invert(correlation, inverse);
        return IntStream.range(0, inverse.numRows).mapToDouble(k -> inverse.get(k, k)).toArray();
    }

    private static double[] regressions(DMatrixRMaj correlation, double tolerance) {
        int p = correlation.numRows;
        double[] vif = new double[p];
        for (int i = 0; i < p; i++) {
            int attribute = i;
            int[] others = IntStream.range(0, p).filter(k -> k != attribute).toArray();
            DMatrixRMaj pseudoInverse = new DMatrixRMaj(others.length, others.length);
            CommonOps_DDRM.pinv(AttributeMatrices.restricted(correlation, others), pseudoInverse);
            double[] r = Arrays.stream(others).mapToDouble(k -> correlation.get(k, attribute)).toArray();
            double determination = 0;
            for (int a = 0; a < r.length; a++) {
                for (int b = 0; b < r.length; b++) {
                    determination += r[a] * pseudoInverse.get(a, b) * r[b];
                }
            }
            double unexplained = 1 - determination;
            vif[i] = unexplained < tolerance ? Double.POSITIVE_INFINITY : 1 / unexplained;
        }
        return vif;
    }
}
