package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/**
 * What an operator sees of a fusion across sites (docs/observability.md): a Prometheus scrape of the
 * main server after learning, forgetting, skipping rows and a fused read over a cell of the cell
 * server; the trace of that read reaching the cell (its export span, which the cell server writes to
 * its JSON messages.log, has the trace id the test started); and the request's id and customer on
 * the cell server's JSON log lines. The cell server keeps the defaults: its /metrics is closed.
 */
class ObservabilityIT {

    private static final Path CELL_LOG = Path.of("target", "liberty", "wlp", "usr", "servers", CellServer.NAME, "logs", "messages.log");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FusionClient owner = FusionClient.itServer();
    private final FusionClient cellOwner = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "obs" + System.nanoTime();

    @BeforeAll
    static void cellServerUp() {
        CellServer.server().start();
    }

    @Test
    void aScrapeShowsTheFlowOfRowsAndOfAFusionOverCells() throws InterruptedException {
        String rowValue = "SECRET-ROW-VALUE-" + run;
        owner.cellProject(run + "-a", "housing-fed3/housing3.csv", "housing-fed3/housing1.csv");
        assertEquals(200, owner.signed().post("projects/" + run + "-a/forget", CsvDataFrames.dataFrame("housing-fed3/housing1.csv")).status());
        assertEquals(201, owner.signed().post("projects?pid=" + run + "-s", "{}").status());
        Reply skipping = owner.signed().post("projects/" + run + "-s/learn", "{\"attributeNames\":[\"x\",\"y\"],\"attributeTypes\":[\"C\",\"C\"],"
                + "\"errorHandling\":1,\"data\":[[\"1\",\"2\"],[\"" + rowValue + "\",\"2\"],[\"3\",\"4\"]]}");
        assertEquals(1, skipping.values().getInt("rowsSkipped"), skipping::toString);
        assertEquals(401, new SignedClient(SignedClient.BOOTSTRAP_CID, "AAAAAAAAAAAAAAAAAAAAAA==").get("projects").status());

        cellOwner.cellProject(run + "-remote", "housing-fed3/housing2.csv");
        List<CellInfo> cells = List.of(cellOwner.cell(run + "-remote"), owner.cell(run + "-a"));
        assertEquals(201, owner.create(run + "-f", false, cells).status());
        assertEquals(381, owner.info(run + "-f").getInt("rowCount"));

        PrometheusScrape scrape = scrape(SignedClient.BASE);
        Map<String, String> a = project(run + "-a");
        assertEquals(306, scrape.value("smlfusion_rows_learned_total", a));
        assertEquals(25, scrape.value("smlfusion_rows_forgotten_total", a));
        assertEquals(2, scrape.value("smlfusion_learn_duration_seconds_count", a));
        assertEquals(2, scrape.value("smlfusion_learn_duration_seconds_bucket", with(a, "le", "+Inf")));
        assertEquals(1, scrape.value("smlfusion_rows_skipped_total", with(project(run + "-s"), "reason", "not_a_number")));
        assertTrue(scrape.value("smlfusion_request_received_bytes_total", Map.of()) > 0);
        assertTrue(scrape.value("smlfusion_authentication_failures_total", Map.of("reason", "invalid_signature")) >= 1);

        Map<String, String> fusion = project(run + "-f");
        assertTrue(scrape.value("smlfusion_fusion_refresh_duration_seconds_count", fusion) >= 1);
        assertTrue(scrape.value("smlfusion_fusion_merge_age_seconds", fusion) >= 0);
        Map<String, String> remote = Map.of("cell", CellServer.BASE);
        assertTrue(scrape.value("smlfusion_fusion_cell_calls_total", with(remote, "status", "OK")) >= 1);
        assertTrue(scrape.value("smlfusion_fusion_cell_received_bytes_total", remote) > 0);
        assertTrue(scrape.value("smlfusion_fusion_cell_call_duration_seconds_count", remote) >= 1);
        assertEquals(1, scrape.value("smlfusion_fusion_cell_up", remote));
        assertTrue(scrape.value("smlfusion_jobs_queued", Map.of()) >= 0);
        assertTrue(scrape.value("smlfusion_jobs_running", Map.of()) >= 0);

        for (String secret : List.of(SignedClient.BOOTSTRAP_SECRET, CellServer.SECRET, rowValue)) {
            assertFalse(scrape.text().contains(secret), "the scrape shows " + secret);
        }
    }

    @Test
    void aFusedReadIsOneTraceThatReachesTheCell() throws InterruptedException {
        cellOwner.cellProject(run + "-traced", "housing-fed3/housing2.csv");
        assertEquals(201, owner.create(run + "-tf", false, List.of(cellOwner.cell(run + "-traced"))).status());
        String traceId = hex(16);
        // the first read of a new fusion refreshes it: its cell call carries this trace to the cell
        Reply read = owner.signed().send("GET", "projects/" + run + "-tf/info", null,
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        assertEquals(200, read.status(), read::toString);
        String span = awaitCellLogLine(traceId);
        assertTrue(span.contains("export") && span.contains("SERVER"), "the cell's span of the export call: " + span);
    }

    @Test
    void theCellServersJsonLogLinesCarryTheRequestIdAndCustomer() throws InterruptedException {
        String requestId = "obs-it-" + hex(6);
        String ghost = "ghost" + run;
        Reply refused = new SignedClient(CellServer.BASE, ghost, "AAAAAAAAAAAAAAAAAAAAAA==").send("GET", "projects", null,
                Map.of("X-Request-Id", requestId));
        assertEquals(401, refused.status());
        assertEquals(requestId, refused.raw().headers().firstValue("X-Request-Id").orElse(null));
        String line = awaitCellLogLine("\"ext_requestId\":\"" + requestId + "\"");
        assertTrue(line.startsWith("{") && line.contains("\"ext_customer\":\"" + ghost + "\"")
                && line.contains("unknown customer"), line);
        assertTrue(owner.signed().get("projects").raw().headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{16}"),
                "a request without an id gets one");
    }

    @Test
    void theCellServersMetricsAreClosedToAnonymousCallers() {
        HttpResponse<String> anonymous = SignedClient.send(HttpRequest.newBuilder(URI.create(CellServer.BASE + "/metrics")).build());
        assertNotEquals(200, anonymous.statusCode());
        assertFalse(anonymous.body().contains("smlfusion_"), anonymous::body);
    }

    private static PrometheusScrape scrape(String base) {
        HttpResponse<String> metrics = SignedClient.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=application"))
                .header("Accept", "text/plain").build());
        assertEquals(200, metrics.statusCode(), metrics::body);
        return new PrometheusScrape(metrics.body());
    }

    private static Map<String, String> project(String pid) {
        return Map.of("customer", SignedClient.BOOTSTRAP_CID, "project", pid);
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    /** The first line of the cell server's messages.log that contains {@code text}, waiting for it a while. */
    private static String awaitCellLogLine(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                for (String line : Files.readAllLines(CELL_LOG, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(System.currentTimeMillis() < deadline, "no line with " + text + " in " + CELL_LOG);
            Thread.sleep(200);
        }
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
