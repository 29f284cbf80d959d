package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.it.SocketClient.SigningForm;

/**
 * The WebSocket API (spec §2.6, §5.5) with a client written from its description: learn, forget
 * and predict answer what REST answers for the same DataFrames, under both signing forms; later
 * messages of an authenticated connection need no header block; refusals carry the REST texts and
 * close the connection. Binary messages carry Arrow IPC streams under the same framing and checks.
 */
class WebSocketIT {

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "ws" + System.nanoTime();

    @Test
    void learnAndForgetOverOneConnectionCountWhatRestCounts() throws Exception {
        String overSocket = run + "-s";
        String overRest = run + "-r";
        assertEquals(201, client.post("projects?pid=" + overSocket, "{}").status());
        owner.cellProject(overRest, HOUSING[0], HOUSING[1]);
        try (SocketClient learn = SocketClient.bootstrap("learn")) {
            learn.send(learn.signed(CsvDataFrames.dataFrame(HOUSING[0]), SigningForm.VENDOR_CLIENT, overSocket));
            learn.send(CsvDataFrames.dataFrame(HOUSING[1]));
            List<JsonObject> answers = learn.answers(2).stream().map(WebSocketIT::json).toList();
            for (int k = 0; k < 2; k++) {
                assertEquals("OK", answers.get(k).getString("statusCode"), answers.get(k)::toString);
                assertEquals(CsvDataFrames.lines(HOUSING[k]).size() - 1, answers.get(k).getJsonObject("values").getInt("rowsApplied"));
            }
        }
        assertEquals(statistics(overRest), statistics(overSocket));

        try (SocketClient forget = SocketClient.bootstrap("forget")) {
            forget.send(forget.signed(CsvDataFrames.dataFrame(HOUSING[1]), SigningForm.DOCUMENTED, overSocket));
            assertEquals("OK", json(forget.answer()).getString("statusCode"));
        }
        assertEquals(CsvDataFrames.lines(HOUSING[0]).size() - 1, rowCount(overSocket));
    }

    @Test
    void predictAnswersTheRestPrediction() throws Exception {
        String pid = run + "-p";
        owner.cellProject(pid, HOUSING);
        ModelCalls models = new ModelCalls(client);
        models.built(pid, "m", "mlr", mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of()));
        String rows = CsvDataFrames.dataFrame("housing-fed3/housing_test.csv");
        try (SocketClient predict = SocketClient.bootstrap("predict")) {
            predict.send(predict.signed(rows, SigningForm.VENDOR_CLIENT, pid, "m"));
            JsonObject answer = json(predict.answer());
            assertEquals(json(models.predictReply(pid, "m", "", rows).body()).getJsonObject("values"), answer.getJsonObject("values"));
        }
    }

    @Test
    void arrowStreamsAsBinaryMessagesLearnWhatRestLearns() throws Exception {
        String overSocket = run + "-as";
        String overRest = run + "-ar";
        assertEquals(201, client.post("projects?pid=" + overSocket, "{}").status());
        owner.cellProject(overRest, HOUSING);
        try (SocketClient learn = SocketClient.bootstrap("learn")) {
            learn.send(learn.signed(ArrowIngestIT.stream(HOUSING[0]), SigningForm.VENDOR_CLIENT, overSocket));
            learn.send(ArrowIngestIT.stream(HOUSING[1]));
            // a connection may mix kinds: a DataFrame as text after Arrow streams, unsigned like them
            learn.send(CsvDataFrames.dataFrame(HOUSING[2]));
            List<JsonObject> answers = learn.answers(3).stream().map(WebSocketIT::json).toList();
            for (int k = 0; k < 3; k++) {
                assertEquals("OK", answers.get(k).getString("statusCode"), answers.get(k)::toString);
                assertEquals(CsvDataFrames.lines(HOUSING[k]).size() - 1, answers.get(k).getJsonObject("values").getInt("rowsApplied"));
            }
        }
        assertEquals(statistics(overRest), statistics(overSocket));

        ModelCalls models = new ModelCalls(client);
        models.built(overSocket, "m", "mlr", mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of()));
        String test = "housing-fed3/housing_test.csv";
        try (SocketClient predict = SocketClient.bootstrap("predict")) {
            predict.send(predict.signed(ArrowIngestIT.stream(test), SigningForm.DOCUMENTED, overSocket, "m"));
            JsonObject answer = json(predict.answer());
            assertEquals(json(models.predictReply(overSocket, "m", "", CsvDataFrames.dataFrame(test)).body()).getJsonObject("values"),
                    answer.getJsonObject("values"));
        }
    }

    @Test
    void binaryMessagesAreBoundedAndCheckedLikeText() throws Exception {
        String pid = run + "-ab";
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        try (SocketClient unsigned = SocketClient.bootstrap("learn")) {
            unsigned.send(ArrowIngestIT.stream(HOUSING[0]));
            assertEquals("UNAUTHORIZED", json(unsigned.answer()).getString("statusCode"));
            assertEquals(1008, unsigned.closeCode());
        }
        try (SocketClient malformed = SocketClient.bootstrap("learn")) {
            malformed.send("7{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertEquals("Malformed WebSocket message: a message starts with <header length>,<header JSON> or with its payload alone",
                    json(malformed.answer()).getString("statusString"));
            assertEquals(1002, malformed.closeCode());
        }
        try (SocketClient notArrow = SocketClient.bootstrap("learn")) {
            notArrow.send(notArrow.signed(CsvDataFrames.dataFrame(HOUSING[0]).getBytes(StandardCharsets.UTF_8), SigningForm.VENDOR_CLIENT, pid));
            JsonObject refused = json(notArrow.answer());
            assertEquals("BAD_REQUEST", refused.getString("statusCode"));
            assertTrue(refused.getString("statusString").contains("not a readable Arrow IPC stream"), refused::toString);
            notArrow.send(ArrowIngestIT.stream(HOUSING[0]));
            assertEquals("OK", json(notArrow.answer()).getString("statusCode"), "a refused stream leaves the connection open");
        }
        try (SocketClient oversized = SocketClient.bootstrap("learn")) {
            oversized.send(new byte[1_048_577]);
            assertEquals("binary WebSocket message longer than 1048576 bytes (smlfusion.ws.max.message.bytes)",
                    json(oversized.answer()).getString("statusString"));
            assertEquals(1009, oversized.closeCode());
        }
        assertEquals(CsvDataFrames.lines(HOUSING[0]).size() - 1, rowCount(pid));
    }

    @Test
    void aBadSignatureIsRefusedWithTheRestTextAndTheConnectionClosed() throws Exception {
        String pid = run + "-bad";
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        try (SocketClient forger = new SocketClient("learn", SignedClient.BOOTSTRAP_CID, "AAAAAAAAAAAAAAAAAAAAAA==")) {
            forger.send(forger.signed(CsvDataFrames.dataFrame(HOUSING[0]), SigningForm.VENDOR_CLIENT, pid));
            JsonObject answer = json(forger.answer());
            assertEquals("UNAUTHORIZED", answer.getString("statusCode"));
            assertEquals("Invalid Signature", answer.getString("statusString"));
            assertTrue(answer.getJsonObject("values").getString("stringToSign").contains("SECRETKEY"));
            assertEquals(1008, forger.closeCode());
        }
        assertEquals(0, rowCount(pid));
    }

    @Test
    void aStaleDateAndAReplayAreRefused() throws Exception {
        String pid = run + "-old";
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        String frame = CsvDataFrames.dataFrame(HOUSING[0]);
        try (SocketClient late = SocketClient.bootstrap("learn")) {
            late.send(late.signedAt(frame, SigningForm.VENDOR_CLIENT, SocketClient.symDate(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(6)), pid));
            assertEquals("Please update your server time, it is likely out of sync with UTC", json(late.answer()).getString("statusString"));
            assertEquals(1008, late.closeCode());
        }
        String message;
        try (SocketClient first = SocketClient.bootstrap("learn")) {
            message = first.signed(frame, SigningForm.VENDOR_CLIENT, pid);
            first.send(message);
            assertEquals("OK", json(first.answer()).getString("statusCode"));
        }
        try (SocketClient replay = SocketClient.bootstrap("learn")) {
            replay.send(message);
            assertEquals("Replayed request: this signature was already used", json(replay.answer()).getString("statusString"));
            assertEquals(1008, replay.closeCode());
        }
        assertEquals(CsvDataFrames.lines(HOUSING[0]).size() - 1, rowCount(pid));
    }

    @Test
    void anUnknownProjectIsAnsweredAndTheConnectionStaysOpen() throws Exception {
        String pid = run + "-late";
        try (SocketClient learn = SocketClient.bootstrap("learn")) {
            learn.send(learn.signed(CsvDataFrames.dataFrame(HOUSING[0]), SigningForm.VENDOR_CLIENT, pid));
            JsonObject refused = json(learn.answer());
            assertEquals("BAD_REQUEST", refused.getString("statusCode"));
            assertEquals("Cannot Find SYMETRYML id[" + pid + "] for Customer id [" + client.cid() + "]", refused.getString("statusString"));
            assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
            learn.send(CsvDataFrames.dataFrame(HOUSING[0]));
            assertEquals("OK", json(learn.answer()).getString("statusCode"));
        }
    }

    @Test
    void malformedUnsignedAndOversizedMessagesCloseTheConnection() throws Exception {
        try (SocketClient unsigned = SocketClient.bootstrap("learn")) {
            unsigned.send(CsvDataFrames.dataFrame(HOUSING[0]));
            assertEquals("UNAUTHORIZED", json(unsigned.answer()).getString("statusCode"));
            assertEquals(1008, unsigned.closeCode());
        }
        try (SocketClient malformed = SocketClient.bootstrap("learn")) {
            malformed.send("12,{\"headers\":[1]}{}");
            JsonObject answer = json(malformed.answer());
            assertEquals("BAD_REQUEST", answer.getString("statusCode"));
            assertTrue(answer.getString("statusString").startsWith("Malformed WebSocket message: "), answer::toString);
            assertEquals(1002, malformed.closeCode());
        }
        try (SocketClient oversized = SocketClient.bootstrap("learn")) {
            oversized.send("x".repeat(1_048_577));
            assertEquals("WebSocket message longer than 1048576 characters (smlfusion.ws.max.message.chars)",
                    json(oversized.answer()).getString("statusString"));
            assertEquals(1009, oversized.closeCode());
        }
        try (SocketClient wrongArguments = SocketClient.bootstrap("predict")) {
            wrongArguments.send(wrongArguments.signed("{}", SigningForm.VENDOR_CLIENT, run));
            assertEquals("extraKeys of ws/predict must be [pid, modelid]", json(wrongArguments.answer()).getString("statusString"));
            assertEquals(1008, wrongArguments.closeCode());
        }
    }

    /** The project's snapshot: equal snapshots are equal statistics. */
    private String statistics(String pid) {
        Reply export = client.get("projects/" + pid + "/export");
        assertEquals(200, export.status(), export::toString);
        return export.values().getString("string");
    }

    private long rowCount(String pid) {
        Reply info = client.get("projects/" + pid + "/info");
        assertEquals(200, info.status(), info::toString);
        return info.values().getJsonObject("smlInfo").getJsonNumber("rowCount").longValue();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
