package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * learn, forget, predict and wait against a loopback server that answers like sml-fusion (the
 * signature itself is {@link SmlCliTest}'s subject): what is sent, in how many requests, and what
 * the command prints.
 */
class DataCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>(CliArgumentsTest.ENV);
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger jobPolls = new AtomicInteger();
    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/symetry/rest/", this::answer);
        server.start();
        env.put("SML_HOST", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void learnSendsTheCsvInBatchesWithInferredTypesAndSumsTheAnswers() throws IOException {
        Path csv = Files.writeString(dir.resolve("houses.csv"), "rooms,town,price\n3,ely,210.5\n5,\"bury, st\",330\n4,ely,301\n");
        assertEquals(0, run("learn", "houses", "--csv", csv.toString(), "--batch", "2"));
        assertEquals(List.of("/symetry/rest/c1/projects/houses/learn", "/symetry/rest/c1/projects/houses/learn"), paths);
        assertEquals(List.of("C", "T", "C"), strings(frames.get(0).getJsonArray("attributeTypes")));
        assertEquals(2, frames.get(0).getJsonArray("data").size());
        assertEquals(List.of("4", "ely", "301"), strings(frames.get(1).getJsonArray("data").getJsonArray(0)));
        assertEquals(List.of("5", "bury, st", "330"), strings(frames.get(0).getJsonArray("data").getJsonArray(1)));
        assertTrue(stdout().startsWith("learn houses: 3 rows applied, 0 skipped, in 2 request(s)"), stdout());
    }

    @Test
    void givenTypesAreSentAndForgetUsesItsPath() throws IOException {
        Path csv = Files.writeString(dir.resolve("b.csv"), "flag,x\n1,2\n");
        assertEquals(0, run("forget", "p1", "--csv", csv.toString(), "--types", "b,c"));
        assertEquals(List.of("/symetry/rest/c1/projects/p1/forget"), paths);
        assertEquals(List.of("B", "C"), strings(frames.get(0).getJsonArray("attributeTypes")));
    }

    @Test
    void aRefusedBatchStopsTheCommandAndNamesItsLines() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x\n1\n2\nbad\n4\n");
        assertEquals(1, run("learn", "p1", "--csv", csv.toString(), "--batch", "2", "--types", "C"));
        assertEquals(2, paths.size());
        assertTrue(stderr().contains("refused the request with the rows from CSV line 4 (2 rows; HTTP 400); the rows before them were applied"),
                stderr());
        assertTrue(stdout().contains("Invalid number"), stdout());
    }

    @Test
    void aRowOfTheWrongWidthIsAUsageErrorBeforeItsBatchIsSent() throws IOException {
        Path csv = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertEquals(2, run("learn", "p1", "--csv", csv.toString()));
        assertTrue(stderr().contains("CSV line 3 has 1 field(s), the header has 2"), stderr());
        assertEquals(List.of(), paths);
    }

    @Test
    void predictPrintsOneCsvLinePerRowInOrder() throws IOException {
        Path csv = Files.writeString(dir.resolve("new.csv"), "rooms\n3\n5\n7\n");
        assertEquals(0, run("predict", "houses", "m 1", "--csv", csv.toString(), "--batch", "2"));
        assertEquals(List.of("/symetry/rest/c1/projects/houses/predict/m%201", "/symetry/rest/c1/projects/houses/predict/m%201"), paths);
        assertEquals("rooms,predicted\n3,6.0\n5,10.0\n7,14.0\n", stdout().replace("\r\n", "\n"));
    }

    @Test
    void aJsonDataFrameIsSentAsItIs() throws IOException {
        String frame = "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}";
        Path json = Files.writeString(dir.resolve("frame.json"), frame);
        assertEquals(0, run("learn", "p1", "--json", json.toString()));
        assertEquals(List.of("1"), strings(frames.get(0).getJsonArray("data").getJsonArray(0)));
        assertTrue(stdout().contains("\"rowsApplied\":1"), stdout());
    }

    @Test
    void waitPollsUntilTheJobEndsAndPrintsItsResult() throws IOException {
        assertEquals(0, run("wait", "7"));
        assertEquals(3, jobPolls.get());
        assertTrue(stdout().contains("\"statusString\":\"done\""), stdout());
        assertEquals(2, run("wait", "seven"));
    }

    @Test
    void anAsynchronousCallNamesItsJob() {
        assertEquals(0, run("POST", "projects/p1/learn?async=true", "{}"));
        assertTrue(stderr().contains("sml: job 7 started; follow it with: bin/sml wait 7"), stderr());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = 200;
        String answer;
        if (path.endsWith("/jobs/7")) {
            boolean running = jobPolls.incrementAndGet() < 3;
            status = running ? 202 : 200;
            answer = envelope(running ? "Job still running" : "done", "{}");
        } else if (exchange.getRequestURI().getRawQuery() != null) {
            exchange.getResponseHeaders().add("sym-job-id", "7");
            status = 202;
            answer = envelope("Job started", "{}");
        } else {
            paths.add(path);
            JsonObject frame = Json.createReader(new ByteArrayInputStream(body)).readObject();
            frames.add(frame);
            JsonArray data = frame.getJsonArray("data");
            if (data.toString().contains("bad")) {
                status = 400;
                answer = envelope("Invalid number [bad] in row 1, column x", "{}");
            } else if (path.contains("/predict/")) {
                StringBuilder rows = new StringBuilder();
                for (int r = 0; r < data.size(); r++) {
                    String rooms = data.getJsonArray(r).getString(0);
                    rows.append(r == 0 ? "" : ",").append("{\"rooms\":\"").append(rooms).append("\",\"predicted\":\"")
                            .append(2 * Double.parseDouble(rooms)).append("\"}");
                }
                answer = envelope("OK", "{\"KSVSMap\":{\"values\":[" + rows + "]}}");
            } else {
                answer = envelope("OK", "{\"rowsApplied\":" + data.size() + ",\"rowsSkipped\":0}");
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String envelope(String statusString, String values) {
        return "{\"statusCode\":\"X\",\"statusString\":\"" + statusString + "\",\"values\":" + values + "}";
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString::getString);
    }

    private int run(String... args) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new SmlCli(env, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), http, false).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
