package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * Differential privacy on export, with the cell and the fusion in two Liberty processes: a persisted
 * cell project with privacy on, on the cell server, releases noisy statistics; a fusion on the main
 * server merges them with an exact cell and builds an mlr model; the budget allows ⌊1/share⌋ paid
 * exports, an unchanged project's release is served again for free, and once spent the budget stays
 * spent across a kill -9 of the cell server.
 */
class DifferentialPrivacyIT {

    private static final String HOUSING = "housing-fed3/housing3.csv";
    private static final String TEST = "housing-fed3/housing_test.csv";
    /**
     * Public bounds of the Boston housing attributes (the data set's documented ranges, rounded out).
     * ε = 1000 is a deliberately weak budget: it lets this test compare the noisy model with the exact
     * one; with 281 rows and 14 attributes a strong ε leaves little of the signal.
     */
    private static final String SETTINGS = "{\"epsilon\": 1000, \"delta\": 1e-6, \"exportShare\": 0.25, \"bounds\": ["
            + bound("CRIM", 0, 100) + "," + bound("ZN", 0, 100) + "," + bound("INDUS", 0, 30) + "," + bound("CHAS", 0, 1) + ","
            + bound("NOX", 0, 1) + "," + bound("RM", 3, 9) + "," + bound("AGE", 0, 100) + "," + bound("DIS", 1, 13) + ","
            + bound("RAD", 0, 25) + "," + bound("TAX", 150, 750) + "," + bound("PTRATIO", 12, 23) + "," + bound("B", 0, 400) + ","
            + bound("LSTAT", 0, 40) + "," + bound("MEDV", 0, 50) + "]}";

    private final SignedClient cellOwner = CellServer.client();
    private final FusionClient cells = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final FusionClient fusionOwner = FusionClient.itServer();
    private final LibertyServer cellServer = CellServer.server();
    private final String run = "dp" + System.nanoTime();

    private static String bound(String name, double lower, double upper) {
        return "{\"name\": \"" + name + "\", \"lower\": " + lower + ", \"upper\": " + upper + "}";
    }

    @Test
    void aFusionBuildsOnNoisyExportsUntilTheBudgetIsSpentForGood() {
        String cell = run + "-cell";
        assertEquals(201, cellOwner.post("projects?pid=" + cell + "&persist=true&enableHistogram=true", "{}").status());
        Reply learned = cellOwner.post("projects/" + cell + "/learn", CsvDataFrames.dataFrame(HOUSING));
        assertEquals(200, learned.status(), learned::toString);

        JsonObject defaults = privacy(cellOwner.get("projects/" + cell + "/privacy"));
        assertFalse(defaults.getBoolean("enabled"), "off by default");
        assertTrue(defaults.getBoolean("serverDefaults"));

        JsonObject configured = privacy(cellOwner.post("projects/" + cell + "/privacy", SETTINGS));
        assertTrue(configured.getBoolean("enabled"));
        assertEquals(14, configured.getJsonArray("bounds").size());
        assertEquals(4, configured.getInt("exportsLeft"));
        assertEquals(0, configured.getInt("exports"));

        // the first export pays; the fusion on the main server merges the same release (the rows did not change)
        String first = export(cell);
        assertEquals(1, spent(cell).getInt("exports"));
        String local = run + "-local";
        fusionOwner.cellProject(local, "housing-fed3/housing2.csv");
        String fusion = run + "-f";
        assertEquals(201, fusionOwner.create(fusion, false, List.of(cells.cell(cell), fusionOwner.cell(local))).status());
        JsonObject fused = firstMerge(fusion);
        int rows = fused.getInt("rowCount");
        assertTrue(Math.abs(rows - 381) <= 5, "281 noisy + 100 exact rows, n's noise σ = 0.16 at this ε: " + fused);
        ModelCalls models = new ModelCalls(fusionOwner.signed());
        String mlr = ModelCalls.mlContext("MEDV", ModelCalls.inputsOf(HOUSING, "MEDV"), Map.of());
        models.built(fusion, "m", "mlr", mlr);
        double rmse = ModelCalls.rmse(models.scores(fusion, "m", TEST, "res", 1000), ModelCalls.column(TEST, "MEDV"));
        assertTrue(rmse < 1.25 * ModelCalls.expected("RMSE on housing_test.csv"),
                "the noisy model predicts nearly as well as the exact one on all 406 rows: RMSE " + rmse);
        assertEquals(1, spent(cell).getInt("exports"));

        // unchanged rows: the same release again, free
        assertEquals(first, export(cell));
        assertEquals(1, spent(cell).getInt("exports"));

        // one changed row is not a new release (the disclosure control's smlfusion.export.min.delta.rows,
        // 10 on the cell server): the same release again, free; ten are a new, paid one, until the budget is spent
        List<String> rowsToLearn = CsvDataFrames.lines("housing-fed3/housing2.csv");
        String[] names = rowsToLearn.get(0).split(",");
        learnRow(cell, names, rowsToLearn.get(1));
        assertEquals(first, export(cell));
        assertEquals(1, spent(cell).getInt("exports"));
        for (int exports = 2; exports <= 4; exports++) {
            for (int row = 10 * exports - 18; row < 10 * exports - 8; row++) {
                learnRow(cell, names, rowsToLearn.get(row));
            }
            assertNotEquals(first, export(cell));
            assertEquals(exports, spent(cell).getInt("exports"));
        }
        for (int row = 32; row < 42; row++) {
            learnRow(cell, names, rowsToLearn.get(row));
        }
        assertBudgetSpent(cell);
        JsonObject spent = spent(cell);
        assertEquals(0, spent.getInt("exportsLeft"));
        assertEquals(1000, spent.getJsonNumber("epsilonSpent").doubleValue(), 1e-6);

        // a crash does not give it back, nor do new settings
        cellServer.kill();
        cellServer.start();
        assertEquals(4, spent(cell).getInt("exports"));
        assertBudgetSpent(cell);
        privacy(cellOwner.post("projects/" + cell + "/privacy", SETTINGS));
        assertBudgetSpent(cell);
        assertEquals(0, spent(cell).getInt("exportsLeft"));
    }

    @Test
    void aProjectTheBoundsDoNotCoverIsRefusedWithoutSpending() {
        String cell = run + "-wide";
        assertEquals(201, cellOwner.post("projects?pid=" + cell + "&enableHistogram=true", "{}").status());
        assertEquals(200, cellOwner.post("projects/" + cell + "/learn", CsvDataFrames.dataFrame(HOUSING)).status());
        privacy(cellOwner.post("projects/" + cell + "/privacy", SETTINGS.replace(bound("TAX", 150, 750), bound("TAX", 150, 500))));
        Reply refused = cellOwner.get("projects/" + cell + "/export");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.statusString().contains("attribute 'TAX' has held values outside its declared bounds [150.0, 500.0]"),
                refused::toString);
        assertEquals(0, spent(cell).getInt("exports"));

        String plain = run + "-plain";
        assertEquals(201, cellOwner.post("projects?pid=" + plain, "{}").status());
        Reply noHistograms = cellOwner.post("projects/" + plain + "/privacy", SETTINGS);
        assertEquals(409, noHistograms.status(), noHistograms::toString);
        assertTrue(noHistograms.statusString().contains("enableHistogram=true"), noHistograms::toString);

        Reply malformed = cellOwner.post("projects/" + plain + "/privacy", "{\"epsilon\": 0, \"bounds\": []}");
        assertEquals(400, malformed.status(), malformed::toString);
    }

    /**
     * The fusion's info once its first merge is in: on a loaded machine the first refresh may outlast
     * the cell deadline of the IT configuration: the fusion answers 503, or no rows, until a refresh is done.
     */
    private JsonObject firstMerge(String fusion) {
        long deadline = System.currentTimeMillis() + 120_000;
        Reply info = fusionOwner.signed().get("projects/" + fusion + "/info");
        while ((info.status() == 503 || info.status() == 200 && info.values().getJsonObject("smlInfo").getInt("rowCount") == 0)
                && System.currentTimeMillis() < deadline) {
            ModelCalls.sleep(500);
            info = fusionOwner.signed().get("projects/" + fusion + "/info");
        }
        assertEquals(200, info.status(), info::toString);
        return info.values().getJsonObject("smlInfo");
    }

    private void learnRow(String cell, String[] names, String row) {
        Reply learned = cellOwner.post("projects/" + cell + "/learn", CsvDataFrames.dataFrame(names, List.of(row), "C"));
        assertEquals(200, learned.status(), learned::toString);
    }

    private void assertBudgetSpent(String cell) {
        Reply refused = cellOwner.get("projects/" + cell + "/export");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.statusString().startsWith("Privacy budget spent for project [" + cell + "]: ε used 1000.00 of 1000.00"),
                refused::toString);
    }

    private String export(String cell) {
        Reply exported = cellOwner.get("projects/" + cell + "/export");
        assertEquals(200, exported.status(), exported::toString);
        return exported.values().getString("string");
    }

    private JsonObject spent(String cell) {
        return privacy(cellOwner.get("projects/" + cell + "/privacy"));
    }

    private static JsonObject privacy(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("privacy");
    }
}
