package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.it.SignedClient.Reply;

/** Issue 10 §3–4 over HTTP: hostile inputs get a 4xx envelope naming the problem, and nothing stored changes. */
class InputLimitsIT {

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "in" + System.nanoTime();

    @Test
    void aRowOf30000AttributesIsRefusedNamingTheLimit() {
        String pid = created(run + "-wide");
        String names = IntStream.range(0, 30_000).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(","));
        String types = IntStream.range(0, 30_000).mapToObj(i -> "\"C\"").collect(Collectors.joining(","));
        String row = IntStream.range(0, 30_000).mapToObj(i -> "\"1\"").collect(Collectors.joining(","));

        Reply reply = client.post("projects/" + pid + "/learn",
                "{\"attributeNames\":[" + names + "],\"attributeTypes\":[" + types + "],\"data\":[[" + row + "]]}");

        assertEquals(413, reply.status(), reply::toString);
        assertTrue(reply.statusString().contains("the limit is 2000 (smlfusion.project.max.attributes)"), reply::toString);
        assertEquals(0, owner.info(pid).getInt("rowCount"));
    }

    @Test
    void valuesThatWouldOverflowTheStatisticsAreRefusedAndTheVarianceStaysFinite() {
        String pid = created(run + "-big");
        String frame = "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],%s\"data\":[[\"1\"],[\"1e200\"],[\"-1e200\"],[\"3\"]]}";

        Reply rejected = client.post("projects/" + pid + "/learn", String.format(frame, ""));
        assertEquals(400, rejected.status(), rejected::toString);
        assertEquals("DataFrame rejected, nothing learned: row 2, column 'x': value '1e200' is not a finite number within ±1.0E50"
                + " (type C; larger values would overflow the statistics)", rejected.statusString());

        Reply skipped = client.post("projects/" + pid + "/learn", String.format(frame, "\"errorHandling\":1,"));
        assertEquals(200, skipped.status(), skipped::toString);
        assertEquals(2, skipped.values().getInt("rowsApplied"));
        assertEquals(2, skipped.values().getInt("rowsSkipped"));
        Reply uni = client.post("projects/" + pid + "/explore?metric=uni&format=raw",
                "{\"values\":[{\"inputAttributeNames\":[\"x\"]}]}");
        assertEquals(200, uni.status(), uni::toString);
        JsonObject moments = uni.values().getJsonObject("KSVDMap").getJsonArray("values").getJsonObject(0);
        assertEquals(1.0, moments.getJsonNumber("variance").doubleValue(), 1e-12, "rows 1 and 3 only: population variance 1");
    }

    @Test
    void snapshotsWithMomentsThatAreNotFiniteAreRefusedByImportAndByAFusion() throws IOException {
        String pid = created(run + "-src");
        assertEquals(200, client.post("projects/" + pid + "/learn",
                "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"],[\"2\"]]}").status());
        byte[] snapshot = Base64.getDecoder().decode(client.get("projects/" + pid + "/export").values().getString("string"));
        // SNAPSHOT-FORMAT.md: 12 header bytes, the attribute "x" (4 + 1 + 1), the int64 count, then mean[0]
        ByteBuffer.wrap(snapshot).order(ByteOrder.LITTLE_ENDIAN).putDouble(26, Double.NaN);

        Reply imported = client.post("projects/" + run + "-nan/import", Base64.getEncoder().encodeToString(snapshot));
        assertEquals(400, imported.status(), imported::toString);
        assertEquals("Cannot import project [" + run + "-nan]: the total block's mean [0] = NaN is not finite", imported.statusString());

        try (CellStub poisoned = new CellStub(snapshot)) {
            String fusion = run + "-fu";
            CellInfo cell = new CellInfo(poisoned.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, "poisoned");
            assertEquals(201, owner.create(fusion, false, List.of(owner.cell(pid))).status());
            Map<String, String> statuses = owner.cellsStatus(fusion, List.of(owner.cell(pid), cell));
            assertEquals("OK", statuses.get(pid));
            assertEquals("INCOMPATIBLE (snapshot: the total block's mean [0] = NaN is not finite)", statuses.get("poisoned"));
        }
    }

    @Test
    void anAttributeKeepsItsTypeAndCategoriesCannotCollideWithOtherColumns() {
        String pid = created(run + "-types");
        assertEquals(200, client.post("projects/" + pid + "/learn",
                "{\"attributeNames\":[\"u\"],\"attributeTypes\":[\"T\"],\"data\":[[\"a\"],[\"b\"]]}").status());

        Reply changed = client.post("projects/" + pid + "/learn", "{\"attributeNames\":[\"u\"],\"attributeTypes\":[\"C\"],\"data\":[[\"3\"]]}");
        assertEquals(400, changed.status(), changed::toString);
        assertTrue(changed.statusString().startsWith("attribute 'u' cannot be both type C and a category"), changed::toString);

        Reply collision = client.post("projects/" + pid + "/learn",
                "{\"attributeNames\":[\"u\",\"u$v\"],\"attributeTypes\":[\"T\",\"C\"],\"data\":[[\"v\",\"1\"]]}");
        assertEquals(400, collision.status(), collision::toString);
        assertEquals("Attribute 'u$v' collides with the values of category (T) attribute 'u', which expand to 'u$<value>'",
                collision.statusString());

        JsonObject info = owner.info(pid);
        assertEquals(2, info.getInt("rowCount"));
        assertEquals(List.of("u$a", "u$b"), info.getJsonArray("attributeNames").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void dotPidsAndUnprintableOrLongNamesAreRefused() {
        for (String pid : List.of(".", "..")) {
            Reply reply = client.post("projects?pid=" + pid, "{}");
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.statusString().startsWith("Invalid project id [" + pid + "]"), reply::toString);
        }
        String pid = created(run + "-names");
        assertEquals(400, client.get("projects/" + pid + "/rename?newName=..").status());
        for (String name : List.of("n".repeat(100_000), "a\\u0000b", "a\\ud800")) {
            Reply reply = client.post("projects/" + pid + "/learn",
                    "{\"attributeNames\":[\"" + name + "\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}");
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.statusString().startsWith("attributeNames[0] '"), reply::toString);
            assertTrue(reply.body().length() < 500, "the name is not echoed whole");
        }
        assertEquals(0, owner.info(pid).getInt("rowCount"));
    }

    @Test
    void asyncMustBeTrueOrFalse() {
        String pid = created(run + "-async");
        Reply reply = client.post("projects/" + pid + "/learn?async=maybe",
                "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("Query parameter async must be true or false, not [maybe]", reply.statusString());
        assertEquals(0, owner.info(pid).getInt("rowCount"));
        assertEquals(400, client.post("projects?pid=" + run + "-p&persist=yes", "{}").status());
    }

    @Test
    void encodedSlashDotAndBackslashInPathsGetTheEnvelope() throws IOException {
        for (String segment : List.of("a%2Fb", "%2E%2E", "%2e", "a%5Cb")) {
            String answer = rawGet("/symetry/rest/" + client.cid() + "/projects/" + segment + "/info");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
            assertTrue(answer.contains("{\"statusCode\":\"BAD_REQUEST\",\"statusString\":\"Invalid request path"), answer);
            assertFalse(answer.contains("<html"), answer);
        }
    }

    /** The request line exactly as written: no client library normalises or re-encodes it. */
    private static String rawGet(String rawPath) throws IOException {
        URI base = URI.create(SignedClient.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String created(String pid) {
        Reply reply = client.post("projects?pid=" + pid, "{}");
        assertEquals(201, reply.status(), reply::toString);
        return pid;
    }
}
