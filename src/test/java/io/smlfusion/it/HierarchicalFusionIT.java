package io.smlfusion.it;

import static io.smlfusion.it.ExploreIT.contexts;
import static io.smlfusion.it.ExploreIT.irisProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.FusionPath;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Issue 11 §2, hierarchical fusions, on two Liberty processes (this server and the pom's cell
 * server): leaf cells on both, a regional fusion on each, and a global fusion over the two regional
 * ones, whose answers equal those of one project that learned every leaf row. Then a cycle — a
 * fusion on each server, each the other's cell — is reported {@code CYCLE} at once, not after a
 * deadline.
 */
class HierarchicalFusionIT {

    /** This server's {@code smlfusion.fusion.cell.deadline.ms} (pom): a call that waited for it would have timed out. */
    private static final long DEADLINE_MS = 8000;

    private final FusionClient here = FusionClient.itServer();
    private final FusionClient there = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "hf" + System.nanoTime();

    /** A project of iris rows {@code from}..{@code to}, its four measurements typed C and the other columns ignored (X). */
    private static void measurements(SignedClient client, String pid, int from, int to) {
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        List<String> lines = CsvDataFrames.lines(ExploreIT.IRIS);
        String[] names = lines.get(0).split(",");
        List<String> types = IntStream.range(0, names.length).mapToObj(c -> c < 4 ? "C" : "X").toList();
        Reply learned = client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(names, lines.subList(1 + from, 1 + to), types));
        assertEquals(200, learned.status(), learned::toString);
    }

    /** Other tests stop the cell server on purpose: a running one stays as it is. */
    @BeforeAll
    static void startTheCellServer() {
        CellServer.server().start();
    }

    @Test
    void threeLevelsOnTwoServersAnswerTheUnionOfAllLeaves() throws InterruptedException {
        // iris cut into four leaves, two on each server; its four measurements only: in leaves this
        // small its binary columns have levels of fewer than 10 rows, which the cell server's
        // disclosure control (smlfusion.export.min.rows) rightly withholds
        measurements(here.signed(), run + "-l0", 0, 37);
        measurements(there.signed(), run + "-l1", 37, 75);
        measurements(here.signed(), run + "-l2", 75, 112);
        measurements(there.signed(), run + "-l3", 112, 150);
        measurements(here.signed(), run + "-all", 0, 150);
        // a regional fusion on each server, each over a leaf of either server
        created(here.create(run + "-r1", false, List.of(here.cell(run + "-l0"), there.cell(run + "-l1"))));
        created(there.create(run + "-r2", false, List.of(here.cell(run + "-l2"), there.cell(run + "-l3"))));
        // each regional fusion merges once with its own server's deadline; from then on it answers
        // a calling fusion within that caller's budget, from a new merge or its last good one
        JsonObject r1 = here.info(run + "-r1");
        assertEquals(75, r1.getInt("rowCount"), r1::toString);
        JsonObject r2 = there.info(run + "-r2");
        assertEquals(75, r2.getInt("rowCount"), r2::toString);
        // the global fusion, over the two regional ones
        String global = run + "-g";
        created(here.create(global, false, List.of(here.cell(run + "-r1"), there.cell(run + "-r2"))));

        JsonObject info = mergedBothRegions(global);
        assertEquals(150, info.getInt("rowCount"), info::toString);
        assertEquals(2, info.getJsonObject("fusionMerge").getInt("cellsMerged"), info::toString);
        ProjectStatistics single = StatisticsAssertions.decodeExport(here.signed().get("projects/" + run + "-all/export"));
        ProjectStatistics fused = StatisticsAssertions.decodeExport(here.signed().get("projects/" + global + "/export"));
        StatisticsAssertions.assertSameStatistics(single, fused, 1e-12);

        // count, means and co-moments as a client reads them, formatted as the product formats them
        for (String metric : List.of("uni", "bi")) {
            String body = metric.equals("uni")
                    ? "{\"inputAttributes\":[\"0\"]},{\"inputAttributes\":[\"1\"]},{\"inputAttributes\":[\"2\"]},{\"inputAttributes\":[\"3\"]}"
                    : "{\"inputAttributes\":[\"0\",\"3\"]},{\"inputAttributes\":[\"1\",\"2\"]},{\"inputAttributes\":[\"2\",\"3\"]}";
            String path = "/explore?metric=" + metric + "&returnProjectInfo=false";
            assertEquals(explored(run + "-all", path, body).values(), explored(global, path, body).values(), metric);
        }
        assertEquals(Map.of(run + "-r1", "OK", run + "-r2", "OK"),
                here.cellsStatus(global, List.of(here.cell(run + "-r1"), there.cell(run + "-r2"))));
    }

    @Test
    void twoFusionsThatAreEachOthersCellsAreReportedAsACycleAtOnce() {
        irisProject(here.signed(), run + "-x", 0, 50);
        String a = run + "-a";
        String b = run + "-b";
        CellInfo bOnTheCellServer = there.cell(b);
        created(here.create(a, false, List.of(here.cell(run + "-x"), bOnTheCellServer)));
        created(there.create(b, false, List.of(here.cell(a))));

        String cycle = "CYCLE (HTTP 409: the cell is a fusion whose cells lead back to a fusion this call is made for)";
        // b waits for its refresh at most 3/4 of this server's 1.5 s read timeout; a cold or busy cell
        // server may need a second probe, which finds b's finished refresh
        String status = null;
        long tookMs = 0;
        for (int probe = 0; probe < 10 && !cycle.equals(status); probe++) {
            long started = System.nanoTime();
            status = here.cellsStatus(a, List.of(bOnTheCellServer)).get(b);
            tookMs = (System.nanoTime() - started) / 1_000_000;
        }
        assertEquals(cycle, status);
        assertTrue(tookMs < DEADLINE_MS, "a → b → a answered after " + tookMs + " ms: it waited for a deadline");

        JsonObject info = here.info(a);
        String error = info.getJsonObject("params").getString("fusion_fetch_error");
        assertEquals(CellServer.BASE + " cid=" + CellServer.CID + " pid=" + b
                + ": CYCLE (HTTP 409: the cell is a fusion whose cells lead back to a fusion this call is made for)", error);
        Reply export = here.signed().get("projects/" + a + "/export");
        assertEquals(409, export.status(), export::toString);
        assertTrue(export.statusString().startsWith(FusionPath.CYCLE + ": cell " + CellServer.BASE + " cid=" + CellServer.CID
                + " pid=" + b + " of fusion project [" + a + "]"), export::toString);
    }

    @Test
    void hopHeadersAreBoundedAndChecked() {
        irisProject(here.signed(), run + "-h", 0, 20);
        String fusion = run + "-hf";
        created(here.create(fusion, false, List.of(here.cell(run + "-h"))));
        assertEquals(20, here.info(fusion).getInt("rowCount"));
        String eight = String.join(",", List.of("aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh"));
        Map<String, String> refused = Map.of(
                FusionPath.TOO_DEEP + ": the request has passed through 8 fusions", eight,
                FusionPath.TOO_DEEP + ": the sym-fusion-path header names 9 fusions", eight + ",iiii",
                FusionPath.TOO_DEEP + ": the sym-fusion-path header has 4000 characters", "a".repeat(4000),
                "The sym-fusion-path header is malformed", "aaaa,../x");
        refused.forEach((expected, header) -> {
            Reply reply = export(fusion, Map.of(FusionPath.HEADER, header));
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.statusString().startsWith(expected), reply::toString);
        });
        Reply badBudget = export(fusion, Map.of("sym-fusion-budget-ms", "soon"));
        assertEquals(400, badBudget.status(), badBudget::toString);
        Reply fromAnotherFusion = export(fusion, Map.of(FusionPath.HEADER, "aaaa,bbbb", "sym-fusion-budget-ms", "5000"));
        assertEquals(20, StatisticsAssertions.decodeExport(fromAnotherFusion).total().count());
    }

    /**
     * The global fusion's info once its refresh merged both regional fusions: on a busy machine a
     * regional answer can miss this server's 1.5 s read timeout, and the global fusion then asks
     * again one interval (2 s) later.
     */
    private JsonObject mergedBothRegions(String global) throws InterruptedException {
        JsonObject info = here.info(global);
        for (int attempt = 0; attempt < 10 && info.getJsonObject("fusionMerge").getInt("cellsMerged") < 2; attempt++) {
            Thread.sleep(2000);
            info = here.info(global);
        }
        return info;
    }

    private Reply export(String pid, Map<String, String> headers) {
        return here.signed().send("GET", "projects/" + pid + "/export", null, headers);
    }

    private Reply explored(String pid, String path, String mlContexts) {
        Reply reply = here.signed().post("projects/" + pid + path, contexts(mlContexts));
        assertEquals(200, reply.status(), () -> pid + path + ": " + reply);
        return reply;
    }

    private static void created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
    }
}
