package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@code plsq} (SIMPLS) on the union of housing-fed3: with all 13 components it is ordinary least
 * squares; with one component its weights are the standardised cross-products s = X̃ᵀỹ scaled by
 * sᵀs / sᵀCs (the least-squares fit of y on the single score t = X̃s).
 */
class PartialLeastSquaresTest {

    @Test
    void allComponentsIsOrdinaryLeastSquares() {
        double[] ols = Housing.mlr(ModelOptions.none()).coefficients();
        LinearRegressionModel plsq = Housing.build(ModelAlgorithm.PLSQ, ModelOptions.of(Map.of("q", "13")));
        double[] pls = plsq.coefficients();
        for (int j = 0; j < ols.length; j++) {
            assertEquals(ols[j], pls[j], Math.abs(ols[j]) * 1e-8, Housing.INPUTS.get(j));
        }
        assertEquals(Housing.mlr(ModelOptions.none()).intercept(), plsq.intercept(), 1e-8 * 40);
        assertEquals("13", plsq.description().info().get("q"));
    }

    @Test
    void oneComponentRegressesOnTheCrossProductDirection() {
        ScatterMatrices.Standardised problem = ScatterMatrices.standardised(Housing.UNION.total(),
                inputIndexes(), Housing.UNION.schema().indexOf(Housing.TARGET), true);
        double[] s = problem.cross();
        DMatrixRMaj c = problem.gram();
        double factor = ScatterMatrices.dot(s, s) / ScatterMatrices.dot(s, ScatterMatrices.times(c, s));
        double[] expected = problem.unscaled(java.util.Arrays.stream(s).map(v -> v * factor).toArray());
        double[] actual = Housing.build(ModelAlgorithm.PLSQ, ModelOptions.of(Map.of("q", "1"))).coefficients();
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], Math.abs(expected[j]) * 1e-12);
        }
    }

    @Test
    void moreComponentsFitAtLeastAsWell() {
        double previous = Double.POSITIVE_INFINITY;
        for (int q = 1; q <= 13; q++) {
            double rmse = trainingRmse(Housing.build(ModelAlgorithm.PLSQ, ModelOptions.of(Map.of("q", "" + q))));
            assertEquals(true, rmse <= previous * (1 + 1e-12), "q = " + q);
            previous = rmse;
        }
    }

    @Test
    void oneModelPerComponentCountIsNotSupported() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> Housing.build(ModelAlgorithm.PLSQ, ModelOptions.of(Map.of("oneq", "false"))));
        assertEquals("extraParameters.oneq = 'false' is not supported: this server predicts with the "
                + "q-component model only; build one model per q instead", error.getMessage());
    }

    private static double trainingRmse(Model model) {
        double sum = 0;
        int count = 0;
        for (var part : new io.smlfusion.testdata.ReferenceCsv[] {Housing.PART1, Housing.PART2, Housing.PART3}) {
            int target = part.column(Housing.TARGET);
            for (int r = 0; r < part.rows().size(); r++) {
                double error = model.predict(part.values(r, Housing.INPUTS)).number("res") - part.rows().get(r)[target];
                sum += error * error;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    private static int[] inputIndexes() {
        return Housing.INPUTS.stream().mapToInt(Housing.UNION.schema()::indexOf).toArray();
    }
}
