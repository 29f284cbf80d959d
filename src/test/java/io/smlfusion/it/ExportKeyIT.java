package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Export-only keys between two Liberty processes: the owner of a cell project on the cell server
 * gives a fusion on the main server a key that reads that one project's snapshot and nothing else;
 * the key survives a restart of the cell server, and once revoked the fusion reports the cell
 * {@code UNAUTHORIZED}.
 */
class ExportKeyIT {

    private static final String CSV = "housing-fed3/housing1.csv";
    private static final String ONLY_EXPORT_AND_INFO = "may only call GET projects/{pid}/export and GET projects/{pid}/info; ";

    private final FusionClient fusionOwner = FusionClient.itServer();
    private final FusionClient cellOwner = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "xk" + System.nanoTime();

    @Test
    void aFusionReadsACellThroughAnExportKeyUntilItIsRevoked() throws InterruptedException {
        assumeFalse(CellServer.BASE.equals(SignedClient.BASE), "the PostgreSQL run has one server, and this test restarts the cell server under the fusion");
        LibertyServer cellServer = CellServer.server();
        cellServer.start();
        String shared = run + "-shared";
        String other = run + "-other";
        cellOwner.cellProject(shared, true, CSV);
        cellOwner.cellProject(other, "housing-fed3/housing2.csv");
        int rows = CsvDataFrames.lines(CSV).size() - 1;

        Reply created = cellOwner.signed().post("exportKeys", "{\"projects\":[\"" + shared + "\"]}");
        assertEquals(201, created.status(), created::toString);
        JsonObject credentials = created.values().getJsonObject("smlCredentials");
        String keyId = credentials.getString("smlusername");
        String secret = credentials.getString("smlusersecretkey");
        assertTrue(keyId.startsWith("ek-"), keyId);
        JsonObject described = created.values().getJsonObject("exportKey");
        assertEquals(CellServer.CID, described.getString("owner"));
        assertEquals(List.of(shared), described.getJsonArray("projects").getValuesAs(JsonString::getString));
        assertTrue(keyIds(cellOwner.signed().get("exportKeys")).contains(keyId), "the owner lists the key");

        SignedClient key = new SignedClient(CellServer.BASE, keyId, secret);
        Reply viaKey = key.get("projects/" + shared + "/export");
        assertEquals(200, viaKey.status(), viaKey::toString);
        assertEquals(cellOwner.signed().get("projects/" + shared + "/export").values().getString("string"),
                viaKey.values().getString("string"), "the key reads the owner's project");
        Reply info = key.get("projects/" + shared + "/info");
        assertEquals(200, info.status(), info::toString);
        assertEquals(rows, info.values().getJsonObject("smlInfo").getInt("rowCount"));

        // the fusion on the other server lists the key as it would list a customer's
        CellInfo cell = new CellInfo(CellServer.BASE, keyId, secret, shared);
        String fusion = run + "-f";
        assertEquals(201, fusionOwner.create(fusion, false, List.of(cell)).status());
        assertEquals(rows, firstMerge(fusion).getInt("rowCount"));
        assertEquals(Map.of(shared, "OK"), fusionOwner.cellsStatus(fusion, List.of(cell)));

        String learn = CsvDataFrames.dataFrame(CSV);
        assertForbidden(key.post("projects/" + shared + "/learn", learn), "POST projects/" + shared + "/learn");
        assertForbidden(key.post("projects/" + shared + "/forget", learn), "POST projects/" + shared + "/forget");
        assertForbidden(key.delete("projects/" + shared), "DELETE projects/" + shared);
        assertForbidden(key.post("projects/" + shared + "/explore?metric=uni", "{\"values\":[{\"inputAttributes\":[0]}]}"),
                "POST projects/" + shared + "/explore");
        assertForbidden(key.get("projects/list"), "GET projects/list");
        assertForbidden(key.post("exportKeys", "{\"projects\":[\"" + shared + "\"]}"), "POST exportKeys");
        assertForbidden(key.post("admin/customers/" + CellServer.CID + "/exportKeys", "{\"projects\":[\"" + shared + "\"]}"),
                "POST admin/customers/" + CellServer.CID + "/exportKeys");
        assertForbidden(key.post("projects?pid=" + run + "-new", "{}"), "POST projects");
        // another project of the owner and one that does not exist: the same answer
        assertProjectRefused(key.get("projects/" + other + "/export"), keyId, other);
        assertProjectRefused(key.get("projects/" + run + "-none/info"), keyId, run + "-none");
        assertEquals(rows, cellOwner.info(shared).getInt("rowCount"), "nothing the key tried changed the project");

        // the key is in the database: it reads the persisted project after a restart of the cell server
        cellServer.stop();
        cellServer.start();
        Reply afterRestart = key.get("projects/" + shared + "/export");
        assertEquals(200, afterRestart.status(), afterRestart::toString);

        Reply revoked = cellOwner.signed().delete("exportKeys/" + keyId);
        assertEquals(200, revoked.status(), revoked::toString);
        assertFalse(keyIds(cellOwner.signed().get("exportKeys")).contains(keyId), "the owner no longer lists the key");
        Reply afterRevocation = key.get("projects/" + shared + "/export");
        assertEquals(401, afterRevocation.status(), afterRevocation::toString);
        assertEquals("Invalid Signature", afterRevocation.statusString());
        assertEquals(404, cellOwner.signed().delete("exportKeys/" + keyId).status(), "revoked once");

        assertTrue(fusionOwner.cellsStatus(fusion, List.of(cell)).get(shared).startsWith("UNAUTHORIZED"));
        JsonObject fused = fusionOwner.info(fusion);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!fused.getJsonObject("params").getString("fusion_fetch_error", "").contains("UNAUTHORIZED")) {
            assertTrue(System.currentTimeMillis() < deadline, "the revoked key was never reported: " + fused);
            Thread.sleep(100);
            fused = fusionOwner.info(fusion);
        }
        String error = fused.getJsonObject("params").getString("fusion_fetch_error");
        assertTrue(error.startsWith(CellServer.BASE + " cid=" + keyId + " pid=" + shared + ": UNAUTHORIZED"), error);
        assertEquals(rows, fused.getInt("rowCount"), "the last good merge keeps serving");
    }

    /** The fusion's info once its first refresh is done: a cell server under load may take longer than the IT server's cell deadline. */
    private JsonObject firstMerge(String fusion) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        Reply info = fusionOwner.signed().get("projects/" + fusion + "/info");
        while (info.status() == 503 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            info = fusionOwner.signed().get("projects/" + fusion + "/info");
        }
        assertEquals(200, info.status(), info::toString);
        return info.values().getJsonObject("smlInfo");
    }

    private static List<String> keyIds(Reply listed) {
        assertEquals(200, listed.status(), listed::toString);
        return listed.values().getJsonArray("exportKeys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("keyId")).toList();
    }

    private static void assertForbidden(Reply reply, String call) {
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("FORBIDDEN", reply.statusCode());
        assertTrue(reply.statusString().endsWith(ONLY_EXPORT_AND_INFO + call + " is refused"), reply::toString);
    }

    private static void assertProjectRefused(Reply reply, String keyId, String pid) {
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("Export key [" + keyId + "] is not valid for project [" + pid + "]", reply.statusString());
    }
}
