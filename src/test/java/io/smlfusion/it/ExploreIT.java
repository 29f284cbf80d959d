package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * The Exploration API over HTTP (spec §7): iris {@code uni} and {@code bi} reproduce
 * the reference figures of examples/data/README.md on the unformatted path ({@code format=raw}) and the spec's printed
 * samples after the default {@code %.4f}; attributes by index, JSON number and name; errors;
 * asynchronous calls; every other exploration endpoint once.
 */
class ExploreIT {

    static final String IRIS = "iris/iris.csv";

    private final SignedClient client = SignedClient.bootstrap();
    private final String run = "ex" + System.nanoTime();

    /** Creates a project (with histograms) and learns iris rows {@code from}..{@code to} with their types (0–3 C, the rest B). */
    static void irisProject(SignedClient client, String pid, int from, int to) {
        Reply created = client.post("projects?pid=" + pid + "&enableHistogram=true", "{}");
        assertEquals(201, created.status(), created::toString);
        List<String> lines = CsvDataFrames.lines(IRIS);
        String[] names = lines.get(0).split(",");
        List<String> types = IntStream.range(0, names.length).mapToObj(c -> c < 4 ? "C" : "B").toList();
        Reply learned = client.post("projects/" + pid + "/learn",
                CsvDataFrames.dataFrame(names, lines.subList(1 + from, 1 + to), types));
        assertEquals(200, learned.status(), learned::toString);
    }

    /** Polls a 202 answer's job until it is finished, and answers the job's final reply. */
    static Reply awaitJob(SignedClient client, Reply accepted) {
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("Job Created", accepted.statusString());
        String jobId = accepted.raw().headers().firstValue("sym-job-id").orElseThrow();
        assertTrue(accepted.raw().headers().firstValue("Location").orElseThrow()
                .endsWith("/symetry/rest/" + client.cid() + "/jobs/" + jobId));
        long deadline = System.nanoTime() + 60_000_000_000L;
        Reply job = client.get("jobs/" + jobId);
        while (job.status() == 202 && System.nanoTime() < deadline) {
            sleep();
            job = client.get("jobs/" + jobId);
        }
        return job;
    }

    static JsonObject firstResult(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("KSVDMap").getJsonArray("values").getJsonObject(0);
    }

    static String contexts(String... mlContexts) {
        return "{\"values\":[" + String.join(",", mlContexts) + "]}";
    }

    @Test
    void uniAndBiReproduceExpectedOnTheRawPath() {
        String pid = run + "-iris";
        irisProject(client, pid, 0, 150);
        JsonObject uni = firstResult(client.post("projects/" + pid + "/explore?metric=uni&format=raw",
                contexts("{\"inputAttributes\":[\"0\"]}")));
        // EXPECTED.md, iris.csv, metric=uni on sepal_length
        assertRelative(uni, 1e-9, "count", 150, "mean", 5.84333333333333, "variance", 0.681122222222222,
                "stddev", 0.825301291785141, "skewness", 0.318086514434141, "kurtosis", -0.55206404131564,
                "stderr", 0.0673855682977803);
        assertEquals(4.3, uni.getJsonNumber("min").doubleValue());
        assertEquals(7.9, uni.getJsonNumber("max").doubleValue());
        assertEquals(5.8, uni.getJsonNumber("median").doubleValue(), 5.8 * 0.01, "DDSketch median within 1 %");

        JsonObject bi = firstResult(client.post("projects/" + pid + "/explore?metric=bi&format=raw",
                contexts("{\"inputAttributes\":[\"0\",\"3\"]}")));
        // EXPECTED.md, iris.csv, metric=bi on [sepal_length(0), petal_width(3)]
        assertRelative(bi, 1e-9, "covar", 0.513457777777778, "linCorr", 0.817953633369164, "condCount", 179.8,
                "condSum", 1127.65, "condMean", 6.27169076751947, "condVariance", 30.9294038153875,
                "condStddev", 5.56142102482697);
    }

    @Test
    void theDefaultFormatGivesTheSpecsPrintedSamples() {
        String pid = run + "-fmt";
        irisProject(client, pid, 0, 150);
        Reply biReply = client.post("projects/" + pid + "/explore?metric=bi", contexts("{\"inputAttributes\":[0,3]}"));
        JsonObject bi = firstResult(biReply);
        // spec §7.6/§15: covar 0.5135, linCorr 0.818, condCount 179.8, condMean 6.2717, condVariance 30.9294 — as
        // JSON numbers (the product prints 0.5135000000000001: its nearest-double text; the value is the same)
        assertEquals(0.5135, bi.getJsonNumber("covar").doubleValue());
        assertEquals(0.818, bi.getJsonNumber("linCorr").doubleValue());
        assertEquals(179.8, bi.getJsonNumber("condCount").doubleValue());
        assertEquals(6.2717, bi.getJsonNumber("condMean").doubleValue());
        assertEquals(30.9294, bi.getJsonNumber("condVariance").doubleValue());
        assertEquals(JsonValue.ValueType.NUMBER, bi.get("covar").getValueType());
        assertEquals("OK", biReply.statusString());
        assertTrue(biReply.values().containsKey("smlInfo"), "returnProjectInfo defaults to true");
        assertEquals(pid, biReply.values().getJsonObject("smlInfo").getString("pid"));

        JsonObject uni = firstResult(client.post("projects/" + pid + "/explore?metric=uni&returnProjectInfo=false",
                contexts("{\"inputAttributeNames\":[\"sepal_length\"]}")));
        assertEquals(5.8433, uni.getJsonNumber("mean").doubleValue());
        assertEquals(0.6811, uni.getJsonNumber("variance").doubleValue());
        assertEquals(0.3181, uni.getJsonNumber("skewness").doubleValue());
        assertEquals(-0.5521, uni.getJsonNumber("kurtosis").doubleValue());
    }

    @Test
    void oneResultPerMLContextInOrder() {
        String pid = run + "-many";
        irisProject(client, pid, 0, 150);
        Reply reply = client.post("projects/" + pid + "/explore?metric=uni&returnProjectInfo=false", contexts(
                "{\"inputAttributes\":[\"0\"]}", "{\"inputAttributeNames\":[\"sepal_width\"]}", "{\"targets\":[12]}"));
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.values().containsKey("smlInfo"));
        JsonArray values = reply.values().getJsonObject("KSVDMap").getJsonArray("values");
        assertEquals(3, values.size());
        assertEquals(5.8433, values.getJsonObject(0).getJsonNumber("mean").doubleValue());
        assertEquals(3.054, values.getJsonObject(1).getJsonNumber("mean").doubleValue());
        assertEquals(0.3333, values.getJsonObject(2).getJsonNumber("mean").doubleValue());
    }

    @Test
    void nonFiniteValuesAreNullAndNamedInTheStatusString() {
        String pid = run + "-two";
        irisProject(client, pid, 0, 2);
        Reply reply = client.post("projects/" + pid + "/explore?metric=uni", contexts("{\"inputAttributes\":[\"0\"]}"));
        JsonObject uni = firstResult(reply);
        assertEquals(JsonValue.NULL, uni.get("skewness"));
        assertEquals(JsonValue.NULL, uni.get("kurtosis"));
        assertEquals(2, uni.getJsonNumber("count").doubleValue());
        assertTrue(reply.statusString().startsWith("OK; not a finite number, answered as null: values[0].skewness"),
                reply.statusString());
        assertTrue(reply.statusString().contains("values[0].kurtosis"), reply.statusString());

        Reply job = awaitJob(client, client.post("projects/" + pid + "/explore?metric=uni&async=true",
                contexts("{\"inputAttributes\":[\"0\"]}")));
        assertTrue(job.statusString().startsWith("Job is finished; not a finite number, answered as null: values[0].skewness"),
                job.statusString());
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        String pid = run + "-bad";
        irisProject(client, pid, 0, 150);
        String explore = "projects/" + pid + "/explore?metric=";
        assertBadRequest(client.post(explore + "median", contexts("{\"inputAttributes\":[\"0\"]}")),
                "Unknown metric 'median'; supported metrics: uni, bi, ztest, ztestp, ztestmu, ttest, ttestmu, ftest,"
                        + " ftestmu, ftestsima, anova, chi2, gain");
        assertBadRequest(client.post(explore + "ztestp", contexts("{\"inputAttributes\":[\"0\",\"1\"]}")),
                "values[0]: ztestp expects inputAttributes [binary, binary] (two proportions); got inputAttributes"
                        + " ['sepal_length' (0, C), 'sepal_width' (1, C)]");
        assertBadRequest(client.post(explore + "uni", contexts("{\"inputAttributes\":[\"15\"]}")),
                "values[0]: inputAttributes: attribute index 15 is out of range; the project has 15 attributes"
                        + " (indexes 0 to 14)");
        assertBadRequest(client.post(explore + "uni", contexts("{\"inputAttributeNames\":[\"petal\"]}")),
                "values[0]: inputAttributeNames: the project has no attribute named 'petal'");
        assertBadRequest(client.post(explore + "bi", contexts("{\"inputAttributes\":[\"0\",\"petal_width\"]}")),
                "values[0]: inputAttributes [0, petal_width] mixes attribute indexes and names; use one or the other");
        assertBadRequest(client.post(explore + "ttestmu", contexts("{\"inputAttributes\":[\"0\"]}")),
                "values[0]: ttestmu needs extraParameters.sml_explore_ttest_known_mu (the known mean μ₀)");
        assertBadRequest(client.post(explore + "uni", "{\"inputAttributes\":[\"0\"]}"),
                "The ExploreContext has no array 'values'; send an ExploreContext {\"values\":[{\"inputAttributes\":[...],"
                        + "\"targets\":[...],\"extraParameters\":{...}}, ...]}");
        assertBadRequest(client.post(explore + "uni&format=pretty", contexts("{\"inputAttributes\":[\"0\"]}")),
                "format = 'pretty' is not supported: send format=raw for unformatted numbers, or nothing");
        assertBadRequest(client.post("projects/" + run + "-none/explore?metric=uni", contexts("{\"inputAttributes\":[0]}")),
                "Cannot Find SYMETRYML id[" + run + "-none] for Customer id [" + client.cid() + "]");

        String plain = run + "-plain";
        assertEquals(201, client.post("projects?pid=" + plain, "{}").status());
        assertEquals(200, client.post("projects/" + plain + "/learn", CsvDataFrames.dataFrame(IRIS)).status());
        assertBadRequest(client.post("projects/" + plain + "/densityEstimate",
                        contexts("{\"inputAttributes\":[\"0\"],\"extraParameters\":{\"hist_bins\":\"5\"}}")),
                "values[0]: densityEstimate needs a project with histograms: create it with enableHistogram=true");
    }

    @Test
    void asynchronousExploreFinishesAsAJobWithKsvdMapAndSmlInfo() {
        String pid = run + "-async";
        irisProject(client, pid, 0, 150);
        Reply job = awaitJob(client, client.post("projects/" + pid + "/explore?metric=bi&async=true&format=raw",
                contexts("{\"inputAttributes\":[\"0\",\"3\"]}")));
        assertEquals("Job is finished", job.statusString());
        assertRelative(firstResult(job), 1e-9, "covar", 0.513457777777778, "linCorr", 0.817953633369164);
        assertEquals(pid, job.values().getJsonObject("smlInfo").getString("pid"));

        Reply failed = awaitJob(client, client.post("projects/" + pid + "/explore?metric=ztestp&async=true",
                contexts("{\"inputAttributes\":[\"0\",\"1\"]}")));
        assertEquals(400, failed.status(), failed::toString);
        assertTrue(failed.statusString().startsWith("values[0]: ztestp expects"), failed.statusString());
    }

    @Test
    void theOtherExplorationEndpoints() {
        String pid = run + "-other";
        irisProject(client, pid, 0, 150);
        String four = "{\"inputAttributes\":[\"0\",\"1\",\"2\",\"3\"]}";

        JsonObject vif = awaitJob(client, client.post("projects/" + pid + "/vif", contexts(four)))
                .values().getJsonObject("KSVSMap").getJsonArray("values").getJsonObject(0);
        assertEquals("7.1031", vif.getString("0"));
        assertEquals("31.3973", vif.getString("2"));

        Reply pca = client.post("projects/" + pid + "/explorepca?explainedCovariance=0.95&async=false", contexts(four));
        assertEquals(200, pca.status(), pca::toString);
        JsonObject vectors = pca.values().getJsonObject("pcaVectors");
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                vectors.getJsonArray("attributeNames").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, vectors.getJsonArray("data").size());
        assertEquals("0.8566", vectors.getJsonArray("data").getJsonArray(0).getString(2));
        assertEquals("4.1967", pca.values().getJsonObject("pcaValues").getJsonArray("data").getJsonArray(0).getString(0));
        assertEquals(4.5388, pca.values().getJsonNumber("pcaSumValues").doubleValue());

        JsonObject svd = awaitJob(client, client.post("projects/" + pid + "/exploresvd", contexts(four)))
                .values().getJsonObject("KSVSMap").getJsonArray("values").getJsonObject(0);
        assertEquals("petal_length", svd.getString("2.9108"));
        JsonObject kept = awaitJob(client, client.post("projects/" + pid + "/exploresvdfs",
                contexts("{\"inputAttributes\":[\"10\",\"11\",\"12\"]}")))
                .values().getJsonObject("KSVSMap").getJsonArray("values").getJsonObject(0);
        assertEquals(Collections.singleton("10"), kept.keySet());

        Reply density = client.post("projects/" + pid + "/densityEstimate",
                contexts("{\"inputAttributes\":[\"0\"],\"extraParameters\":{\"hist_bins\":\"10\"}}"));
        assertEquals(200, density.status(), density::toString);
        JsonObject sepal = density.values().getJsonObject("densityList").getJsonArray("values").getJsonObject(0);
        assertEquals("sepal_length", sepal.getString("attrName"));
        assertEquals(4.3, sepal.getJsonNumber("min").doubleValue());
        assertEquals(0.36, sepal.getJsonNumber("width").doubleValue());
        assertEquals(10, sepal.getJsonArray("histogram").size());
        assertEquals("", sepal.getString("error"));

        Reply conditional = client.post("projects/" + pid + "/conditionalDensityEstimate?tps=10",
                contexts("{\"targetAttributeNames\":[\"petal_length\"],\"inputAttributeNames\":[\"Iris_setosa\"],"
                        + "\"extraParameters\":{\"hist_bins\":\"6\"}}"));
        assertEquals(200, conditional.status(), conditional::toString);
        JsonObject petal = conditional.values().getJsonObject("densityList").getJsonArray("values").getJsonObject(0);
        assertEquals("petal_length|Iris_setosa", petal.getString("attrName"));
        assertEquals(0.9953, petal.getJsonArray("histogram").getJsonNumber(0).doubleValue());
    }

    static void assertRelative(JsonObject actual, double relative, Object... keysAndValues) {
        for (int k = 0; k < keysAndValues.length; k += 2) {
            String key = (String) keysAndValues[k];
            double expected = ((Number) keysAndValues[k + 1]).doubleValue();
            JsonNumber number = actual.getJsonNumber(key);
            assertTrue(number != null, key + " missing in " + actual);
            assertTrue(Math.abs(number.doubleValue() - expected) <= relative * Math.abs(expected),
                    key + ": expected " + expected + " but was " + number);
        }
    }

    private static void assertBadRequest(Reply reply, String statusString) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("BAD_REQUEST", reply.statusCode());
        assertEquals(statusString, reply.statusString());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
