package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.assertRelative;
import static io.smlfusion.it.ModelCalls.mlContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * The Modeling API over HTTP (spec §8): {@code mlr} on housing-fed3 against the statsmodels figures
 * of EXPECTED.md, on one project and on a fusion of three cells; ModelInfo (spec §4.8); code,
 * export, import, delete; bad requests refused with the reason and nothing stored changed.
 */
class ModelIT {

    private static final String TEST = "housing-fed3/housing_test.csv";
    private static final List<String> INPUTS = ModelCalls.inputsOf(HOUSING[0], "MEDV");
    private static final String MLR = mlContext("MEDV", INPUTS, Map.of());

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "mo" + System.nanoTime();

    @Test
    void mlrOnTheUnionOfTheHousingCellsMatchesStatsmodels() {
        String pid = run + "-all";
        owner.cellProject(pid, HOUSING);
        JsonObject info = models.built(pid, "m1", "mlr", MLR);
        assertHousingMlr(info);
        assertEquals("m1", info.getString("modelId"));
        assertEquals("mlr", info.getString("modelType"));
        assertEquals(1, info.getInt("modelBuilt"));
        assertTrue(info.getJsonNumber("buildTime").doubleValue() > 0);
        assertEquals(INPUTS, strings(info.getJsonArray("attributeNames")));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), ints(info.getJsonArray("attributeIndexes")));
        assertEquals(13, info.getJsonArray("attributeTypes").size());
        assertEquals(List.of("MEDV"), strings(info.getJsonArray("targetNames")));
        assertEquals(List.of(13), ints(info.getJsonArray("targetindexes")));
        assertEquals(List.of("res"), strings(info.getJsonArray("predictInfo")));
        assertEquals(List.of("res"), strings(info.getJsonArray("scoreInfo")));
        assertEquals("OK", info.getJsonObject("info").getString("buildStatus"));
        assertTrue(Math.abs(info.getJsonNumber("creationDate").longValue() - System.currentTimeMillis()) < 60_000);

        JsonObject smlInfo = owner.info(pid);
        assertEquals(List.of("m1"), strings(smlInfo.getJsonArray("modelsList")));
        assertEquals(List.of("mlr"), strings(smlInfo.getJsonArray("modelTypeList")));

        double[] predicted = models.scores(pid, "m1", TEST, "res", 1000);
        assertRelative(ModelCalls.expected("RMSE on housing_test.csv"), ModelCalls.rmse(predicted,
                ModelCalls.column(TEST, "MEDV")), 1e-9, "RMSE on housing_test.csv");
    }

    @Test
    void theSameModelBuiltOnAFusionOfThreeCellsMatchesToo() {
        for (int k = 0; k < 3; k++) {
            owner.cellProject(run + "-c" + k, HOUSING[k]);
        }
        String fusion = run + "-f";
        Reply created = owner.create(fusion, false, List.of(owner.cell(run + "-c0"), owner.cell(run + "-c1"),
                owner.cell(run + "-c2")));
        assertEquals(201, created.status(), created::toString);
        assertHousingMlr(models.built(fusion, "fm", "mlr", MLR));
        assertEquals(List.of("fm"), strings(owner.info(fusion).getJsonArray("modelsList")));
        double[] predicted = models.scores(fusion, "fm", TEST, "res", 100);
        assertRelative(ModelCalls.expected("RMSE on housing_test.csv"), ModelCalls.rmse(predicted,
                ModelCalls.column(TEST, "MEDV")), 1e-9, "RMSE on housing_test.csv");
    }

    @Test
    void codeExportImportAndDelete() {
        String pid = run + "-x";
        owner.cellProject(pid, HOUSING);
        models.built(pid, "m1", "mlr", MLR);

        Reply java = client.get("projects/" + pid + "/models/m1/code?language=java");
        assertEquals(200, java.status(), java::toString);
        assertTrue(java.values().getString("string").contains("public static double predict_m1(double[] x) {"), java::toString);
        Reply sql = client.get("projects/" + pid + "/models/m1/code?language=sql");
        assertTrue(sql.values().getString("string").contains(" * COALESCE(\"CRIM\", "), sql::toString);
        assertRefused(400, "language = 'cobol' is not supported: use java or sql",
                client.get("projects/" + pid + "/models/m1/code?language=cobol"));

        String exported = client.get("projects/" + pid + "/model/export?modelid=m1").values().getString("string");
        String other = run + "-y";
        owner.cellProject(other, HOUSING[0]);
        Reply imported = client.post("projects/" + other + "/model/import?modelid=copy", exported);
        assertEquals(200, imported.status(), imported::toString);
        String rows = CsvDataFrames.dataFrame(TEST);
        assertEquals(models.predict(pid, "m1", rows), models.predict(other, "copy", rows));
        JsonObject copy = models.info(other, "copy");
        assertEquals(models.info(pid, "m1").getJsonObject("extra"), copy.getJsonObject("extra"));
        assertEquals("true", copy.getJsonObject("info").getString("imported"));

        byte[] bytes = Base64.getDecoder().decode(exported);
        bytes[4] = 3;
        assertRefused(400, "Cannot import model [v3]: model format version 3 is not supported; this server reads versions 1 and 2",
                client.post("projects/" + other + "/model/import?modelid=v3", Base64.getEncoder().encodeToString(bytes)));
        assertRefused(400, "Cannot import model [g]: not an sml-fusion model: the bytes do not start with the magic \"SMLM\"",
                client.post("projects/" + other + "/model/import?modelid=g",
                        Base64.getEncoder().encodeToString("garbage!".getBytes(StandardCharsets.US_ASCII))));
        String iris = run + "-iris";
        owner.cellProject(iris, "iris/iris.csv");
        Reply foreign = client.post("projects/" + iris + "/model/import?modelid=h", exported);
        assertEquals(400, foreign.status(), foreign::toString);
        assertTrue(foreign.statusString().startsWith("Cannot import model [h]: project [" + iris + "] has no attribute 'CRIM', 'ZN'"),
                foreign::toString);
        assertEquals(List.of("copy"), strings(owner.info(other).getJsonArray("modelsList")), "refused imports store nothing");

        assertEquals(200, client.delete("projects/" + pid + "/models/m1").status());
        String noSuchModel = "Generic Exception <Error no such model <m1>>";
        assertRefused(404, noSuchModel, client.get("projects/" + pid + "/models/m1"));
        assertRefused(404, noSuchModel, client.delete("projects/" + pid + "/models/m1"));
        assertRefused(404, noSuchModel, client.get("projects/" + pid + "/model/export?modelid=m1"));
        assertRefused(404, noSuchModel, client.get("projects/" + pid + "/models/m1/code"));
        assertRefused(404, noSuchModel, client.post("projects/" + pid + "/predict/m1", rows));
        assertEquals(List.of(), strings(owner.info(pid).getJsonArray("modelsList")));
        assertEquals("NOT_FOUND", client.get("projects/" + pid + "/models/m1").statusCode());
    }

    @Test
    void requestsThatNeedNoComputationAreRefusedAtOnce() {
        String pid = run + "-bad";
        owner.cellProject(pid, HOUSING);
        String supported = "lda, mlda, mqda, mlr, ridge, lasso, elasticnet, pcr, bayes, covest, plsq, oospca, hba, ecod";
        assertRefused(400, "Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]",
                models.build(run + "-none", "m", "mlr", MLR));
        assertRefused(400, "The query parameter modelid is missing",
                client.post("projects/" + pid + "/build?algo=mlr", MLR));
        assertRefused(400, "The query parameter algo is missing; supported: " + supported,
                client.post("projects/" + pid + "/build?modelid=m", MLR));
        assertRefused(400, "unknown algo 'forest'; supported: " + supported, models.build(pid, "m", "forest", MLR));
        assertRefused(400, "algo 'kmeans' is not supported: its state is not part of the additive project statistics;"
                + " supported: " + supported, models.build(pid, "m", "kmeans", MLR));
        assertRefused(400, "algo 'lsvm' is not supported: it is not implemented by this server; supported: " + supported,
                models.build(pid, "m", "lsvm", MLR));
        assertTrue(models.build(pid, "m", "mlr", "{\"targets\":").statusString().startsWith("The request body is not a JSON object ("));
        assertRefused(400, "inputAttributeNames: the project has no attribute named 'NOPE'",
                models.build(pid, "m", "mlr", mlContext("MEDV", List.of("CRIM", "NOPE"), Map.of())));
        assertRefused(400, "targets: attribute index 99 is out of range; the project has 14 attributes (indexes 0 to 13)",
                models.build(pid, "m", "mlr", "{\"targets\":[\"99\"],\"inputAttributes\":[\"0\"]}"));
        assertRefused(400, "target 'MEDV' is also an input; a model cannot predict an attribute from itself",
                models.build(pid, "m", "mlr", "{\"targets\":[13],\"inputAttributes\":[0,13]}"));
        assertRefused(400, "Invalid model id [a*b]: use 1 to 128 letters, digits, '.', '_' or '-'",
                models.build(pid, "a*b", "mlr", MLR));
        assertRefused(400, "The query parameter svdreduce = 'maybe' is not true or false",
                client.post("projects/" + pid + "/build?modelid=m&algo=mlr&svdreduce=maybe", MLR));
        assertEquals(List.of(), strings(owner.info(pid).getJsonArray("modelsList")));
    }

    @Test
    void buildsTheStatisticsDoNotFitFailInTheJobAndChangeNothing() {
        String pid = run + "-fit";
        owner.cellProject(pid, HOUSING);
        JsonObject before = models.built(pid, "m1", "mlr", MLR);
        assertJobRefused("lda needs a binary target (type B, or only the values 0 and 1); 'MEDV' is type C with values"
                + " other than 0 and 1", models.build(pid, "m1", "lda", MLR));
        assertJobRefused("mlda needs a partitioned project (one class per partition value); this project is not partitioned",
                models.build(pid, "m2", "mlda", mlContext("MEDV", INPUTS, Map.of())));
        assertJobRefused("bayes needs a binary target (type B, or only the values 0 and 1); 'MEDV' is type C with values"
                + " other than 0 and 1", models.build(pid, "m3", "bayes", MLR));
        assertJobRefused("extraParameters.matrix_use_pseudoinv = 'sometimes' is not true or false",
                models.build(pid, "m1", "mlr", mlContext("MEDV", INPUTS, Map.of("matrix_use_pseudoinv", "sometimes"))));
        assertEquals(before, models.info(pid, "m1"), "the model of that id is unchanged");
        assertEquals(List.of("m1"), strings(owner.info(pid).getJsonArray("modelsList")));

        String small = run + "-small";
        owner.cellProject(small);
        List<String> lines = CsvDataFrames.lines(HOUSING[0]);
        assertEquals(200, client.post("projects/" + small + "/learn",
                CsvDataFrames.dataFrame(lines.get(0).split(","), lines.subList(1, 4), "C")).status());
        assertJobRefused("mlr needs more than 14 rows (more than inputs + 1 for the intercept and the residual variance);"
                + " the project has 3 rows for 13 inputs", models.build(small, "m", "mlr", MLR));
        assertEquals(List.of(), strings(owner.info(small).getJsonArray("modelsList")));
    }

    @Test
    void svdreduceBuildsOnTheInputsExploresvdfsKeeps() {
        List<String> inputs = List.of("RM", "LSTAT", "RM2");
        List<String> lines = CsvDataFrames.lines(HOUSING[2]);
        String[] names = (lines.get(0) + ",RM2").split(",");
        int rm = List.of(names).indexOf("RM");
        List<String> withCopy = lines.subList(1, lines.size()).stream()
                .map(line -> line.strip() + "," + line.split(",")[rm].strip()).toList();
        String collinear = run + "-svd2";
        owner.cellProject(collinear);
        assertEquals(200, client.post("projects/" + collinear + "/learn", CsvDataFrames.dataFrame(names, withCopy, "C")).status());
        Reply accepted = client.post("projects/" + collinear + "/build?modelid=r&algo=mlr&svdreduce=true",
                mlContext("MEDV", inputs, Map.of()));
        assertEquals(200, models.job(accepted).status());
        JsonObject info = models.info(collinear, "r");
        assertEquals(List.of("RM", "LSTAT"), strings(info.getJsonArray("attributeNames")));
        assertEquals("RM2", info.getJsonObject("info").getString("svdreduce_dropped"));
    }

    /** Every coefficient, std.error and t (extra.coefficients), R² and the residual SE (info) to 1e-9 relative. */
    private static void assertHousingMlr(JsonObject info) {
        JsonObject table = info.getJsonObject("extra").getJsonObject("coefficients");
        assertEquals(List.of("attribute", "coefficient", "std.error", "scores", "p.values", "ci.low", "ci.high", "mean_MEDV"),
                strings(table.getJsonArray("attributeNames")));
        assertEquals(List.of("S", "C", "C", "C", "C", "C", "C", "C"), strings(table.getJsonArray("attributeTypes")));
        Map<String, double[]> expected = ModelCalls.expectedHousingCoefficients();
        JsonArray data = table.getJsonArray("data");
        assertEquals(expected.size(), data.size());
        for (JsonArray row : data.getValuesAs(JsonArray.class)) {
            String label = row.getString(0);
            double[] figures = expected.get(label.equals("(Intercept)") ? "const" : label);
            assertRelative(figures[0], Double.parseDouble(row.getString(1)), 1e-9, label + " coefficient");
            assertRelative(figures[1], Double.parseDouble(row.getString(2)), 1e-9, label + " std.error");
            assertRelative(figures[2], Double.parseDouble(row.getString(3)), 1e-9, label + " t");
        }
        JsonObject entries = info.getJsonObject("info");
        assertRelative(ModelCalls.expected("R2"), Double.parseDouble(entries.getString("r2")), 1e-9, "R2");
        assertRelative(ModelCalls.expected("residual_se"), Double.parseDouble(entries.getString("residual_se")), 1e-9,
                "residual_se");
        assertFalse(entries.containsKey("svdreduce"));
    }

    private void assertJobRefused(String message, Reply accepted) {
        Reply job = models.job(accepted);
        assertRefused(400, message, job);
    }

    static void assertRefused(int status, String message, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(message, reply.statusString());
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<Integer> ints(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList();
    }
}
