package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.BANK;
import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static io.smlfusion.it.ModelIT.assertRefused;
import static io.smlfusion.it.ModelIT.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * Model selection (spec §8.3) over HTTP: {@code autoSelect} as the vendor's client sends it (a
 * validation frame typed all {@code C}, {@code errorHandling:1}) on a fusion of the three bank
 * cells, {@code reduce} there, and {@code selectModel} / criterion-only {@code autoSelect} on a
 * housing cell. The chosen model is checked by predicting the test file through the API.
 */
class ModelSelectionIT {

    private static final String BANK_TEST = "bank-fed3/bank_test.csv";
    private static final String HOUSING_TEST = "housing-fed3/housing_test.csv";
    private static final List<String> BANK_INPUTS = ModelCalls.inputsOf(BANK[0], "target");
    private static final List<String> HOUSING_INPUTS = ModelCalls.inputsOf(HOUSING[0], "MEDV");
    private static final Map<String, String> VENDOR_PARAMS = Map.of("autoselect_grid_type", "autoselect_grid_type_normal",
            "selector_type", "selector_type_fw_bw", "selector_max_iterations", "5", "autoselect_thread_pool_size", "4",
            "sml_model_assessment_type", "auc");

    /** The machine running the ITs may be busy: a selection of ~1000 candidates on 10000 rows takes seconds alone. */
    private static final long SELECTION_TIMEOUT_MS = 600_000;

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "ms" + System.nanoTime();

    @Test
    void autoSelectOnABankFusionPicksItsBestValidationAucAndReduceShrinksLda() {
        for (int k = 0; k < 3; k++) {
            owner.cellProject(run + "-c" + k, BANK[k]);
        }
        String fusion = run + "-f";
        Reply created = owner.create(fusion, false, List.of(owner.cell(run + "-c0"), owner.cell(run + "-c1"),
                owner.cell(run + "-c2")));
        assertEquals(201, created.status(), created::toString);

        String body = "{\"dataframe\":" + vendorFrame(BANK_TEST) + ",\"mlcontext\":"
                + mlContext("target", BANK_INPUTS, VENDOR_PARAMS) + "}";
        JsonObject details = finishedDetails(client.post("projects/" + fusion
                + "/autoSelect?task=binary_classifier&modelid=as1", body));
        assertEquals("auc", details.getString("sml_model_assessment_type"));
        assertTrue(details.getString("criterion").startsWith("auc on 10000 validation rows"), details::toString);
        List<JsonObject> candidates = details.getJsonArray("candidates").getValuesAs(JsonObject.class);
        assertEquals(candidates.size(), details.getInt("candidateCount"));
        double best = candidates.stream().filter(c -> c.get("score") instanceof JsonNumber)
                .mapToDouble(c -> c.getJsonNumber("score").doubleValue()).max().orElseThrow();
        JsonObject selected = details.getJsonObject("selected");
        assertEquals(best, selected.getJsonNumber("score").doubleValue());
        assertEquals(List.of("bayes", "lda"), candidates.stream().map(c -> c.getString("algo")).distinct().sorted().toList());

        JsonObject info = models.info(fusion, "as1");
        assertEquals(selected.getString("algo"), info.getString("modelType"));
        assertEquals(strings(selected.getJsonArray("inputs")), strings(info.getJsonArray("attributeNames")));
        assertEquals("autoSelect binary_classifier", info.getJsonObject("info").getString("selected_by"));
        String scoreKey = info.getJsonArray("scoreInfo").getString(0);
        double[] truth = ModelCalls.column(BANK_TEST, "target");
        double chosenAuc = ModelCalls.auc(models.scores(fusion, "as1", BANK_TEST, scoreKey, 2000), truth);
        assertEquals(best, chosenAuc, 1e-9, "the stored model's AUC on bank_test, predicted through the API");

        models.built(fusion, "ldaAll", "lda", mlContext("target", BANK_INPUTS, Map.of()));
        double ldaAuc = ModelCalls.auc(models.scores(fusion, "ldaAll", BANK_TEST, "normZ", 2000), truth);
        assertTrue(chosenAuc >= ldaAuc, chosenAuc + " >= LDA on all inputs " + ldaAuc);

        Reply reduce = client.post("projects/" + fusion + "/reduce?heuristic=default&modelid=r1&algo=lda&delta=0.01",
                mlContext("target", BANK_INPUTS, Map.of()));
        Reply reduced = models.job(reduce, "Reduce Job Created", SELECTION_TIMEOUT_MS);
        assertEquals(200, reduced.status(), reduced::toString);
        JsonObject reducedInfo = models.info(fusion, "r1");
        assertTrue(reducedInfo.getJsonArray("attributeNames").size() < BANK_INPUTS.size(), reducedInfo::toString);
        assertFalse(reducedInfo.getJsonObject("info").getString("reduce_removed").isEmpty());
        double reducedAuc = ModelCalls.auc(models.scores(fusion, "r1", BANK_TEST, "normZ", 2000), truth);
        assertTrue(reducedAuc > ldaAuc - 0.01, reducedAuc + " vs " + ldaAuc);

        assertRefused(400, "Data sources are not supported by this server: send rows to projects/{pid}/learn as DataFrames",
                client.post("projects/" + run + "-c0"
                + "/autoSelect/ds1?task=regression&modelid=x", body));
    }

    @Test
    void selectModelWithAValidationFrameAndAutoSelectByAiccOnAHousingCell() {
        String pid = run + "-h";
        owner.cellProject(pid, HOUSING);
        String body = "{\"dataframe\":" + vendorFrame(HOUSING_TEST) + ",\"mlcontext\":"
                + mlContext("MEDV", HOUSING_INPUTS, Map.of("selector_type", "selector_type_simple")) + "}";
        JsonObject details = finishedDetails(client.post("projects/" + pid + "/selectModel?algo=mlr&modelid=s1", body));
        assertEquals("rmse", details.getString("sml_model_assessment_type"));
        double rmse = details.getJsonObject("selected").getJsonNumber("score").doubleValue();
        double predicted = ModelCalls.rmse(models.scores(pid, "s1", HOUSING_TEST, "res", 100),
                ModelCalls.column(HOUSING_TEST, "MEDV"));
        assertEquals(rmse, predicted, 1e-9 * rmse);
        assertTrue(rmse <= ModelCalls.expected("RMSE on housing_test.csv"), rmse + " vs mlr on every input");

        JsonObject byCriterion = finishedDetails(client.post("projects/" + pid + "/autoSelect?task=regression&modelid=a1",
                mlContext("MEDV", HOUSING_INPUTS, Map.of())));
        assertEquals("aicc", byCriterion.getString("sml_model_assessment_type"));
        assertTrue(byCriterion.getString("criterion").contains("statistics alone"), byCriterion::toString);
        assertEquals(200, client.get("projects/" + pid + "/models/a1/code?language=java").status());
        assertEquals(200, client.delete("projects/" + pid + "/models/a1").status());

        assertRefused(400, "task 'ranking' is unknown; use binary_classifier (or binary_classification), regression or "
                + "multiclass_classifier", client.post("projects/" + pid + "/autoSelect?task=ranking&modelid=a2",
                mlContext("MEDV", HOUSING_INPUTS, Map.of())));
        assertRefused(400, "selector_type_brute would try 2^13 - 1 input subsets; this server tries at most 4096 "
                + "(smlfusion.selection.brute.max.subsets): use selector_type_fw_bw, or fewer inputs",
                client.post("projects/" + pid + "/selectModel?algo=mlr&modelid=a2", mlContext("MEDV", HOUSING_INPUTS,
                        Map.of("selector_type", "selector_type_brute"))));
        assertRefused(400, "sml_model_assessment_type auc needs a validation frame: send {\"dataframe\":DataFrame,"
                + "\"mlcontext\":MLContext}, or use aicc or bic, which need none", client.post("projects/" + pid
                + "/autoSelect?task=binary_classification&modelid=a2", mlContext("CHAS", List.of("CRIM", "RM"),
                Map.of("sml_model_assessment_type", "auc"))));
        assertEquals(404, client.get("projects/" + pid + "/models/a2").status());
    }

    /** The JobInfo details of a selection job, after asserting the 202 and the finished answer. */
    private JsonObject finishedDetails(Reply accepted) {
        Reply finished = models.job(accepted, "Job Created", SELECTION_TIMEOUT_MS);
        assertEquals(200, finished.status(), finished::toString);
        assertEquals("Job is finished", finished.statusString());
        JsonObject jobInfo = finished.values().getJsonObject("jobinfo");
        assertTrue(jobInfo.getBoolean("isDone"));
        JsonValue details = jobInfo.get("details");
        return details.asJsonObject();
    }

    /** A CSV file as the vendor client sends a validation file: every column typed C, errorHandling 1. */
    private static String vendorFrame(String csv) {
        return "{\"errorHandling\":1," + CsvDataFrames.dataFrame(csv).substring(1);
    }
}
