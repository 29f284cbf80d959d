package io.smlfusion.it;

import static io.smlfusion.it.ExploreIT.irisProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * Issue 13 §2 over HTTP: {@code hba}, {@code ecod}, {@code oospca} and {@code plsq} built as the
 * vendor client's COMMANDS.md builds them ({@code --type=hba --targets=13 --inputs=0,1,2,3}, and
 * by names) on a histogram-enabled iris project, the same models on a fusion of three iris cells
 * (whose histograms merge bucket for bucket) predicting as the single project does, and the
 * evtwrapper: created, predictions flagged after its warm-up, state carried by export/import,
 * deleted.
 */
class AnomalyModelIT {

    private static final String IRIS = "iris/iris.csv";
    private static final String BY_INDEX = "{\"targets\":[\"13\"],\"inputAttributes\":[\"0\",\"1\",\"2\",\"3\"],"
            + "\"extraParameters\":{}}";
    private static final String BY_NAME = "{\"targetAttributeNames\":[\"Iris_setosa\"],\"inputAttributeNames\":"
            + "[\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"]}";
    private static final String PLSQ = "{\"targetAttributeNames\":[\"petal_width\"],\"inputAttributeNames\":"
            + "[\"sepal_length\",\"sepal_width\",\"petal_length\"],\"extraParameters\":{\"q\":\"2\"}}";
    /** The vendor client's predict example (COMMANDS.md). */
    private static final String VENDOR_ROW = "{\"attributeNames\":[\"sepal_length\",\"sepal_width\",\"petal_length\","
            + "\"petal_width\"],\"data\":[[\"4.3\",\"3\",\"1.1\",\"0.1\"]],\"attributeTypes\":[\"C\",\"C\",\"C\",\"C\"]}";

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "an" + System.nanoTime();

    @Test
    void theVendorClientsExamplesBuildAndPredictOnAHistogramProject() {
        String pid = run + "-cell";
        irisProject(client, pid, 0, 150);
        JsonObject hba = models.built(pid, "model1", "hba", BY_INDEX);
        assertEquals(List.of("res", "hbascore"), strings(hba, "predictInfo"));
        assertEquals(List.of("hbascore"), strings(hba, "scoreInfo"));
        assertEquals("150", hba.getJsonObject("info").getString("size"));
        JsonObject ecod = models.built(pid, "model2", "ecod", BY_NAME);
        assertEquals(List.of("res", "ecodscore"), strings(ecod, "predictInfo"));
        assertTrue(ecod.getJsonObject("info").getString("skewness").startsWith("c("), ecod::toString);
        models.built(pid, "model3", "oospca", BY_INDEX);
        JsonObject plsq = models.built(pid, "model4", "plsq", PLSQ);
        assertEquals("2", plsq.getJsonObject("info").getString("q"));

        for (String model : List.of("model1", "model2", "model3")) {
            Map<String, String> row = models.predict(pid, model, VENDOR_ROW).get(0);
            assertTrue(row.get("res").equals("0") || row.get("res").equals("1"), row::toString);
            assertEquals(2, row.size(), row::toString);
        }
        // a flower unlike every iris: flagged by hba and oospca; ecod, which judges each input's
        // tail alone, needs values beyond the extremes of most inputs
        String unlike = "{\"attributeNames\":[\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"],"
                + "\"data\":[[\"4.4\",\"4.4\",\"6.9\",\"0.1\"]]}";
        String beyond = "{\"attributeNames\":[\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"],"
                + "\"data\":[[\"8.5\",\"4.6\",\"7.2\",\"0.05\"]]}";
        assertEquals("1", models.predict(pid, "model1", unlike).get(0).get("res"), "hba");
        assertEquals("1", models.predict(pid, "model3", unlike).get(0).get("res"), "oospca");
        assertEquals("0", models.predict(pid, "model2", unlike).get(0).get("res"), "ecod");
        assertEquals("1", models.predict(pid, "model2", beyond).get(0).get("res"), "ecod");
        double predicted = Double.parseDouble(models.predict(pid, "model4", VENDOR_ROW).get(0).get("res"));
        assertTrue(predicted > -0.3 && predicted < 0.5, "petal width of a setosa: " + predicted);
    }

    @Test
    void theModelsOfAFusionOfThreeCellsPredictAsTheModelsOfOneProject() {
        String single = run + "-all";
        irisProject(client, single, 0, 150);
        int[] cuts = {0, 41, 97, 150};
        for (int k = 0; k < 3; k++) {
            irisProject(client, run + "-c" + k, cuts[k], cuts[k + 1]);
        }
        String fusion = fusion(run + "-f", run + "-c0", run + "-c1", run + "-c2");
        Map<String, String> bodies = Map.of("hba", BY_INDEX, "ecod", BY_NAME, "oospca", BY_INDEX, "plsq", PLSQ);
        String rows = CsvDataFrames.dataFrame(IRIS);
        bodies.forEach((algo, body) -> {
            JsonObject one = models.built(single, algo, algo, body);
            JsonObject fused = models.built(fusion, algo, algo, body);
            assertEquals(one.getJsonObject("info").keySet(), fused.getJsonObject("info").keySet(), algo);
            List<Map<String, String>> expected = models.predict(single, algo, rows);
            List<Map<String, String>> actual = models.predict(fusion, algo, rows);
            assertEquals(150, actual.size());
            for (int r = 0; r < expected.size(); r++) {
                for (String key : expected.get(r).keySet()) {
                    double e = Double.parseDouble(expected.get(r).get(key));
                    double a = Double.parseDouble(actual.get(r).get(key));
                    assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), algo + " row " + r + " " + key);
                }
            }
        });
    }

    @Test
    void anEvtWrapperFlagsPredictionsAfterItsWarmUpAndTravelsWithTheModel() {
        String pid = run + "-evt";
        irisProject(client, pid, 0, 150);
        models.built(pid, "pca", "oospca", BY_INDEX);
        String iris = CsvDataFrames.dataFrame(IRIS);
        Reply createdWrapper = client.post("projects/" + pid + "/pca/evtwrapper", "{\"values\":[{"
                + "\"sml_evt_wrapper_model_id\":\"pca\",\"evt_warmup_size\":\"150\",\"evt_alpha\":\"0.001\","
                + "\"evt_quantile\":\"90\"}]}");
        assertEquals(200, createdWrapper.status(), createdWrapper::toString);
        assertEquals("EVT Wrapper Created", createdWrapper.statusString());
        JsonObject info = models.info(pid, "pca");
        assertEquals(List.of("res", "oospcascore", "evt_is_anomaly", "evt_threshold"), strings(info, "predictInfo"));
        assertEquals("oospcascore", info.getJsonObject("info").getString("sml_evt_wrapper_res_key"));
        assertEquals("false", info.getJsonObject("info").getString("evt_calibrated"));

        List<Map<String, String>> warmUp = models.predict(pid, "pca", iris);
        warmUp.forEach(row -> assertFalse(row.containsKey("evt_is_anomaly"), row::toString));
        Map<String, String> judged = models.predict(pid, "pca", VENDOR_ROW).get(0);
        assertEquals("false", judged.get("evt_is_anomaly"), judged::toString);
        double threshold = Double.parseDouble(judged.get("evt_threshold"));
        double maxWarmUp = warmUp.stream().mapToDouble(row -> Double.parseDouble(row.get("oospcascore"))).max()
                .orElseThrow();
        assertTrue(threshold > 0 && threshold >= quantile90(warmUp), judged + " after warm-up max " + maxWarmUp);
        String far = "{\"attributeNames\":[\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"],"
                + "\"data\":[[\"4.4\",\"4.4\",\"6.9\",\"0.1\"]]}";
        assertEquals("true", models.predict(pid, "pca", far).get(0).get("evt_is_anomaly"));
        assertEquals("true", models.info(pid, "pca").getJsonObject("info").getString("evt_calibrated"));

        // the state goes with an export: the copy judges the next rows as the original does
        String exported = client.get("projects/" + pid + "/model/export?modelid=pca").values().getString("string");
        String other = run + "-evt2";
        irisProject(client, other, 0, 10);
        assertEquals(200, client.post("projects/" + other + "/model/import?modelid=copy", exported).status());
        String next = CsvDataFrames.dataFrame(IRIS);
        assertEquals(models.predict(pid, "pca", next), models.predict(other, "copy", next));

        Reply deleted = client.delete("projects/" + pid + "/pca/evtwrapper");
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals("EVT Wrapper Deleted", deleted.statusString());
        assertFalse(models.predict(pid, "pca", VENDOR_ROW).get(0).containsKey("evt_is_anomaly"));
        assertEquals(List.of("res", "oospcascore"), strings(models.info(pid, "pca"), "predictInfo"));
        Reply again = client.delete("projects/" + pid + "/pca/evtwrapper");
        assertEquals(404, again.status(), again::toString);
        assertEquals("Model [pca] has no EVT wrapper", again.statusString());
    }

    @Test
    void anEvtWrapperOnAFusionModelAndBadWrapperRequests() {
        irisProject(client, run + "-c0", 0, 75);
        irisProject(client, run + "-c1", 75, 150);
        String fusion = fusion(run + "-fe", run + "-c0", run + "-c1");
        models.built(fusion, "h", "hba", BY_INDEX);
        Reply flat = client.post("projects/" + fusion + "/h/evtwrapper",
                "{\"evt_warmup_size\":\"100\",\"evt_alpha\":\"0.01\",\"evt_quantile\":\"95\",\"evt_two_sides\":\"true\"}");
        assertEquals(200, flat.status(), flat::toString);
        List<Map<String, String>> rows = models.predict(fusion, "h", CsvDataFrames.dataFrame(IRIS));
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(r >= 100, rows.get(r).containsKey("evt_threshold_upper"), "row " + r);
            assertEquals(r >= 100, rows.get(r).containsKey("evt_threshold_lower"), "row " + r);
        }

        assertRefused(400, "EVT threshold needs evt_quantile (required: evt_warmup_size, evt_alpha, evt_quantile)",
                client.post("projects/" + fusion + "/h/evtwrapper", "{\"evt_warmup_size\":\"100\",\"evt_alpha\":\"0.01\"}"));
        assertRefused(400, "extraParameters.sml_evt_wrapper_res_key = 'nope' is not a prediction key of the model;"
                + " its keys: res, hbascore", client.post("projects/" + fusion + "/h/evtwrapper",
                "{\"evt_warmup_size\":\"100\",\"evt_alpha\":\"0.01\",\"evt_quantile\":\"95\","
                        + "\"sml_evt_wrapper_res_key\":\"nope\"}"));
        assertRefused(404, "Generic Exception <Error no such model <none>>",
                client.post("projects/" + fusion + "/none/evtwrapper", "{}"));
        assertRefused(400, "hba needs a histogram-enabled project (create it with enableHistogram=true or turn "
                + "histograms on with histogramEnable); this project keeps none", plainProjectBuild());
    }

    /** A fusion of the cells, its first merge awaited (a busy machine's first cell calls can be slow). */
    private String fusion(String pid, String... cells) {
        Reply created = owner.create(pid, false, java.util.Arrays.stream(cells).map(owner::cell).toList());
        assertEquals(201, created.status(), created::toString);
        long deadline = System.currentTimeMillis() + 60_000;
        Reply info = client.get("projects/" + pid + "/info");
        while (info.status() == 503 && System.currentTimeMillis() < deadline) {
            info = client.get("projects/" + pid + "/info");
        }
        assertEquals(200, info.status(), info::toString);
        return pid;
    }

    private Reply plainProjectBuild() {
        String plain = run + "-plain";
        owner.cellProject(plain, IRIS);
        return models.job(models.build(plain, "h", "hba", BY_INDEX));
    }

    private static double quantile90(List<Map<String, String>> rows) {
        double[] scores = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("oospcascore"))).sorted()
                .toArray();
        return scores[(int) Math.ceil(0.9 * scores.length) - 1];
    }

    private static void assertRefused(int status, String statusString, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(statusString, reply.statusString());
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
