package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.CellList;
import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.SecretKeys;

/**
 * Fusion projects over HTTP (spec §6, DESIGN §6) with their cells on the integration-test server,
 * whose refresh interval the pom sets to 2000 ms and cell read timeout to 1500 ms; the interval
 * itself is checked on the cell server, whose interval is the default.
 */
class FusionIT {

    private static final long INTERVAL_MS = 2000;
    /** The cell server keeps the product's defaults: {@code rtlm.option.sml.fusion.prefetch.min.time.ms}, {@code smlfusion.fusion.cell.deadline.ms}. */
    private static final long CELL_SERVER_INTERVAL_MS = 15_000;
    private static final long CELL_SERVER_DEADLINE_MS = 30_000;
    private static final String H1 = "housing-fed3/housing1.csv";
    private static final String H2 = "housing-fed3/housing2.csv";
    private static final String H3 = "housing-fed3/housing3.csv";

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "fu" + System.nanoTime();

    @Test
    void aFusionOfThreeCellsEqualsOneProjectThatLearnedThemAll() {
        owner.cellProject(run + "-h1", H1);
        owner.cellProject(run + "-h2", H2);
        owner.cellProject(run + "-h3", H3);
        owner.cellProject(run + "-all", H1, H2, H3);
        List<CellInfo> cells = List.of(owner.cell(run + "-h1"), owner.cell(run + "-h2"), owner.cell(run + "-h3"));
        String fusion = run + "-f";

        Reply created = owner.create(fusion, false, cells);
        assertEquals(201, created.status(), created::toString);
        assertEquals("Fusion Project Created with id:" + fusion, created.statusString());
        Reply again = owner.create(fusion, false, cells);
        assertEquals(409, again.status(), again::toString);
        assertEquals("Customer [" + client.cid() + "] already have SYMETRYML with id[" + fusion + "], ", again.statusString());

        Reply infoReply = client.get("projects/" + fusion + "/info");
        JsonObject info = infoReply.values().getJsonObject("smlInfo");
        assertEquals("fusion", info.getString("type"));
        assertEquals(406, info.getInt("rowCount"));
        assertEquals(14, info.getJsonArray("attributeNames").size());
        assertFalse(infoReply.body().contains(SignedClient.BOOTSTRAP_SECRET), "no cell secret in clear in info");
        assertEquals(CellList.toJson(cells), owner.decrypt(info.getString("fusionCellInfo"), BodyEncryption.AES_CBC));
        assertFalse(info.getJsonObject("params").containsKey("fusion_fetch_error"));
        assertEquals(false, info.getJsonObject("fusionMerge").getBoolean("partial"));
        assertEquals(3, info.getJsonObject("fusionMerge").getInt("cellsMerged"));
        JsonObject second = info.getJsonArray("fusionCells").getJsonObject(1);
        assertEquals("OK", second.getString("status"));
        assertEquals(100, second.getInt("rowCount"));
        assertTrue(second.getBoolean("inMerge"));
        assertFalse(second.containsKey("sk"));

        // the fused statistics, read through the public API: merged into an empty project and exported
        String copy = run + "-copy";
        owner.cellProject(copy);
        assertEquals(200, client.get("projects/" + copy + "/merge?otherProjectName=" + fusion).status());
        ProjectStatistics expected = StatisticsAssertions.decodeExport(client.get("projects/" + run + "-all/export"));
        ProjectStatistics fused = StatisticsAssertions.decodeExport(client.get("projects/" + copy + "/export"));
        StatisticsAssertions.assertSameStatistics(expected, fused, 1e-12);
    }

    @Test
    void aPlainJsonCellListIsRefusedSayingHowToEncryptIt() {
        owner.cellProject(run + "-plain1", H1);
        String plain = CellList.toJson(List.of(owner.cell(run + "-plain1")));
        Reply refused = client.post("projects/fusion/create?pid=" + run + "-plain", plain);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.statusString().startsWith("The cell list arrived as plain JSON: a FusionCellInfoList travels encrypted with"
                + " your key. Encrypt it first, e.g. bin/sml --encrypt POST"), refused::toString);
    }

    @Test
    void anExplorationThatMissesAnAttributeNamesTheCellsThatFailed() {
        owner.cellProject(run + "-m1", H1);
        String fusion = run + "-mf";
        List<CellInfo> cells = List.of(owner.cell(run + "-m1"), owner.cell(run + "-missing"));
        assertEquals(201, owner.create(fusion, false, cells).status());
        Reply explored = client.post("projects/" + fusion + "/explore?metric=uni",
                "{\"values\":[{\"inputAttributeNames\":[\"MEDV\"]}]}");
        assertEquals(400, explored.status(), explored::toString);
        assertTrue(explored.statusString().contains("no attribute named 'MEDV'; these cells of the fusion are not OK: "
                + SignedClient.BASE + " cid=" + client.cid() + " pid=" + run + "-missing: NOT_FOUND ("), explored::toString);
    }

    @Test
    void readingWorksAndWritingIsRefused() {
        owner.cellProject(run + "-r1", H1);
        String fusion = run + "-rf";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-r1"))).status());

        for (String refused : List.of("learn", "forget")) {
            Reply reply = client.post("projects/" + fusion + "/" + refused, CsvDataFrames.dataFrame(H1));
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.statusString().contains("a fusion holds no rows of its own"), reply::toString);
        }
        Reply dataSource = client.get("projects/" + fusion + "/addds/ds1");
        assertEquals(400, dataSource.status(), dataSource::toString);
        assertTrue(dataSource.statusString().contains("cannot be given data sources: a fusion holds no rows of its own"),
                dataSource::toString);
        assertTrue(client.get("projects/list").values().getJsonObject("stringList").getJsonArray("values")
                .getValuesAs(JsonString.class).stream().anyMatch(s -> s.getString().equals(fusion)));
        assertEquals(201, client.get("projects/" + fusion + "/rename?newName=" + fusion + "-b").status());
        assertEquals(25, owner.info(fusion + "-b").getInt("rowCount"));
        assertEquals(200, client.get("projects/" + fusion + "-b/save").status());
        assertTrue(owner.info(fusion + "-b").getBoolean("persisted"));
        Reply deleted = client.delete("projects/" + fusion + "-b");
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(400, client.get("projects/" + fusion + "-b/info").status());
    }

    /**
     * On the cell server, whose refresh interval is the default 15 s: long enough that the reads
     * right after a learn fall inside it on any machine that runs the suite. Every check is an
     * ordering on the wall clock the test and the server share, never a duration that load could
     * stretch: the first refresh starts after the fusion was created, and any refresh after it — the
     * only kind that can see the new rows — at least one interval after the first.
     */
    @Test
    void newRowsOfACellAreInvisibleUntilTheIntervalHasPassed() throws InterruptedException {
        CellServer.server().start();
        FusionClient cells = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
        cells.cellProject(run + "-i1", H1);
        cells.cellProject(run + "-i2", H2);
        String fusion = run + "-if";
        long created = System.currentTimeMillis();
        assertEquals(201, cells.create(fusion, false, List.of(cells.cell(run + "-i1"), cells.cell(run + "-i2"))).status());
        assertEquals(125, cells.info(fusion).getInt("rowCount"));

        // ten rows: the cell server's minimum change between two releases of a cell's export
        List<String> rows = CsvDataFrames.lines(H2).subList(1, 11);
        String[] names = CsvDataFrames.lines(H2).get(0).split(",");
        assertEquals(200, cells.signed().post("projects/" + run + "-i1/learn", CsvDataFrames.dataFrame(names, rows, "C")).status());
        long learned = System.currentTimeMillis();
        long earliestRefresh = created + CELL_SERVER_INTERVAL_MS;
        int readsInsideTheInterval = 0;
        while (true) {
            long sent = System.currentTimeMillis();
            int count = cells.info(fusion).getInt("rowCount");
            long answered = System.currentTimeMillis();
            if (answered < earliestRefresh) {
                assertEquals(125, count, "the new rows are visible " + (answered - created)
                        + " ms after the fusion was created, inside the interval of " + CELL_SERVER_INTERVAL_MS + " ms");
                readsInsideTheInterval++;
            }
            if (count == 135) {
                break;
            }
            assertEquals(125, count);
            // sent this late, the read is due, and any refresh started before the learn is over
            assertTrue(sent < learned + CELL_SERVER_INTERVAL_MS + CELL_SERVER_DEADLINE_MS,
                    "the new rows are still invisible to a read sent " + (sent - learned) + " ms after they were learned");
            Thread.sleep(200);
        }
        assertTrue(readsInsideTheInterval > 0, "no read after the learn was answered inside the interval: the check above never ran");
    }

    @Test
    void updateCellsInfoTakesEffectAtOnce() {
        owner.cellProject(run + "-u1", H1);
        owner.cellProject(run + "-u2", H2);
        String fusion = run + "-uf";
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-u1"), owner.cell(run + "-u2"))).status());
        assertEquals(125, owner.info(fusion).getInt("rowCount"));

        Reply updated = owner.update(fusion, List.of(owner.cell(run + "-u2")));
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(100, owner.info(fusion).getInt("rowCount"), "no waiting for the refresh interval");
        assertEquals(1, owner.info(fusion).getJsonObject("fusionMerge").getInt("cellsTotal"));

        Reply unknown = owner.update(run + "-none", List.of(owner.cell(run + "-u2")));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]", unknown.statusString());
        Reply notFusion = owner.update(run + "-u1", List.of(owner.cell(run + "-u2")));
        assertEquals(400, notFusion.status(), notFusion::toString);
        assertEquals("Project [" + run + "-u1] is a cpu project, not a fusion project", notFusion.statusString());
    }

    @Test
    void eachKindOfFailingCellIsNamedInCellsStatusAndInTheFetchError() throws IOException {
        owner.cellProject(run + "-s1", H1);
        owner.cellProject(run + "-s2", H1);
        int closedPort = closedPort();
        try (CellStub silent = new CellStub(new byte[0]); CellStub garbage = new CellStub("not a snapshot".getBytes(StandardCharsets.US_ASCII))) {
            silent.hang();
            List<CellInfo> cells = List.of(
                    owner.cell(run + "-s1"),
                    new CellInfo(SignedClient.BASE, client.cid(), SecretKeys.generate(), run + "-s2"),
                    owner.cell(run + "-nothere"),
                    new CellInfo("http://localhost:" + closedPort, client.cid(), SignedClient.BOOTSTRAP_SECRET, "closed"),
                    new CellInfo("http://no-such-host.invalid:9080", client.cid(), SignedClient.BOOTSTRAP_SECRET, "nohost"),
                    new CellInfo(silent.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, "silent"),
                    new CellInfo(garbage.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, "garbage"));
            String fusion = run + "-sf";
            assertEquals(201, owner.create(fusion, false, List.of(cells.get(0))).status());

            Map<String, String> statuses = owner.cellsStatus(fusion, cells);
            assertEquals(List.of(run + "-s1", run + "-s2", run + "-nothere", "closed", "nohost", "silent", "garbage"),
                    List.copyOf(statuses.keySet()), "in list order");
            assertEquals("OK", statuses.get(run + "-s1"));
            assertEquals("UNAUTHORIZED (HTTP 401: the cell refused the signature of this cid and sk)", statuses.get(run + "-s2"));
            assertEquals("NOT_FOUND (HTTP 400: the cell has no such project for this cid)", statuses.get(run + "-nothere"));
            assertTrue(statuses.get("closed").startsWith("UNREACHABLE ("), statuses::toString);
            assertTrue(statuses.get("nohost").startsWith("UNREACHABLE ("), statuses::toString);
            assertTrue(statuses.get("silent").startsWith("TIMEOUT ("), statuses::toString);
            assertTrue(statuses.get("garbage").startsWith("INCOMPATIBLE (snapshot: not an sml-fusion snapshot"), statuses::toString);
            assertEquals("OK", owner.cellsStatusGcm(fusion, List.of(cells.get(0))).get(run + "-s1"), "answered in the request's scheme");

            String failing = run + "-sff";
            assertEquals(201, owner.create(failing, false, cells.subList(1, cells.size())).status());
            JsonObject info = owner.info(failing);
            assertEquals(0, info.getInt("rowCount"), "every cell is required by default: no merge");
            String error = info.getJsonObject("params").getString("fusion_fetch_error");
            String owned = " cid=" + client.cid() + " pid=";
            for (String expected : List.of(SignedClient.BASE + owned + run + "-s2: UNAUTHORIZED (",
                    SignedClient.BASE + owned + run + "-nothere: NOT_FOUND (", "http://localhost:" + closedPort + owned + "closed: UNREACHABLE (",
                    silent.host() + owned + "silent: TIMEOUT (", garbage.host() + owned + "garbage: INCOMPATIBLE (")) {
                assertTrue(error.contains(expected), expected + " in " + error);
            }
            assertFalse(error.contains(SignedClient.BOOTSTRAP_SECRET));
        }

        Reply unknown = client.post("projects/fusion/" + run + "-none/cellsStatus", owner.encrypt(CellList.toJson(List.of(owner.cell("x")))));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]", unknown.statusString());
    }

    @Test
    void theLastGoodMergeKeepsServingWhileCellsFail() throws IOException, InterruptedException {
        owner.cellProject(run + "-k1", H1);
        owner.cellProject(run + "-k2", H2);
        owner.cellProject(run + "-k3", H3);
        byte[] third = Base64.getDecoder().decode(client.get("projects/" + run + "-k3/export").values().getString("string"));
        try (CellStub stub = new CellStub(third)) {
            String fusion = run + "-kf";
            assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-k1"), owner.cell(run + "-k2"),
                    new CellInfo(stub.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, "stubbed"))).status());
            assertEquals(406, owner.info(fusion).getInt("rowCount"));

            assertEquals(200, client.delete("projects/" + run + "-k2").status());
            stub.hang();
            JsonObject info = await(fusion, i -> i.getJsonObject("params").containsKey("fusion_fetch_error"));
            assertEquals(406, info.getInt("rowCount"), "the last good merge keeps serving");
            String error = info.getJsonObject("params").getString("fusion_fetch_error");
            assertTrue(error.startsWith(SignedClient.BASE + " cid=" + client.cid() + " pid=" + run
                    + "-k2: NOT_FOUND (HTTP 400: the cell has no such project for this cid); "), error);
            assertTrue(error.contains("; " + stub.host() + " cid=" + client.cid() + " pid=stubbed: TIMEOUT ("), error);
            assertTrue(info.getJsonObject("fusionMerge").getBoolean("lastRefreshFailed"));
            JsonObject k2 = info.getJsonArray("fusionCells").getJsonObject(1);
            assertEquals("NOT_FOUND", k2.getString("status"));
            assertTrue(k2.getBoolean("inMerge"));
            assertTrue(k2.getInt("snapshotAgeMs") >= INTERVAL_MS);
        }
    }

    @Test
    void invalidCellListsAreRefused() {
        String pid = run + "-bad";
        String cellJson = CellList.toJson(List.of(owner.cell("p1")));
        assertEquals("The body could not be decrypted with the customer's key (AES-CBC: wrong key, or not a whole number of blocks)",
                refused(pid, Base64.getEncoder().encodeToString("not encrypted at all".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("Invalid FusionCellInfoList: the decrypted body is not a JSON object", refused(pid, owner.encrypt("hello")));
        assertEquals("Invalid FusionCellInfoList: the list of cells is empty", refused(pid, owner.encrypt("{\"values\":[]}")));
        assertEquals("Invalid FusionCellInfoList: cell 1 needs the string field \"host\"",
                refused(pid, owner.encrypt(cellJson.replace("\"host\"", "\"hots\""))));
        assertEquals("Invalid FusionCellInfoList: cells 1 and 2 are the same cell (host, cid and pid)",
                refused(pid, owner.encrypt(CellList.toJson(List.of(owner.cell("p1"), owner.cell("p1"))))));
        assertEquals("Invalid FusionCellInfoList: cell 1: host [ftp://cell:21] is not an http or https URL",
                refused(pid, owner.encrypt(CellList.toJson(List.of(new CellInfo("ftp://cell:21", "c", SignedClient.BOOTSTRAP_SECRET, "p"))))));
        assertEquals(400, client.get("projects/" + pid + "/info").status(), "nothing was created");

        String quoted = "\"" + owner.encrypt(cellJson) + "\"";
        Reply plain = client.send("POST", "projects/fusion/create?pid=" + pid, quoted.getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "text/plain"));
        assertEquals(201, plain.status(), "a JSON-quoted body as text/plain is fine: " + plain);
    }

    private String refused(String pid, String body) {
        Reply reply = client.post("projects/fusion/create?pid=" + pid, body);
        assertEquals(400, reply.status(), reply::toString);
        return reply.statusString();
    }

    /** Reads the fusion's info until {@code condition} holds (each read may start a refresh). */
    private JsonObject await(String fusion, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + INTERVAL_MS + 15_000;
        JsonObject info = owner.info(fusion);
        while (!condition.test(info)) {
            assertTrue(System.currentTimeMillis() < deadline, "condition never held; last info " + info);
            Thread.sleep(50);
            info = owner.info(fusion);
        }
        return info;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
