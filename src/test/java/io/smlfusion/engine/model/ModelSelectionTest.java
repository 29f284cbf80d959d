package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/** Model selection (spec §8.3) on the reference data: bank (binary, AUC) and housing (regression, RMSE, AICc). */
class ModelSelectionTest {

    private static final SelectionLimits LIMITS = new SelectionLimits(2, 5000, 4096, 600_000);

    @Test
    void bankAutoSelectOnTheTestFilePicksItsBestCandidateAndBeatsLdaOnAllInputs() {
        ModelOptions options = ModelOptions.of(Map.of("selector_type", "selector_type_fw_bw",
                "selector_max_iterations", "5", "autoselect_thread_pool_size", "4", "sml_model_assessment_type", "auc"));
        SelectionOutcome outcome = select(Bank.UNION, SelectionTask.BINARY_CLASSIFIER, Bank.TARGET, Bank.INPUTS, options,
                validation(Bank.TEST, Bank.INPUTS, Bank.TARGET));

        double best = outcome.candidates().stream().mapToDouble(SelectionCandidate::score).filter(s -> !Double.isNaN(s))
                .max().orElseThrow();
        assertEquals(best, outcome.best().score());
        String scoreKey = outcome.model().description().scoreInfo().get(0);
        assertEquals(best, Bank.testAuc(outcome.model(), scoreKey), 1e-12, "the winner's AUC recomputed on bank_test");
        double ldaOnAll = Bank.testAuc(Bank.build(ModelAlgorithm.LDA, ModelOptions.none()), "normZ");
        assertTrue(best >= ldaOnAll, best + " >= " + ldaOnAll);
        assertTrue(outcome.best().inputs().size() < Bank.INPUTS.size(), "a subset: " + outcome.best().inputs());
        assertEquals(Set.of(ModelAlgorithm.LDA, ModelAlgorithm.BAYES), outcome.candidates().stream()
                .map(SelectionCandidate::algorithm).collect(Collectors.toSet()));
        SelectionCandidate first = outcome.candidates().get(0);
        assertEquals(Bank.INPUTS, first.inputs(), "the search starts from every input");
        assertEquals(ldaOnAll, first.score(), 1e-12);
        assertTrue(outcome.criterion().startsWith("auc on 10000 validation rows"), outcome.criterion());
    }

    @Test
    void housingRegressionOnTheTestFilePicksTheLowestRmseAndBeatsMlrOnAllInputs() {
        SelectionOutcome outcome = select(Housing.UNION, SelectionTask.REGRESSION, Housing.TARGET, Housing.INPUTS,
                ModelOptions.of(Map.of("autoselect_grid_type", "autoselect_grid_type_small")),
                validation(Housing.TEST, Housing.INPUTS, Housing.TARGET));

        double best = outcome.candidates().stream().mapToDouble(SelectionCandidate::score).filter(s -> !Double.isNaN(s))
                .min().orElseThrow();
        assertEquals(best, outcome.best().score());
        assertEquals(best, Housing.testRmse(outcome.model()), 1e-12, "the winner's RMSE recomputed on housing_test");
        assertTrue(best <= Housing.testRmse(Housing.mlr(ModelOptions.none())));
        assertEquals(Assessment.RMSE, outcome.assessment());
        long gridPoints = outcome.candidates().stream().filter(c -> c.algorithm() == ModelAlgorithm.ELASTICNET)
                .filter(c -> c.parameters().containsKey("lambda") && c.parameters().containsKey("eta"))
                .map(SelectionCandidate::parameters).distinct().count();
        assertEquals(5 * 3, gridPoints, "small grid: 5 lambdas x 3 etas");
    }

    @Test
    void withoutAValidationFrameRegressionsAreScoredByTheAiccOfTheirFit() {
        SelectionOutcome outcome = select(Housing.UNION, SelectionTask.REGRESSION, Housing.TARGET, Housing.INPUTS,
                ModelOptions.none(), null);

        assertEquals(Assessment.AICC, outcome.assessment());
        assertTrue(outcome.criterion().startsWith("aicc of the least-squares fit"), outcome.criterion());
        Map<String, String> info = Housing.mlr(ModelOptions.none()).description().info();
        double n = 406;
        double k = 13 + 1;
        double sse = Double.parseDouble(info.get("sse"));
        double aicc = n * Math.log(sse / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1);
        SelectionCandidate allInputs = outcome.candidates().get(0);
        assertEquals(ModelAlgorithm.MLR, allInputs.algorithm());
        assertEquals(aicc, allInputs.score(), 1e-9 * Math.abs(aicc));
        assertTrue(outcome.best().score() <= aicc);
        assertTrue(outcome.best().inputs().size() < 13, "AICc drops the inputs statsmodels finds insignificant: "
                + outcome.best().inputs());
        assertTrue(!outcome.best().inputs().contains("AGE") && !outcome.best().inputs().contains("INDUS"),
                outcome.best().inputs().toString());
    }

    @Test
    void withoutAValidationFrameLdaIsScoredByBicAndBayesIsLeftOutWithTheReason() {
        SelectionOutcome outcome = select(Bank.UNION, SelectionTask.BINARY_CLASSIFIER, Bank.TARGET,
                Bank.INPUTS.subList(0, 8), ModelOptions.of(Map.of("selector_type", "selector_type_simple")), null);

        assertEquals(Assessment.BIC, outcome.assessment());
        assertTrue(outcome.candidates().stream().allMatch(c -> c.algorithm() == ModelAlgorithm.LDA));
        assertTrue(outcome.notes().get(0).startsWith("bayes left out"), outcome.notes().toString());
        assertTrue(outcome.model() instanceof LinearDiscriminantModel);
    }

    @Test
    void multiclassSelectionOnIrisScoresTheDiscriminantsByTheirClassPredictions() {
        ReferenceCsv iris = DiscriminantScoresTest.IRIS;
        ValidationRows species = new ValidationRows(DiscriminantScoresTest.INPUTS, iris.rows().stream()
                .map(row -> iris.values(iris.rows().indexOf(row), DiscriminantScoresTest.INPUTS)).toArray(double[][]::new),
                iris.rows().stream().map(row -> DiscriminantScoresTest.SPECIES.stream()
                        .filter(name -> row[iris.column("Iris_" + name)] == 1).findFirst().orElseThrow())
                        .toArray(String[]::new));
        SelectionOutcome outcome = select(DiscriminantScoresTest.partitionedIris(), SelectionTask.MULTICLASS_CLASSIFIER,
                "Iris_setosa", DiscriminantScoresTest.INPUTS, ModelOptions.of(Map.of("sml_model_assessment_type",
                        "accuracy")), species);

        SelectionCandidate mldaOnAll = outcome.candidates().get(0);
        assertEquals(ModelAlgorithm.MLDA, mldaOnAll.algorithm());
        assertEquals(147 / 150.0, mldaOnAll.score(), 1e-12, "scikit-learn's LDA misclassifies 3 iris rows");
        assertTrue(outcome.best().score() >= mldaOnAll.score());
        assertTrue(outcome.candidates().stream().anyMatch(c -> c.algorithm() == ModelAlgorithm.MQDA));
    }

    @Test
    void bruteForceTriesEverySubsetAndIsBoundedByTheServer() {
        List<String> four = Housing.INPUTS.subList(0, 4);
        ModelOptions brute = ModelOptions.of(Map.of("selector_type", "selector_type_brute"));
        SelectionOutcome outcome = select(Housing.UNION, SelectionTask.REGRESSION, Housing.TARGET, four, brute, null,
                List.of(ModelAlgorithm.MLR), LIMITS);
        assertEquals(15, outcome.candidates().stream().map(SelectionCandidate::inputs).distinct().count());
        double lowest = outcome.candidates().stream().mapToDouble(SelectionCandidate::score).min().orElseThrow();
        assertEquals(lowest, outcome.best().score());

        ModelBuildException refused = assertThrows(ModelBuildException.class, () -> select(Housing.UNION,
                SelectionTask.REGRESSION, Housing.TARGET, Housing.INPUTS, brute, null, List.of(ModelAlgorithm.MLR),
                LIMITS));
        assertEquals("selector_type_brute would try 2^13 - 1 input subsets; this server tries at most 4096 "
                + "(smlfusion.selection.brute.max.subsets): use selector_type_fw_bw, or fewer inputs", refused.getMessage());
    }

    @Test
    void randomSubsetsFollowTheSeed() {
        Map<String, String> random = new HashMap<>(Map.of("selector_type", "selector_type_iteration",
                "selector_max_iterations", "12", "rnd_seed", "7"));
        List<List<String>> first = subsets(random);
        assertEquals(first, subsets(random));
        random.put("rnd_seed", "8");
        assertNotEquals(first, subsets(random));
    }

    @Test
    void theCandidateLimitStopsTheSearchAndKeepsItsBest() {
        SelectionOutcome outcome = select(Housing.UNION, SelectionTask.REGRESSION, Housing.TARGET, Housing.INPUTS,
                ModelOptions.none(), null, List.of(ModelAlgorithm.MLR), new SelectionLimits(2, 10, 4096, 600_000));
        assertEquals(10, outcome.candidates().size());
        assertTrue(outcome.notes().get(0).startsWith("search stopped after 10 candidates"), outcome.notes().toString());
    }

    @Test
    void parametersAreCheckedAgainstTheTask() {
        assertEquals(SelectionTask.BINARY_CLASSIFIER, SelectionTask.forWireName("binary_classification"));
        assertEquals("sml_model_assessment_type auc needs a validation frame: send {\"dataframe\":DataFrame,"
                + "\"mlcontext\":MLContext}, or use aicc or bic, which need none",
                assertThrows(ModelBuildException.class, () -> Assessment.resolve("auc", SelectionTask.BINARY_CLASSIFIER,
                        false)).getMessage());
        assertEquals("extraParameters.sml_model_assessment_type = 'rmse' does not assess a binary_classifier; use auc, "
                + "accuracy, recall, precision, f1, mcc, aicc, bic", assertThrows(ModelBuildException.class,
                () -> Assessment.resolve("rmse", SelectionTask.BINARY_CLASSIFIER, true)).getMessage());
        assertThrows(ModelBuildException.class, () -> SelectionSettings.of(ModelOptions.of(Map.of("selector_type",
                "selector_type_genetic")), SelectionTask.REGRESSION, true, LIMITS));
        assertEquals(2, SelectionSettings.of(ModelOptions.of(Map.of("autoselect_thread_pool_size", "64")),
                SelectionTask.REGRESSION, true, LIMITS).threads(), "bounded by the server");
        assertThrows(ModelBuildException.class, () -> SelectionTask.MULTICLASS_CLASSIFIER.defaultAssessment(false));
    }

    private static List<List<String>> subsets(Map<String, String> options) {
        return select(Housing.UNION, SelectionTask.REGRESSION, Housing.TARGET, Housing.INPUTS, ModelOptions.of(options),
                null, List.of(ModelAlgorithm.MLR), LIMITS).candidates().stream().map(SelectionCandidate::inputs).toList();
    }

    static ValidationRows validation(ReferenceCsv csv, List<String> inputs, String target) {
        double[][] rows = new double[csv.rows().size()][];
        String[] truth = new String[rows.length];
        int targetColumn = csv.column(target);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = csv.values(r, inputs);
            truth[r] = Double.toString(csv.rows().get(r)[targetColumn]);
        }
        return new ValidationRows(inputs, rows, truth);
    }

    private static SelectionOutcome select(ProjectStatistics statistics, SelectionTask task, String target,
                                           List<String> inputs, ModelOptions options, ValidationRows validation) {
        return select(statistics, task, target, inputs, options, validation, task.algorithms(), LIMITS);
    }

    private static SelectionOutcome select(ProjectStatistics statistics, SelectionTask task, String target,
                                           List<String> inputs, ModelOptions options, ValidationRows validation,
                                           List<ModelAlgorithm> algorithms, SelectionLimits limits) {
        SelectionSettings settings = SelectionSettings.of(options, task, validation != null, limits);
        return ModelSelection.select(statistics, new ModelSelection.Request(task, algorithms, target, inputs, options,
                settings, validation));
    }
}
