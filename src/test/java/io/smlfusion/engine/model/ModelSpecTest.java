package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/** Algorithm ids, specs and the precise messages of builds that cannot be done. */
class ModelSpecTest {

    private static final String SUPPORTED =
            "lda, mlda, mqda, mlr, ridge, lasso, elasticnet, pcr, bayes, covest, plsq, oospca, hba, ecod";

    @Test
    void supportedAlgorithmsAreTheAdditiveOnes() {
        assertEquals(SUPPORTED, String.join(", ",
                ModelAlgorithm.supported().stream().map(ModelAlgorithm::id).toList()));
    }

    @Test
    void unknownAlgorithmListsTheSupportedOnes() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelAlgorithm.forId("glm"));
        assertEquals("unknown algo 'glm'; supported: " + SUPPORTED, error.getMessage());
    }

    @Test
    void nonAdditiveAlgorithmIsRecognisedButRefused() {
        for (String id : List.of("rf_classifier", "lr", "kmeans", "km", "evt")) {
            ModelAlgorithm algorithm = ModelAlgorithm.forId(id);
            assertFalse(algorithm.isSupported(), id);
            ModelBuildException error = assertThrows(ModelBuildException.class,
                    algorithm::requireSupported);
            assertEquals("algo '" + id + "' is not supported: its state is not part of the "
                    + "additive project statistics; supported: " + SUPPORTED, error.getMessage());
        }
        assertTrue(ModelAlgorithm.forId("mlr").isSupported());
    }

    @Test
    void targetAmongInputsIsRefused() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> new ModelSpec(ModelAlgorithm.MLR, List.of("MEDV"), List.of("RM", "MEDV"),
                        ModelOptions.none()));
        assertEquals("target 'MEDV' is also an input; a model cannot predict an attribute from "
                + "itself", error.getMessage());
    }

    @Test
    void unknownAttributeIsNamed() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(Housing.UNION, new ModelSpec(ModelAlgorithm.MLR,
                        List.of("MEDV"), List.of("RM", "rooms"), ModelOptions.none())));
        assertEquals("input attribute 'rooms' is unknown to this project", error.getMessage());
    }

    @Test
    void nonBinaryTargetIsRefusedForLdaAndBayes() {
        for (ModelAlgorithm algorithm : List.of(ModelAlgorithm.LDA, ModelAlgorithm.BAYES)) {
            ModelBuildException error = assertThrows(ModelBuildException.class,
                    () -> Housing.build(algorithm, ModelOptions.none()));
            assertEquals(algorithm.id() + " needs a binary target (type B, or only the values 0 "
                    + "and 1); 'MEDV' is type C with values other than 0 and 1",
                    error.getMessage());
        }
    }

    @Test
    void continuousTargetHoldingOnlyZeroAndOneIsBinary() {
        List<AttributeType> types = ReferenceCsv.continuous(Bank.PART1.names().size());
        ProjectStatistics untyped = ReferenceCsv.learn(types, Bank.PART1, Bank.PART2);
        Model model = ModelBuilder.build(untyped, new ModelSpec(ModelAlgorithm.BAYES,
                List.of("target"), List.of("age", "duration"), ModelOptions.none()));
        assertEquals(List.of("res", "Prob"), model.description().predictInfo());
    }

    @Test
    void tooFewRowsNameTheCounts() {
        ProjectStatistics five = new ProjectStatistics(false, false);
        List<String> names = Housing.PART1.names();
        double[] values = new double[5 * names.size()];
        for (int r = 0; r < 5; r++) {
            System.arraycopy(Housing.PART1.rows().get(r), 0, values, r * names.size(),
                    names.size());
        }
        five.learn(new DataBlock(names, Housing.TYPES, values, 5));
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(five, Housing.spec(ModelAlgorithm.MLR,
                        ModelOptions.none())));
        assertEquals("mlr needs more than 14 rows (more than inputs + 1 for the intercept and the "
                + "residual variance); the project has 5 rows for 13 inputs", error.getMessage());
    }

    @Test
    void collinearRegressionInputsAreNamedWithoutPseudoInverse() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(Bank.UNION, new ModelSpec(ModelAlgorithm.MLR,
                        List.of("duration"), List.of("age", "housing_no", "housing_yes",
                                "loan_no"), ModelOptions.of(Map.of("matrix_use_pseudoinv",
                                "false")))));
        assertTrue(error.getMessage().contains("rank 3 of 4")
                && error.getMessage().contains("dependency: housing_no, housing_yes. "),
                error.getMessage());
    }

    @Test
    void constantInputGetsAZeroCoefficientOrIsNamed() {
        List<String> names = new ArrayList<>(Housing.PART3.names());
        names.add("ONE");
        double[] values = new double[Housing.PART3.rows().size() * names.size()];
        for (int r = 0; r < Housing.PART3.rows().size(); r++) {
            System.arraycopy(Housing.PART3.rows().get(r), 0, values, r * names.size(),
                    names.size() - 1);
            values[(r + 1) * names.size() - 1] = 1;
        }
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        statistics.learn(new DataBlock(names, ReferenceCsv.continuous(names.size()), values,
                Housing.PART3.rows().size()));
        List<String> inputs = List.of("RM", "ONE", "LSTAT");
        LinearRegressionModel model = (LinearRegressionModel) ModelBuilder.build(statistics,
                new ModelSpec(ModelAlgorithm.MLR, List.of("MEDV"), inputs, ModelOptions.none()));
        assertEquals(0.0, model.coefficients()[1]);
        assertTrue(Double.isFinite(model.coefficients()[0]) && Double.isFinite(model.intercept()));
        assertEquals("2", model.description().info().get("rank"));
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.MLR,
                        List.of("MEDV"), inputs, ModelOptions.of(
                                Map.of("matrix_use_pseudoinv", "false")))));
        assertTrue(error.getMessage().contains("rank 2 of 3")
                && error.getMessage().contains("dependency: ONE. "), error.getMessage());
    }

    @Test
    void negativeLambdaIsRefused() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> Housing.build(ModelAlgorithm.RIDGE, ModelOptions.of(Map.of("lambda", "-1"))));
        assertEquals("extraParameters.lambda = '-1' is less than 0.0", error.getMessage());
    }

    @Test
    void badOptionValueNamesTheKey() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> Housing.build(ModelAlgorithm.LASSO, ModelOptions.of(
                        Map.of("lambda", "much"))));
        assertEquals("extraParameters.lambda = 'much' is not a finite number",
                error.getMessage());
    }

    @Test
    void predictionRowIsChecked() {
        Model model = Housing.mlr(ModelOptions.none());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.predict(new double[3]));
        assertTrue(error.getMessage().startsWith("a row for this model holds 13 values (CRIM, ZN"));
        double[] row = model.inputMeans();
        row[5] = Double.NaN;
        error = assertThrows(IllegalArgumentException.class, () -> model.predict(row));
        assertEquals("input 'RM': NaN is not a finite number", error.getMessage());
    }
}
