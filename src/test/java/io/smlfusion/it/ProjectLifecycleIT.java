package io.smlfusion.it;

import static io.smlfusion.it.CsvDataFrames.dataFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.it.SignedClient.Reply;

/** Spec §5.2–5.3 over HTTP: lifecycle, learn/merge/export on the housing cells, and the product's status strings. */
class ProjectLifecycleIT {

    private static final String[] HOUSING = {"housing-fed3/housing1.csv", "housing-fed3/housing2.csv", "housing-fed3/housing3.csv"};

    private final SignedClient client = SignedClient.bootstrap();
    private final String run = "r" + System.nanoTime();

    @Test
    void mergeOfThreeCellsEqualsOneProjectOnTheUnion() {
        String all = run + "-all";
        created(all);
        for (int k = 0; k < HOUSING.length; k++) {
            String cell = run + "-h" + k;
            created(cell);
            ok(client.post("projects/" + cell + "/learn", dataFrame(HOUSING[k])));
            ok(client.post("projects/" + all + "/learn", dataFrame(HOUSING[k])));
        }
        String merged = run + "-merged";
        created(merged);
        for (int k = 0; k < HOUSING.length; k++) {
            ok(client.get("projects/" + merged + "/merge?otherProjectName=" + run + "-h" + k));
        }
        ProjectStatistics expected = StatisticsAssertions.decodeExport(client.get("projects/" + all + "/export"));
        ProjectStatistics actual = StatisticsAssertions.decodeExport(client.get("projects/" + merged + "/export"));
        assertEquals(406, expected.total().count());
        StatisticsAssertions.assertSameStatistics(expected, actual, 1e-12);

        JsonObject info = ok(client.get("projects/" + merged + "/info")).values().getJsonObject("smlInfo");
        assertEquals(merged, info.getString("pid"));
        assertEquals(406, info.getJsonNumber("rowCount").longValue());
        assertEquals(14, info.getJsonArray("attributeNames").size());
        assertEquals("MEDV", info.getJsonArray("attributeNames").getString(13));
        assertEquals("cpu", info.getString("type"));
        // the other projects are unchanged by the merge
        assertEquals(25, ok(client.get("projects/" + run + "-h0/info")).values().getJsonObject("smlInfo").getInt("rowCount"));
    }

    @Test
    void productStatusStrings() {
        String pid = run + "-p";
        Reply create = client.post("projects?pid=" + pid + "&type=cpu", "{}");
        assertEquals(201, create.status(), create::toString);
        assertEquals("Project Created with id:" + pid, create.statusString());

        Reply duplicate = client.post("projects?pid=" + pid, "{}");
        assertEquals(409, duplicate.status(), duplicate::toString);
        assertEquals("Customer [" + client.cid() + "] already have SYMETRYML with id[" + pid + "], ", duplicate.statusString());

        Reply unknown = client.get("projects/" + run + "-none/info");
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]", unknown.statusString());

        Reply deleted = client.delete("projects/" + pid);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals("deleted Project with id[" + pid + "] from Customer[" + client.cid() + "] store", deleted.statusString());
        Reply again = client.delete("projects/" + pid);
        assertEquals(400, again.status(), again::toString);
        assertEquals("Customer[" + client.cid() + "] does not have Project with id[" + pid + "], ", again.statusString());
    }

    @Test
    void listRenameFreezeUnfreeze() {
        String pid = run + "-life";
        created(pid);
        assertTrue(ok(client.get("projects/list")).values().getJsonObject("stringList").getJsonArray("values")
                .getValuesAs(jakarta.json.JsonString.class).stream().anyMatch(s -> s.getString().equals(pid)));
        Reply renamed = client.get("projects/" + pid + "/rename?newName=" + pid + "-b");
        assertEquals(201, renamed.status(), renamed::toString);
        created(pid);
        assertEquals(409, client.get("projects/" + pid + "/rename?newName=" + pid + "-b").status());

        ok(client.get("projects/" + pid + "-b/freeze"));
        assertEquals("true", ok(client.get("projects/" + pid + "-b/info")).values().getJsonObject("smlInfo")
                .getJsonObject("params").getString("sml_project_is_freeze"));
        Reply frozen = client.post("projects/" + pid + "-b/learn", dataFrame(HOUSING[0]));
        assertEquals(400, frozen.status(), frozen::toString);
        assertTrue(frozen.statusString().contains("frozen"), frozen::toString);
        ok(client.get("projects/" + pid + "-b/unfreeze"));
        ok(client.post("projects/" + pid + "-b/learn", dataFrame(HOUSING[0])));
    }

    @Test
    void theVendorClientsHistogramOptionTakesEffect() {
        String pid = run + "-hist";
        Reply reply = client.post("projects?pid=" + pid, "{\"enable_histogram\":\"true\"}");
        assertEquals(201, reply.status(), reply::toString);
        JsonObject info = ok(client.get("projects/" + pid + "/info")).values().getJsonObject("smlInfo");
        assertTrue(info.getBoolean("histogramEnabled"), info::toString);
        Reply refused = client.post("projects?pid=" + run + "-hist2", "{\"enable_histogram\":\"maybe\"}");
        assertEquals(400, refused.status(), refused::toString);
    }

    @Test
    void categoriesBecomeBinaryAttributes() {
        String pid = run + "-cat";
        created(pid);
        String frame = "{\"attributeNames\":[\"x\",\"flower\",\"skip\"],\"attributeTypes\":[\"C\",\"T\",\"X\"],"
                + "\"data\":[[\"1\",\" Setosa \",\"a\"],[\"2\",\"versicolor\",\"b\"],[\"3\",\"SETOSA\",\"c\"]]}";
        ok(client.post("projects/" + pid + "/learn", frame));
        JsonObject info = ok(client.get("projects/" + pid + "/info")).values().getJsonObject("smlInfo");
        assertEquals(List.of("x", "flower$setosa", "flower$versicolor"),
                info.getJsonArray("attributeNames").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
        assertEquals(List.of("C", "B", "B"),
                info.getJsonArray("attributeTypes").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    }

    @Test
    void asyncLearnIsAJob() throws InterruptedException {
        String pid = run + "-async";
        created(pid);
        Reply accepted = client.post("projects/" + pid + "/learn?async=true", dataFrame(HOUSING[2]));
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("Job Created", accepted.statusString());
        String jobId = accepted.raw().headers().firstValue("sym-job-id").orElseThrow();
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/symetry/rest/" + client.cid() + "/jobs/" + jobId), location);
        Reply job = client.get("jobs/" + jobId);
        for (int i = 0; i < 100 && job.status() == 202; i++) {
            Thread.sleep(50);
            job = client.get("jobs/" + jobId);
        }
        assertEquals(200, job.status(), job::toString);
        assertEquals("Job is finished", job.statusString());
        assertEquals(281, job.values().getInt("rowsApplied"));
        assertEquals(400, client.get("jobs/999999999").status());
    }

    @Test
    void importRecreatesAnExportedProject() {
        String pid = run + "-exp";
        created(pid);
        ok(client.post("projects/" + pid + "/learn", dataFrame(HOUSING[1])));
        Reply export = client.get("projects/" + pid + "/export");
        String base64 = export.values().getString("string");
        Reply imported = client.post("projects/" + pid + "-copy/import", base64);
        assertEquals(200, imported.status(), imported::toString);
        StatisticsAssertions.assertSameStatistics(StatisticsAssertions.decodeExport(export),
                StatisticsAssertions.decodeExport(client.get("projects/" + pid + "-copy/export")), 0);
        Reply garbage = client.post("projects/" + pid + "-bad/import", "bm90IGEgc25hcHNob3Q=");
        assertEquals(400, garbage.status(), garbage::toString);
        assertNotNull(garbage.statusString());
    }

    @Test
    void dataSourcesAreRefusedWithTheReason() {
        String pid = run + "-ds";
        created(pid);
        for (Reply reply : List.of(client.get("projects/" + pid + "/addds/ds1"), client.post("projects/" + pid + "/dss/ds1/learn", "{}"))) {
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.statusString().startsWith("Data sources are not supported by this server"), reply::toString);
        }
    }

    private void created(String pid) {
        Reply reply = client.post("projects?pid=" + pid, "{}");
        assertEquals(201, reply.status(), reply::toString);
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("OK", reply.statusCode(), reply::toString);
        return reply;
    }
}
