package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static io.smlfusion.it.ModelIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;
import jakarta.json.JsonObject;

/**
 * Issue 13 §3: {@code histogramEnable} on a cell (histograms from the next learn, said in info)
 * and on a fusion (refused: its histograms come from its cells, shown in its info when every cell
 * keeps them); {@code impute} on {@code predict} and {@code learnpredict} on a cell and a fusion.
 */
class ProjectOptionsIT {

    private static final String HOUSING_MODEL = mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of());

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "po" + System.nanoTime();

    @Test
    void histogramEnableOnACellStartsHistogramsFromTheNextLearn() {
        String pid = run + "-h";
        owner.cellProject(pid, HOUSING[0]);
        int firstRows = owner.info(pid).getInt("rowCount");
        assertFalse(owner.info(pid).getBoolean("histogramEnabled"));

        assertEquals(200, client.post("projects/" + pid + "/histogramEnable?enable=true", "").status());
        JsonObject enabled = owner.info(pid);
        assertTrue(enabled.getBoolean("histogramEnabled"));
        assertEquals(0, enabled.getInt("histogramRows"), "the rows learned before are not in the histograms");
        assertEquals(firstRows, enabled.getInt("rowCount"));

        assertEquals(200, client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(HOUSING[1])).status());
        JsonObject learned = owner.info(pid);
        int secondRows = CsvDataFrames.lines(HOUSING[1]).size() - 1;
        assertEquals(secondRows, learned.getInt("histogramRows"), "histograms from the next learn");
        assertEquals(firstRows + secondRows, learned.getInt("rowCount"));

        assertEquals(200, client.post("projects/" + pid + "/histogramEnable?enable=false", "").status());
        JsonObject disabled = owner.info(pid);
        assertFalse(disabled.getBoolean("histogramEnabled"));
        assertFalse(disabled.containsKey("histogramRows"));

        assertRefused(400, "histogramEnable needs the query parameter enable=true or enable=false",
                client.post("projects/" + pid + "/histogramEnable", ""));
        assertRefused(400, "Query parameter enable must be true or false, not [maybe]",
                client.post("projects/" + pid + "/histogramEnable?enable=maybe", ""));
        assertRefused(400, "Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]",
                client.post("projects/" + run + "-none/histogramEnable?enable=true", ""));
    }

    @Test
    void aFusionsHistogramsComeFromItsCells() {
        List<CellInfo> cells = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String pid = run + "-c" + k;
            assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
            assertEquals(200, client.post("projects/" + pid + "/histogramEnable?enable=true", "").status());
            assertEquals(200, client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(HOUSING[k])).status());
            cells.add(owner.cell(pid));
        }
        String fusion = run + "-f";
        assertEquals(201, owner.create(fusion, false, cells).status());
        JsonObject info = owner.info(fusion);
        assertTrue(info.getBoolean("histogramEnabled"), info::toString);
        assertEquals(info.getInt("rowCount"), info.getInt("histogramRows"), "every cell kept histograms from its first row");

        Reply refused = client.post("projects/" + fusion + "/histogramEnable?enable=false", "");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.statusString().contains("a fusion's histograms come from its cells: enable them there"),
                refused::toString);
    }

    @Test
    void imputeOnPredictAndLearnpredictOnACellAndAFusion() {
        String pid = run + "-i";
        owner.cellProject(pid, HOUSING[0], HOUSING[1]);
        models.built(pid, "m", "mlr", HOUSING_MODEL);
        String withoutCrim = framesWithoutCrim();

        List<Map<String, String>> byMean = models.predict(pid, "m", withoutCrim);
        Reply byRegression = models.predictReply(pid, "m", "?impute=true", withoutCrim);
        assertEquals(200, byRegression.status(), byRegression::toString);
        assertNotEquals(byMean, ModelCalls.rows(byRegression), "impute=true predicts CRIM from the other inputs");

        Reply learned = client.post("projects/" + pid + "/learnpredict/m?impute=true", withoutCrim);
        assertEquals(200, learned.status(), learned::toString);
        assertEquals(ModelCalls.rows(byRegression), ModelCalls.rows(learned),
                "learnpredict imputes like predict, on the statistics before the learn");
        assertRefused(400, "The query parameter impute = 'maybe' is not true or false",
                client.post("projects/" + pid + "/learnpredict/m?impute=maybe", withoutCrim));

        List<CellInfo> cells = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            owner.cellProject(run + "-ic" + k, HOUSING[k]);
            cells.add(owner.cell(run + "-ic" + k));
        }
        String fusion = run + "-if";
        assertEquals(201, owner.create(fusion, false, cells).status());
        models.built(fusion, "fm", "mlr", HOUSING_MODEL);
        Reply fused = models.predictReply(fusion, "fm", "?impute=true", withoutCrim);
        assertEquals(200, fused.status(), fused::toString);
        List<Map<String, String>> fusedRows = ModelCalls.rows(fused);
        List<Map<String, String>> cellRows = ModelCalls.rows(byRegression);
        for (int r = 0; r < cellRows.size(); r++) {
            ModelCalls.assertRelative(Double.parseDouble(cellRows.get(r).get("res")),
                    Double.parseDouble(fusedRows.get(r).get("res")), 1e-9,
                    "row " + r + ": the fusion of the two parts imputes as the project that learned both");
        }
        Reply notLearned = client.post("projects/" + fusion + "/learnpredict/fm?impute=true", withoutCrim);
        assertEquals(400, notLearned.status(), notLearned::toString);
        assertTrue(notLearned.statusString().endsWith("a fusion holds no rows of its own"), notLearned::toString);
    }

    /** The first five rows of housing3.csv without the CRIM column: a model input every row lacks. */
    private static String framesWithoutCrim() {
        List<String> lines = CsvDataFrames.lines(HOUSING[2]);
        List<String> header = new ArrayList<>(List.of(lines.get(0).strip().split(",")));
        int crim = header.indexOf("CRIM");
        header.remove(crim);
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, 6)) {
            List<String> cells = new ArrayList<>(List.of(line.strip().split(",")));
            cells.remove(crim);
            rows.add(String.join(",", cells));
        }
        return CsvDataFrames.dataFrame(header.toArray(String[]::new), rows, "C");
    }
}
