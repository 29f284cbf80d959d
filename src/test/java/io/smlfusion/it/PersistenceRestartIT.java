package io.smlfusion.it;

import static io.smlfusion.it.CsvDataFrames.dataFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * A restart keeps projects created with {@code persist=true} (saved by autosave or by {@code /save})
 * and loses the others. Restarts the {@linkplain CellServer cell server}, which an earlier test may
 * have left stopped.
 */
class PersistenceRestartIT {

    private final SignedClient client = CellServer.client();
    private final String run = "restart" + System.nanoTime();

    @Test
    void persistedProjectsSurviveARestart() throws InterruptedException {
        LibertyServer server = CellServer.server();
        server.start();
        String autosaved = run + "-auto";
        String manual = run + "-manual";
        String volatileProject = run + "-mem";
        assertEquals(201, client.post("projects?pid=" + autosaved + "&persist=true", "{}").status());
        assertEquals(201, client.post("projects?pid=" + manual + "&persist=true", "{\"sml_project_autosave\":\"false\"}").status());
        assertEquals(201, client.post("projects?pid=" + volatileProject, "{}").status());
        for (String pid : new String[] {autosaved, manual, volatileProject}) {
            assertEquals(200, client.post("projects/" + pid + "/learn", dataFrame("housing-fed3/housing2.csv")).status());
        }
        assertEquals(200, client.get("projects/" + manual + "/save").status());
        String autosavedExport = client.get("projects/" + autosaved + "/export").values().getString("string");
        String manualExport = client.get("projects/" + manual + "/export").values().getString("string");
        Thread.sleep(3000); // autosave coalesces updates for smlfusion.autosave.delay.ms (1 s by default)

        server.stop();
        server.start();

        assertEquals(autosavedExport, client.get("projects/" + autosaved + "/export").values().getString("string"));
        assertEquals(manualExport, client.get("projects/" + manual + "/export").values().getString("string"));
        Reply gone = client.get("projects/" + volatileProject + "/info");
        assertEquals(400, gone.status(), gone::toString);
        assertEquals(100, client.get("projects/" + autosaved + "/info").values().getJsonObject("smlInfo").getInt("rowCount"));
    }
}
