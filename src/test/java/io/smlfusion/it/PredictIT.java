package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.BANK;
import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static io.smlfusion.it.ModelIT.assertRefused;
import static io.smlfusion.it.ModelIT.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * The Prediction API over HTTP (spec §9): {@code lda} and {@code bayes} on bank-fed3 reach the
 * scikit-learn AUC of EXPECTED.md on bank_test.csv on one project and on a fusion; prediction
 * DataFrames are read liberally but a non-number is refused; {@code learnpredict} with its options;
 * and predicting with a fusion's model calls no cell.
 */
class PredictIT {

    private static final String BANK_TEST = "bank-fed3/bank_test.csv";
    private static final String HOUSING_TEST = "housing-fed3/housing_test.csv";
    private static final String BANK_MODEL = mlContext("target", ModelCalls.inputsOf(BANK[0], "target"), Map.of());
    private static final String HOUSING_MODEL = mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of());
    /** The itServer's rtlm.option.sml.fusion.prefetch.min.time.ms (pom). */
    private static final long REFRESH_INTERVAL_MS = 2000;

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "pr" + System.nanoTime();

    @Test
    void ldaAndNaiveBayesOnBankReachTheReferenceAucOnAProjectAndOnAFusion() {
        String single = run + "-bank";
        owner.cellProject(single, BANK);
        List<CellInfo> cells = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            owner.cellProject(run + "-b" + k, BANK[k]);
            cells.add(owner.cell(run + "-b" + k));
        }
        String fusion = run + "-bf";
        assertEquals(201, owner.create(fusion, false, cells).status());
        double[] labels = ModelCalls.column(BANK_TEST, "target");
        for (String pid : List.of(single, fusion)) {
            JsonObject lda = models.built(pid, "lda", "lda", BANK_MODEL);
            assertEquals(List.of("res", "resZ", "z0", "normZ", "resU", "z1LTz0"), strings(lda.getJsonArray("predictInfo")));
            double ldaAuc = ModelCalls.auc(models.scores(pid, "lda", BANK_TEST, "normZ", 2500), labels);
            assertEquals(ModelCalls.expected("LDA (scikit-learn, lsqr): AUC on bank_test.csv"), ldaAuc, 0.005, pid + " LDA AUC");
            JsonObject bayes = models.built(pid, "nb", "bayes", BANK_MODEL);
            assertEquals(List.of("Prob"), strings(bayes.getJsonArray("scoreInfo")));
            double bayesAuc = ModelCalls.auc(models.scores(pid, "nb", BANK_TEST, "Prob", 2500), labels);
            assertEquals(ModelCalls.expected("Gaussian naive Bayes (scikit-learn): AUC on bank_test.csv"), bayesAuc, 0.005,
                    pid + " naive Bayes AUC");
        }
        List<Map<String, String>> first = models.predict(single, "lda",
                CsvDataFrames.dataFrame(headerOf(BANK_TEST), List.of(rowOf(BANK_TEST, 1)), "C"));
        assertEquals(List.of("res", "resZ", "z0", "normZ", "resU", "z1LTz0"), List.copyOf(first.get(0).keySet()));
    }

    @Test
    void predictionDataFramesAreReadLiberallyAndMissingInputsImputed() {
        String pid = run + "-h";
        owner.cellProject(pid, HOUSING);
        JsonObject info = models.built(pid, "m", "mlr", HOUSING_MODEL);
        String[] header = headerOf(HOUSING_TEST);
        String row = rowOf(HOUSING_TEST, 1);
        String exact = models.predict(pid, "m", CsvDataFrames.dataFrame(header, List.of(row), "C")).get(0).get("res");

        String reordered = "{\"attributeNames\":[\"note\",\"LSTAT\",\"CHAS\",\"CRIM\",\"ZN\",\"INDUS\",\"NOX\",\"RM\",\"AGE\","
                + "\"DIS\",\"RAD\",\"TAX\",\"PTRATIO\",\"B\"],\"attributeTypes\":[\"T\",\"C\",\"B\",\"C\",\"C\",\"C\",\"C\",\"C\",\"C\","
                + "\"C\",\"C\",\"C\",\"C\",\"C\"],\"data\":[[\"any text\"," + cells(header, row, "LSTAT", "CHAS", "CRIM", "ZN",
                "INDUS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX", "PTRATIO", "B") + "]]}";
        assertEquals(exact, models.predict(pid, "m", reordered).get(0).get("res"),
                "extra columns ignored, order free, no target needed, a B type is advisory");

        String crimMean = coefficientRow(info, "CRIM").getString(7);
        String[] withoutCrim = row.split(",");
        int crim = List.of(header).indexOf("CRIM");
        withoutCrim[crim] = "";
        String missing = CsvDataFrames.dataFrame(header, List.of(String.join(",", withoutCrim)), "C");
        withoutCrim[crim] = crimMean;
        String atMean = CsvDataFrames.dataFrame(header, List.of(String.join(",", withoutCrim)), "C");
        String imputedByMean = models.predict(pid, "m", missing).get(0).get("res");
        assertEquals(models.predict(pid, "m", atMean).get(0).get("res"), imputedByMean, "a missing input is its mean");

        Reply regression = models.predictReply(pid, "m", "?impute=true", missing);
        assertEquals(200, regression.status(), regression::toString);
        String imputedByRegression = ModelCalls.rows(regression).get(0).get("res");
        assertNotEquals(imputedByMean, imputedByRegression, "impute=true predicts CRIM from the other inputs");
        assertEquals(exact, ModelCalls.rows(models.predictReply(pid, "m", "?impute=true",
                CsvDataFrames.dataFrame(header, List.of(row), "C"))).get(0).get("res"), "nothing to impute");

        String[] bad = row.split(",");
        bad[List.of(header).indexOf("AGE")] = "old";
        assertRefused(400, "DataFrame rejected, nothing predicted: row 2, column 'AGE': value 'old' is not a finite number"
                + " (it is an input of the model)", models.predictReply(pid, "m", "",
                CsvDataFrames.dataFrame(header, List.of(row, String.join(",", bad)), "C")));
        assertRefused(400, "The query parameter impute = 'maybe' is not true or false",
                models.predictReply(pid, "m", "?impute=maybe", missing));
        assertRefused(404, "Generic Exception <Error no such model <m3>>", models.predictReply(pid, "m3", "", missing));
        assertRefused(400, "Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]",
                models.predictReply(run + "-none", "m", "", missing));
    }

    @Test
    void learnpredictLearnsTheRowsAndPredictsThemBeforeOrAfter() {
        String pid = run + "-lp";
        owner.cellProject(pid, HOUSING[0], HOUSING[1]);
        models.built(pid, "m", "mlr", HOUSING_MODEL);
        List<String> lines = CsvDataFrames.lines(HOUSING[2]);
        String[] names = (lines.get(0).strip() + ",id").split(",");
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            (r <= 140 ? first : second).add(lines.get(r).strip() + ",row" + r);
        }
        List<String> types = new ArrayList<>(java.util.Collections.nCopies(names.length - 1, "C"));
        types.add("X");
        String firstFrame = CsvDataFrames.dataFrame(names, first, types);
        List<Map<String, String>> expected = models.predict(pid, "m", firstFrame);

        Reply before = client.post("projects/" + pid + "/learnpredict/m?keepColumns=id,MEDV", firstFrame);
        assertEquals(200, before.status(), before::toString);
        List<Map<String, String>> answered = ModelCalls.rows(before);
        assertEquals(140, answered.size());
        assertEquals(List.of("id", "MEDV", "res"), List.copyOf(answered.get(0).keySet()));
        assertEquals("row1", answered.get(0).get("id"));
        for (int r = 0; r < answered.size(); r++) {
            assertEquals(expected.get(r).get("res"), answered.get(r).get("res"), "predicted before learning");
        }
        assertEquals(265, owner.info(pid).getInt("rowCount"));

        String secondFrame = CsvDataFrames.dataFrame(names, second, types);
        JsonObject oldModel = models.info(pid, "m");
        Reply after = client.post("projects/" + pid + "/learnpredict/m?predictBeforeLearn=false&rebuildModel=true", secondFrame);
        assertEquals(200, after.status(), after::toString);
        assertEquals(406, owner.info(pid).getInt("rowCount"));
        JsonObject rebuilt = models.info(pid, "m");
        assertNotEquals(oldModel.getJsonObject("extra"), rebuilt.getJsonObject("extra"), "rebuilt on all 406 rows");
        ModelCalls.assertRelative(ModelCalls.expected("R2"), Double.parseDouble(rebuilt.getJsonObject("info").getString("r2")),
                1e-9, "the rebuilt model is the mlr of the union");
        assertEquals(models.predict(pid, "m", secondFrame), ModelCalls.rows(after), "predicted with the rebuilt model");

        assertRefused(400, "The query parameter rebuildModel = 'yes' is not true or false",
                client.post("projects/" + pid + "/learnpredict/m?rebuildModel=yes", secondFrame));
        assertRefused(400, "keepColumns names 'nope', which is not a column of the DataFrame",
                client.post("projects/" + pid + "/learnpredict/m?keepColumns=nope", secondFrame));
        assertEquals(406, owner.info(pid).getInt("rowCount"), "refused requests learn nothing");

        String fusion = run + "-lpf";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(pid))).status());
        models.built(fusion, "fm", "mlr", HOUSING_MODEL);
        Reply refused = client.post("projects/" + fusion + "/learnpredict/fm", secondFrame);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.statusString().endsWith("a fusion holds no rows of its own"), refused::toString);
    }

    @Test
    void predictingWithAFusionsModelCallsNoCell() throws Exception {
        List<CountingCell> stubs = new ArrayList<>();
        try {
            List<CellInfo> cells = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String cell = run + "-n" + k;
                owner.cellProject(cell, HOUSING[k]);
                CountingCell stub = new CountingCell(Base64.getDecoder().decode(
                        client.get("projects/" + cell + "/export").values().getString("string")));
                stubs.add(stub);
                cells.add(new CellInfo(stub.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, cell));
            }
            String fusion = run + "-nf";
            assertEquals(201, owner.create(fusion, false, cells).status());
            models.built(fusion, "m", "mlr", HOUSING_MODEL);
            int callsAfterBuild = calls(stubs);
            assertTrue(callsAfterBuild >= 3, "the build fetched the cells");

            Thread.sleep(REFRESH_INTERVAL_MS + 500);
            String rows = CsvDataFrames.dataFrame(HOUSING_TEST);
            List<Map<String, String>> predicted = models.predict(fusion, "m", rows);
            models.predict(fusion, "m", rows);
            models.info(fusion, "m");
            assertEquals(200, client.get("projects/" + fusion + "/models/m/code").status());
            assertEquals(200, client.get("projects/" + fusion + "/model/export?modelid=m").status());
            assertEquals(callsAfterBuild, calls(stubs), "predict, model info, code and export call no cell");
            owner.info(fusion); // a read starts a refresh (in the background: it answers from the last merge)
            long deadline = System.currentTimeMillis() + 10_000;
            while (calls(stubs) == callsAfterBuild && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(calls(stubs) > callsAfterBuild, "whereas reading the fusion's statistics does call the cells");

            stubs.forEach(CountingCell::close);
            Thread.sleep(REFRESH_INTERVAL_MS + 500);
            assertEquals(predicted, models.predict(fusion, "m", rows), "and predicting works with every cell gone");
        } finally {
            stubs.forEach(CountingCell::close);
        }
    }

    private static int calls(List<CountingCell> stubs) {
        return stubs.stream().mapToInt(CountingCell::calls).sum();
    }

    /** A cell host on a local port that answers every export call with a fixed snapshot and counts the calls. */
    private static final class CountingCell implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean closed;

        CountingCell(byte[] snapshot) throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/symetry/rest/", exchange -> {
                calls.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, snapshot.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(snapshot);
                }
            });
            server.start();
        }

        String host() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                server.stop(0);
            }
        }
    }

    private static String[] headerOf(String csv) {
        return CsvDataFrames.lines(csv).get(0).split(",");
    }

    private static String rowOf(String csv, int r) {
        return CsvDataFrames.lines(csv).get(r);
    }

    /** The named cells of a CSV row, as quoted JSON strings. */
    private static String cells(String[] header, String row, String... columns) {
        String[] values = row.split(",");
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add("\"" + values[List.of(header).indexOf(column)].trim() + "\"");
        }
        return String.join(",", quoted);
    }

    private static JsonArray coefficientRow(JsonObject info, String attribute) {
        for (JsonArray row : info.getJsonObject("extra").getJsonObject("coefficients").getJsonArray("data")
                .getValuesAs(JsonArray.class)) {
            if (row.getString(0).equals(attribute)) {
                return row;
            }
        }
        throw new AssertionError("no coefficient row " + attribute);
    }
}
