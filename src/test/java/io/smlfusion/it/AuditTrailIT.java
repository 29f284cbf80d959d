package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.audit.Sha256;
import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Issue 11 §5, the audit trail, across two processes: cells on the cell server, their fusion on the
 * main server. After one fused exploration the cell server has recorded each export it released
 * (caller, SHA-256 of the bytes), the main server the fused answer naming the same cell hashes, and
 * the answer's {@code smlInfo} shows them too. Non-administrators cannot read {@code admin/audit};
 * a customer's own trail holds its projects only.
 */
class AuditTrailIT {

    private final FusionClient fusionOwner = FusionClient.itServer();
    private final FusionClient cellOwner = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "au" + System.nanoTime();

    /** Other tests stop the cell server on purpose: a running one stays as it is. */
    @BeforeAll
    static void startTheCellServer() {
        CellServer.server().start();
    }

    @Test
    void aFusedAnswerAndTheExportsItUsedCarryTheSameHashes() throws InterruptedException {
        cellOwner.cellProject(run + "-r1", "housing-fed3/housing1.csv");
        cellOwner.cellProject(run + "-r2", "housing-fed3/housing2.csv");
        List<CellInfo> cells = List.of(cellOwner.cell(run + "-r1"), cellOwner.cell(run + "-r2"));
        String fusion = run + "-f";
        assertEquals(201, fusionOwner.create(fusion, false, cells).status());

        Reply explored = exploreOnceMerged(fusion);
        JsonObject info = explored.values().getJsonObject("smlInfo");
        String mergeHash = info.getJsonObject("fusionMerge").getString("sha256");
        List<String> cellHashes = info.getJsonArray("fusionCells").getValuesAs(JsonObject.class).stream()
                .map(cell -> cell.getString("sha256")).toList();

        // the cell server: one export per cell, called with the key of the fusion's cell list
        List<JsonObject> exports = awaitEntries(cellOwner.signed(), "admin/audit?cid=" + CellServer.CID,
                e -> e.getString("pid").startsWith(run + "-r") && e.getString("kind").equals("EXPORT"), 2);
        for (int k = 0; k < 2; k++) {
            String pid = run + "-r" + (k + 1);
            JsonObject export = exports.stream().filter(e -> e.getString("pid").equals(pid)).findFirst().orElseThrow();
            assertEquals(CellServer.CID, export.getString("caller"));
            assertEquals(CellServer.CID, export.getString("cid"));
            assertEquals("export", export.getString("call"));
            assertEquals(cellHashes.get(k), export.getString("sha256"), "the fusion received the bytes the cell recorded");
            assertEquals(sha256OfExport(cellOwner.signed(), pid), export.getString("sha256"), "the hash is SHA-256 of the bytes");
        }

        // the fusion server: one fused answer for the exploration, naming the merge and its cells
        List<JsonObject> answers = awaitEntries(fusionOwner.signed(), "audit",
                e -> e.getString("pid").equals(fusion), 1);
        assertEquals(1, answers.size(), "one entry per answer, though it read the merge twice (answer and smlInfo): " + answers);
        JsonObject answer = answers.get(0);
        assertEquals("FUSED_ANSWER", answer.getString("kind"));
        assertEquals("explore", answer.getString("call"));
        assertEquals(SignedClient.BOOTSTRAP_CID, answer.getString("caller"));
        assertEquals(info.getJsonObject("fusionMerge").getJsonNumber("rowCount").longValue(), answer.getJsonNumber("rowCount").longValue());
        assertEquals(mergeHash, answer.getString("sha256"));
        assertEquals(cellHashes, answer.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                .map(cell -> cell.getString("sha256")).toList());
        assertEquals(List.of(run + "-r1", run + "-r2"), answer.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                .map(cell -> cell.getString("pid")).toList());
    }

    @Test
    void onlyAdministratorsReadEveryoneAndACustomerReadsItsOwnProjects() throws InterruptedException {
        SignedClient admin = SignedClient.bootstrap();
        String cid = run + "-o";
        Reply created = admin.post("admin/customers?newCid=" + cid, null);
        assertEquals(201, created.status(), created::toString);
        SignedClient customer = new SignedClient(cid, created.values().getJsonObject("smlCredentials").getString("smlusersecretkey"));

        Reply refused = customer.get("admin/audit");
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.statusString().contains("not an administrator"), refused::toString);

        assertEquals(201, customer.post("projects?pid=" + run + "-mine", "{}").status());
        // rows enough for the disclosure control of a server that keeps the defaults (the PostgreSQL run)
        assertEquals(200, customer.post("projects/" + run + "-mine/learn", CsvDataFrames.dataFrame("housing-fed3/housing1.csv")).status());
        String hash = sha256OfExport(customer, run + "-mine");
        fusionOwner.cellProject(run + "-theirs", "housing-fed3/housing3.csv");
        sha256OfExport(admin, run + "-theirs");

        List<JsonObject> own = awaitEntries(customer, "audit", e -> true, 1);
        assertEquals(1, own.size(), own::toString);
        assertEquals(run + "-mine", own.get(0).getString("pid"));
        assertEquals(cid, own.get(0).getString("caller"));
        assertEquals(hash, own.get(0).getString("sha256"));
        assertEquals(CsvDataFrames.lines("housing-fed3/housing1.csv").size() - 1L, own.get(0).getJsonNumber("rowCount").longValue());
        List<JsonObject> everyone = awaitEntries(admin, "admin/audit?size=500", e -> e.getString("pid").startsWith(run), 2);
        assertEquals(Map.of(run + "-mine", cid, run + "-theirs", SignedClient.BOOTSTRAP_CID), Map.of(
                everyone.get(0).getString("pid"), everyone.get(0).getString("cid"),
                everyone.get(1).getString("pid"), everyone.get(1).getString("cid")));
    }

    @Test
    void badParametersAreRefusedByName() {
        SignedClient admin = SignedClient.bootstrap();
        assertRefused(admin.get("admin/audit?size=0"), "size must be an integer from 1 to 500");
        assertRefused(admin.get("audit?page=x"), "page must be an integer from 0 to");
        assertRefused(admin.get("audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), "must be before to");
        assertRefused(admin.get("admin/audit?cid=a%20b"), "cid must be a customer id");
        Reply page = admin.get("audit?size=1");
        assertEquals(200, page.status(), page::toString);
        assertEquals(1, page.values().getJsonObject("auditPage").getInt("size"));
    }

    /**
     * A fused exploration; a 503 (the cells did not answer within the deadline on a busy machine, so
     * no merge and nothing released or recorded yet) is asked again, as its message says.
     */
    private Reply exploreOnceMerged(String fusion) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply explored = fusionOwner.signed().post("projects/" + fusion + "/explore?metric=uni&returnProjectInfo=true",
                    ExploreIT.contexts("{\"inputAttributes\":[\"0\"]}"));
            if (explored.status() != 503 || System.currentTimeMillis() > deadline) {
                assertEquals(200, explored.status(), explored::toString);
                return explored;
            }
            Thread.sleep(500);
        }
    }

        private static void assertRefused(Reply reply, String message) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.statusString().contains(message), reply::toString);
    }

    /** Exports again (the cells are unchanged, so the bytes are the same) and hashes what arrived. */
    private static String sha256OfExport(SignedClient client, String pid) {
        Reply export = client.get("projects/" + pid + "/export");
        assertEquals(200, export.status(), export::toString);
        return Sha256.hex(Base64.getDecoder().decode(export.values().getString("string")));
    }

    /** The entries of the first page that match, once there are {@code expected} of them: entries are written just after the answer. */
    private static List<JsonObject> awaitEntries(SignedClient client, String call, Predicate<JsonObject> wanted, int expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            Reply reply = client.get(call);
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> found = new ArrayList<>(reply.values().getJsonObject("auditPage").getJsonArray("entries")
                    .getValuesAs(JsonObject.class).stream().filter(wanted).toList());
            if (found.size() >= expected) {
                return found;
            }
            assertTrue(System.currentTimeMillis() < deadline, "never recorded: " + reply);
            Thread.sleep(100);
        }
    }
}
