package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * The modelling and prediction calls of spec §8–9 as the model ITs make them, and the reference
 * figures of {@code examples/data/README.md} (computed with statsmodels and scikit-learn).
 */
final class ModelCalls {

    static final String[] HOUSING = {"housing-fed3/housing1.csv", "housing-fed3/housing2.csv", "housing-fed3/housing3.csv"};
    static final String[] BANK = {"bank-fed3/bank1.csv", "bank-fed3/bank2.csv", "bank-fed3/bank3.csv"};

    private final SignedClient client;

    ModelCalls(SignedClient client) {
        this.client = client;
    }

    SignedClient client() {
        return client;
    }

    /** An MLContext naming one target and the inputs. */
    static String mlContext(String target, List<String> inputs, Map<String, String> extra) {
        return "{\"targetAttributeNames\":[" + quoted(List.of(target)) + "],\"inputAttributeNames\":[" + quoted(inputs)
                + "],\"extraParameters\":{" + extra.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(",")) + "}}";
    }

    /** The CSV's columns except {@code target}. */
    static List<String> inputsOf(String csv, String target) {
        return Arrays.stream(CsvDataFrames.lines(csv).get(0).split(",")).map(String::trim)
                .filter(name -> !name.equals(target)).toList();
    }

    Reply build(String pid, String modelId, String algo, String mlContext) {
        return client.post("projects/" + pid + "/build?modelid=" + modelId + "&algo=" + algo, mlContext);
    }

    /** Builds and waits: asserts the 202, then the job's {@code Job is finished}; answers the ModelInfo. */
    JsonObject built(String pid, String modelId, String algo, String mlContext) {
        Reply finished = job(build(pid, modelId, algo, mlContext));
        assertEquals(200, finished.status(), finished::toString);
        assertEquals("Job is finished", finished.statusString());
        assertEquals(0, finished.values().size());
        return info(pid, modelId);
    }

    /** The final answer of the job a 202 announced (in {@code sym-job-id} and {@code Location}). */
    Reply job(Reply accepted) {
        return job(accepted, "Job Created", 60_000);
    }

    /** The same for a call that announces its job with {@code createdStatus}, waiting up to {@code timeoutMillis}. */
    Reply job(Reply accepted, String createdStatus, long timeoutMillis) {
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals(createdStatus, accepted.statusString());
        String jobId = accepted.raw().headers().firstValue("sym-job-id").orElseThrow();
        assertTrue(accepted.raw().headers().firstValue("Location").orElseThrow().endsWith("/jobs/" + jobId));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Reply job = client.get("jobs/" + jobId);
        while (job.status() == 202) {
            assertTrue(System.currentTimeMillis() < deadline, "job " + jobId + " still running");
            sleep(Math.min(1000, 20 + (timeoutMillis - (deadline - System.currentTimeMillis())) / 10));
            job = client.get("jobs/" + jobId);
        }
        return job;
    }

    JsonObject info(String pid, String modelId) {
        Reply reply = client.get("projects/" + pid + "/models/" + modelId);
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("modelInfo");
    }

    Reply predictReply(String pid, String modelId, String query, String dataFrame) {
        return client.post("projects/" + pid + "/predict/" + modelId + query, dataFrame);
    }

    /** One map per row. */
    List<Map<String, String>> predict(String pid, String modelId, String dataFrame) {
        Reply reply = predictReply(pid, modelId, "", dataFrame);
        assertEquals(200, reply.status(), reply::toString);
        return rows(reply);
    }

    static List<Map<String, String>> rows(Reply reply) {
        return reply.values().getJsonObject("KSVSMap").getJsonArray("values").getValuesAs(JsonObject.class).stream()
                .map(row -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    row.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
                    return map;
                }).toList();
    }

    /** The given key of the predictions of every row of a CSV, sent in requests of {@code batch} rows. */
    double[] scores(String pid, String modelId, String csv, String key, int batch) {
        List<String> lines = CsvDataFrames.lines(csv);
        String[] names = lines.get(0).split(",");
        List<String> rows = lines.subList(1, lines.size());
        double[] scores = new double[rows.size()];
        for (int start = 0; start < rows.size(); start += batch) {
            List<Map<String, String>> answers = predict(pid, modelId,
                    CsvDataFrames.dataFrame(names, rows.subList(start, Math.min(rows.size(), start + batch)), "C"));
            for (int r = 0; r < answers.size(); r++) {
                scores[start + r] = Double.parseDouble(answers.get(r).get(key));
            }
        }
        return scores;
    }

    /** A column of a CSV file. */
    static double[] column(String csv, String name) {
        List<String> lines = CsvDataFrames.lines(csv);
        int c = Arrays.asList(lines.get(0).split(",")).indexOf(name);
        return lines.subList(1, lines.size()).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[c].trim()))
                .toArray();
    }

    static double rmse(double[] predicted, double[] actual) {
        double sum = 0;
        for (int r = 0; r < actual.length; r++) {
            sum += (predicted[r] - actual[r]) * (predicted[r] - actual[r]);
        }
        return Math.sqrt(sum / actual.length);
    }

    /** The area under the ROC curve by the Mann–Whitney rank formula, mid-ranks for ties. */
    static double auc(double[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (labels[order[k]] == 1) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            start = end;
        }
        double negatives = scores.length - positives;
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    /** The statsmodels figures of the housing mlr in examples/data/README.md: per attribute (const = intercept) coefficient, std.error, t. */
    static Map<String, double[]> expectedHousingCoefficients() {
        Map<String, double[]> expected = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^(\\w+): coefficient=(\\S+) std\\.error=(\\S+) t=(\\S+) p=").matcher(expectedText());
        while (line.find()) {
            expected.put(line.group(1), new double[] {Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3)),
                Double.parseDouble(line.group(4))});
        }
        assertEquals(14, expected.size(), "examples/data/README.md lists the 14 housing coefficients");
        return expected;
    }

    /** A {@code name=value} figure of examples/data/README.md. */
    static double expected(String name) {
        Matcher figure = Pattern.compile(Pattern.quote(name) + "=([-0-9.eE]+)").matcher(expectedText());
        assertTrue(figure.find(), name + " in examples/data/README.md");
        return Double.parseDouble(figure.group(1));
    }

    private static String expectedText() {
        try {
            return Files.readString(ReferenceCsv.IN_REPOSITORY.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRelative(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected), what + ": expected " + expected
                + " but was " + actual + " (relative error " + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }
}
