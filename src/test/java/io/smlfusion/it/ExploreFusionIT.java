package io.smlfusion.it;

import static io.smlfusion.it.ExploreIT.awaitJob;
import static io.smlfusion.it.ExploreIT.contexts;
import static io.smlfusion.it.ExploreIT.irisProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * Issue 4, "every metric works identically on a fusion": the iris rows cut into three cell
 * projects (41, 56 and 53 rows) and fused answer every exploration request as one project that
 * learned all 150 rows — the raw numbers to 1e-9 relative (the merge adds in another order), the
 * formatted {@code uni} and {@code bi} answers exactly.
 */
class ExploreFusionIT {

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "exf" + System.nanoTime();

    @Test
    void aFusionOfThreeIrisCellsExploresAsOneProject() {
        String single = run + "-all";
        irisProject(client, single, 0, 150);
        int[] cuts = {0, 41, 97, 150};
        for (int k = 0; k < 3; k++) {
            irisProject(client, run + "-c" + k, cuts[k], cuts[k + 1]);
        }
        String fusion = run + "-f";
        Reply created = owner.create(fusion, false,
                List.of(owner.cell(run + "-c0"), owner.cell(run + "-c1"), owner.cell(run + "-c2")));
        assertEquals(201, created.status(), created::toString);

        Map<String, String> explore = Map.of(
                "uni", "{\"inputAttributes\":[\"0\"]},{\"inputAttributes\":[\"4\"]}",
                "bi", "{\"inputAttributes\":[\"0\",\"3\"]},{\"inputAttributes\":[\"0\",\"12\"]}",
                "ztest", "{\"inputAttributes\":[\"0\",\"1\"]}",
                "ttest", "{\"inputAttributes\":[\"0\",\"13\",\"14\"]}",
                "ftestmu", "{\"inputAttributes\":[\"0\"],\"extraParameters\":{\"sml_explore_ftest_known_sigma\":\"0.8\"}}",
                "anova", "{\"inputAttributes\":[\"0\"],\"targets\":[\"12\",\"13\",\"14\"]}",
                "chi2", "{\"inputAttributes\":[\"4\",\"5\"],\"targets\":[\"12\",\"13\",\"14\"]}",
                "gain", "{\"inputAttributes\":[\"4\"],\"targets\":[\"12\",\"13\",\"14\"]}");
        explore.forEach((metric, body) -> {
            String path = "/explore?metric=" + metric + "&returnProjectInfo=false";
            assertSameNumbers(metric, post(single, path + "&format=raw", body), post(fusion, path + "&format=raw", body));
            if (metric.equals("uni") || metric.equals("bi")) {
                assertEquals(post(single, path, body).values(), post(fusion, path, body).values(), metric + " formatted");
            }
        });

        String four = "{\"inputAttributes\":[\"0\",\"1\",\"2\",\"3\"]}";
        assertSameNumbers("vif", job(single, "/vif?format=raw", four), job(fusion, "/vif?format=raw", four));
        assertSameNumbers("explorepca", post(single, "/explorepca?async=false&format=raw", four),
                post(fusion, "/explorepca?async=false&format=raw", four));
        assertEquals(job(single, "/exploresvdfs", "{\"inputAttributes\":[\"0\",\"10\",\"11\",\"12\"]}").values(),
                job(fusion, "/exploresvdfs", "{\"inputAttributes\":[\"0\",\"10\",\"11\",\"12\"]}").values());
        // histograms merge bucket for bucket: the density and the median are those of the union
        String density = "{\"inputAttributes\":[\"2\"],\"extraParameters\":{\"hist_bins\":\"12\"}}";
        assertSameNumbers("densityEstimate", post(single, "/densityEstimate?format=raw", density),
                post(fusion, "/densityEstimate?format=raw", density));
    }

    private Reply post(String pid, String path, String mlContexts) {
        Reply reply = client.post("projects/" + pid + path, contexts(mlContexts));
        assertEquals(200, reply.status(), () -> pid + path + ": " + reply);
        return reply;
    }

    private Reply job(String pid, String path, String mlContexts) {
        Reply reply = awaitJob(client, client.post("projects/" + pid + path, contexts(mlContexts)));
        assertEquals(200, reply.status(), () -> pid + path + ": " + reply);
        return reply;
    }

    /** Same structure; numbers (also numbers written as text) within 1e-9 relative, or 1e-12 absolute near 0. */
    private static void assertSameNumbers(String what, Reply expected, Reply actual) {
        assertSame(what, expected.values(), actual.values());
    }

    private static void assertSame(String where, JsonValue expected, JsonValue actual) {
        assertEquals(expected.getValueType(), actual.getValueType(), where);
        switch (expected.getValueType()) {
            case OBJECT -> {
                JsonObject e = expected.asJsonObject();
                JsonObject a = actual.asJsonObject();
                assertEquals(e.keySet(), a.keySet(), where);
                e.forEach((key, value) -> assertSame(where + "." + key, value, a.get(key)));
            }
            case ARRAY -> {
                JsonArray e = expected.asJsonArray();
                JsonArray a = actual.asJsonArray();
                assertEquals(e.size(), a.size(), where);
                for (int k = 0; k < e.size(); k++) {
                    assertSame(where + "[" + k + "]", e.get(k), a.get(k));
                }
            }
            case NUMBER -> close(where, ((JsonNumber) expected).doubleValue(), ((JsonNumber) actual).doubleValue());
            case STRING -> {
                String e = ((JsonString) expected).getString();
                String a = ((JsonString) actual).getString();
                if (e.matches("-?[0-9.]+(E-?[0-9]+)?")) {
                    close(where, Double.parseDouble(e), Double.parseDouble(a));
                } else {
                    assertEquals(e, a, where);
                }
            }
            default -> assertEquals(expected, actual, where);
        }
    }

    private static void close(String where, double expected, double actual) {
        double tolerance = Math.max(1e-9 * Math.abs(expected), 1e-12);
        assertTrue(Math.abs(expected - actual) <= tolerance, where + ": expected " + expected + " but was " + actual);
    }
}
