package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Issue 11 §4, disclosure control on exports, between two Liberty processes: the integration-test
 * server runs with the controls off ({@code smlfusion.export.min.rows} and {@code .min.delta.rows}
 * = 0 in the pom: the behaviour before them), the cell server with the shipped defaults (10 and 10).
 * On the first, two exports around one learned row give that row away exactly; on the second they
 * do not. A fusion on the first reports the cell server's small projects {@code WITHHELD}.
 */
class DisclosureIT {

    private static final String[] NAMES = {"age", "income"};
    /** The row an attacker wants: one person's age and income. */
    private static final String SECRET_ROW = "52,187300.25";

    private final FusionClient controlsOff = FusionClient.itServer();
    private final FusionClient controlsOn = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "dc" + System.nanoTime();

    /** Other tests stop the cell server on purpose: a running one stays as it is. */
    @BeforeAll
    static void startTheCellServer() {
        CellServer.server().start();
    }

    @Test
    void withTheControlsOffTwoExportsAroundOneLearnedRowGiveThatRowAway() {
        String pid = run + "-off";
        SignedClient client = controlsOff.signed();
        controlsOff.cellProject(pid);
        learn(client, pid, crowd(20));
        ProjectStatistics before = StatisticsAssertions.decodeExport(client.get("projects/" + pid + "/export"));
        learn(client, pid, List.of(SECRET_ROW));
        ProjectStatistics after = StatisticsAssertions.decodeExport(client.get("projects/" + pid + "/export"));

        assertEquals(1, after.total().count() - before.total().count());
        assertArrayEquals(new double[] {52, 187300.25}, learnedBetween(before.total(), after.total()), 1e-6);
    }

    @Test
    void withTheDefaultsTheSameTwoExportsAreTheSameRelease() {
        String pid = run + "-on";
        SignedClient client = controlsOn.signed();
        controlsOn.cellProject(pid);
        learn(client, pid, crowd(20));
        String first = client.get("projects/" + pid + "/export").values().getString("string");
        learn(client, pid, List.of(SECRET_ROW));
        assertEquals(first, client.get("projects/" + pid + "/export").values().getString("string"),
                "one changed row: the previous release again, and nothing to subtract");

        for (int k = 0; k < 8; k++) {
            learn(client, pid, crowd(1));
            assertEquals(first, client.get("projects/" + pid + "/export").values().getString("string"), (k + 2) + " changed rows");
        }
        learn(client, pid, crowd(1));
        Reply third = client.get("projects/" + pid + "/export");
        assertNotEquals(first, third.values().getString("string"));
        ProjectStatistics released = StatisticsAssertions.decodeExport(third);
        assertEquals(30, released.total().count(), "ten changed rows: a new release, ten rows apart from the first");
    }

    @Test
    void aFusionReportsTheCellsThatWithholdTheirExportAndWhy() {
        SignedClient cells = controlsOn.signed();
        String few = run + "-few";
        controlsOn.cellProject(few);
        learn(cells, few, crowd(5));
        Reply refused = cells.get("projects/" + few + "/export");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("Export of project [" + few + "] withheld: the project holds 5 rows, fewer than the 10 rows of export_min_rows"
                + " (its statistics would describe those few people)", refused.statusString());

        // 30 rows, of which 2 in the level city$oslo (levels are lower-cased): its sums would describe two people
        String rare = run + "-rare";
        controlsOn.cellProject(rare);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            rows.add((20 + r) + "," + (r < 2 ? "Oslo" : "Bergen"));
        }
        Reply learned = cells.post("projects/" + rare + "/learn",
                CsvDataFrames.dataFrame(new String[] {"age", "city"}, rows, List.of("C", "T")));
        assertEquals(200, learned.status(), learned::toString);
        assertEquals("Export of project [" + rare + "] withheld: 'city$oslo' = 1 holds 2 rows, fewer than the 10 rows of"
                + " export_min_rows (its statistics would describe those few people)", cells.get("projects/" + rare + "/export").statusString());

        String enough = run + "-enough";
        controlsOn.cellProject(enough, "housing-fed3/housing1.csv");
        List<CellInfo> list = List.of(controlsOn.cell(few), controlsOn.cell(rare), controlsOn.cell(enough));
        String fusion = run + "-f";
        assertEquals(201, controlsOff.create(fusion, false, list).status());

        Map<String, String> statuses = controlsOff.cellsStatus(fusion, list);
        assertEquals("WITHHELD (HTTP 409: the cell withholds its export: the project holds fewer than 10 rows)", statuses.get(few));
        assertEquals("WITHHELD (HTTP 409: the cell withholds its export: a level of a binary or category attribute holds fewer"
                + " than 10 rows)", statuses.get(rare));
        assertEquals("OK", statuses.get(enough));
        JsonObject info = controlsOff.info(fusion);
        assertEquals(0, info.getInt("rowCount"), "every cell is required by default: the withheld ones keep the merge out");
        String error = info.getJsonObject("params").getString("fusion_fetch_error");
        assertTrue(error.contains("pid=" + few + ": WITHHELD (HTTP 409: the cell withholds its export: the project holds fewer"
                + " than 10 rows)"), error);
        assertFalse(error.toLowerCase(Locale.ROOT).contains("oslo"), "a level's name is data; the fusion never repeats the cell's text: " + error);
    }

    @Test
    void aProjectRaisesItsOwnThresholdsAboveTheServersAndKeepsThemWhenSaved() {
        SignedClient client = controlsOn.signed();
        String pid = run + "-policy";
        assertEquals(201, client.post("projects?pid=" + pid + "&persist=true", "{}").status());
        learn(client, pid, crowd(25));
        assertEquals(Map.of("export_min_rows", "10", "export_min_delta_rows", "10"), policy(client.get("projects/" + pid + "/exportPolicy")));

        Reply lower = client.post("projects/" + pid + "/exportPolicy", "{\"export_min_rows\":3}");
        assertEquals(400, lower.status(), lower::toString);
        assertEquals("Option 'export_min_rows' cannot be 3: this server's smlfusion.export.min.rows is 10, and a project may only"
                + " be stricter", lower.statusString());

        Reply raised = client.post("projects/" + pid + "/exportPolicy", "{\"export_min_rows\":30,\"export_min_delta_rows\":\"50\"}");
        assertEquals(200, raised.status(), raised::toString);
        assertEquals(Map.of("export_min_rows", "30", "export_min_delta_rows", "50"), policy(raised));
        assertEquals(200, client.get("projects/" + pid + "/unload").status());
        assertEquals(Map.of("export_min_rows", "30", "export_min_delta_rows", "50"), policy(client.get("projects/" + pid + "/exportPolicy")),
                "read back from the database");
        assertEquals(409, client.get("projects/" + pid + "/export").status(), "25 rows are fewer than the project's 30");
        assertEquals(200, client.delete("projects/" + pid).status());
    }

    private static Map<String, String> policy(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        Map<String, String> policy = new HashMap<>();
        reply.values().getJsonObject("exportPolicy").forEach((key, value) -> policy.put(key, ((JsonString) value).getString()));
        return policy;
    }

    /** n·x̄ of the later export minus n·x̄ of the earlier, per attribute: the sum of the rows learned between them. */
    private static double[] learnedBetween(Moments before, Moments after) {
        double[] sums = new double[after.dimension()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = after.count() * after.mean(i) - before.count() * before.mean(i);
        }
        return sums;
    }

    /** {@code n} rows (age, income) of made-up people. */
    private static List<String> crowd(int n) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rows.add((20 + r % 50) + "," + (30_000 + 1_000 * (r % 17)));
        }
        return rows;
    }

    private static void learn(SignedClient client, String pid, List<String> rows) {
        Reply reply = client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(NAMES, rows, "C"));
        assertEquals(200, reply.status(), reply::toString);
    }
}
