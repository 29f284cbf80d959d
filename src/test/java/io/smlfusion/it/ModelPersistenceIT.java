package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static io.smlfusion.it.ModelIT.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Models live in their project (spec §8, DESIGN §8): those of a {@code persist=true} project — cell
 * or fusion — survive a restart of the {@linkplain CellServer cell server}, follow a rename, leave
 * with a deleted project, and a restored fusion predicts with its model although its cells are gone.
 * Models of a project that is not persisted do not survive.
 */
class ModelPersistenceIT {

    private static final String TEST = "housing-fed3/housing_test.csv";
    private static final String MLR = mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of());

    private final FusionClient owner = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "mp" + System.nanoTime();

    @Test
    void modelsOfPersistedProjectsSurviveARestart() throws InterruptedException {
        LibertyServer server = CellServer.server();
        server.start();
        String rows = CsvDataFrames.dataFrame(TEST);

        String a = run + "-a";
        persisted(a, "{}", HOUSING);
        models.built(a, "m1", "mlr", MLR);
        models.built(a, "m2", "ridge", mlContext("MEDV", List.of("RM", "LSTAT"), Map.of("lambda", "0.1")));
        String exported = client.get("projects/" + a + "/model/export?modelid=m1").values().getString("string");
        assertEquals(200, client.post("projects/" + a + "/model/import?modelid=m3", exported).status());
        assertEquals(200, client.delete("projects/" + a + "/models/m2").status());
        assertEquals(201, client.get("projects/" + a + "/rename?newName=" + a + "2").status());
        String renamed = a + "2";
        JsonObject m1 = models.info(renamed, "m1");
        List<Map<String, String>> m1Predictions = models.predict(renamed, "m1", rows);

        String manual = run + "-c";
        persisted(manual, "{\"sml_project_autosave\":\"false\"}", HOUSING);
        models.built(manual, "mc", "mlr", MLR);
        assertEquals(200, client.get("projects/" + manual + "/save").status());

        String savedLater = run + "-e";
        owner.cellProject(savedLater, HOUSING);
        models.built(savedLater, "me", "mlr", MLR);
        assertEquals(200, client.get("projects/" + savedLater + "/save").status());

        String volatileProject = run + "-b";
        owner.cellProject(volatileProject, HOUSING);
        models.built(volatileProject, "mb", "mlr", MLR);

        String recreated = run + "-d";
        persisted(recreated, "{}", HOUSING);
        models.built(recreated, "md", "mlr", MLR);
        assertEquals(200, client.delete("projects/" + recreated).status());
        persisted(recreated, "{}", HOUSING[0]);

        List<CellInfo> cells = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            persisted(run + "-f" + k, "{}", HOUSING[k]);
            cells.add(owner.cell(run + "-f" + k));
        }
        String fusion = run + "-f";
        assertEquals(201, owner.create(fusion, true, cells).status());
        JsonObject mf = models.built(fusion, "mf", "mlr", MLR);
        List<Map<String, String>> fusionPredictions = models.predict(fusion, "mf", rows);
        Thread.sleep(3000); // autosave of the learned statistics: smlfusion.autosave.delay.ms (1 s by default)

        server.stop();
        server.start();

        JsonObject info = owner.info(renamed);
        assertEquals(List.of("m1", "m3"), strings(info.getJsonArray("modelsList")), "built, imported, deleted, renamed");
        assertEquals(List.of("mlr", "mlr"), strings(info.getJsonArray("modelTypeList")));
        assertEquals(m1, models.info(renamed, "m1"), "the same ModelInfo");
        assertEquals(m1Predictions, models.predict(renamed, "m1", rows), "the same predictions");
        assertEquals(m1Predictions, models.predict(renamed, "m3", rows));
        assertEquals(400, client.get("projects/" + a + "/info").status(), "nothing left under the old id");
        assertEquals(List.of("mc"), strings(owner.info(manual).getJsonArray("modelsList")));
        assertEquals(List.of("me"), strings(owner.info(savedLater).getJsonArray("modelsList")));
        assertEquals(400, client.get("projects/" + volatileProject + "/info").status());
        assertEquals(List.of(), strings(owner.info(recreated).getJsonArray("modelsList")), "deleted with its project");

        for (int k = 0; k < 3; k++) {
            assertEquals(200, client.delete("projects/" + run + "-f" + k).status());
        }
        assertEquals(mf, models.info(fusion, "mf"));
        assertEquals(fusionPredictions, models.predict(fusion, "mf", rows), "a restored fusion predicts without its cells");
        JsonObject fusionInfo = owner.info(fusion);
        assertEquals(0, fusionInfo.getInt("rowCount"), "its cells are gone indeed");
        assertTrue(fusionInfo.getJsonObject("params").containsKey("fusion_fetch_error"));
        assertEquals(List.of("mf"), strings(fusionInfo.getJsonArray("modelsList")));
    }

    private void persisted(String pid, String options, String... csv) {
        Reply created = client.post("projects?pid=" + pid + "&persist=true", options);
        assertEquals(201, created.status(), created::toString);
        for (String file : csv) {
            Reply learned = client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(file));
            assertEquals(200, learned.status(), learned::toString);
        }
    }
}
