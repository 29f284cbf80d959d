package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.it.SocketClient.SigningForm;

/**
 * A domain exception of its own (here the quota's, thrown by the project layer) is a refusal with a
 * reason, mapped in one place: REST and a WebSocket message answer it with the same status and text.
 */
class RefusalTransportsIT {

    private static final int ATTRIBUTES = 2001;

    private final SignedClient client = FusionClient.itServer().signed();
    private final String pid = "rt" + System.nanoTime();

    @Test
    void aQuotaRefusalReadsTheSameOverRestAndOverTheSocket() throws Exception {
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        String tooWide = "{\"attributeNames\":[" + row(i -> "\"a" + i + "\"") + "],\"attributeTypes\":[" + row(i -> "\"C\"")
                + "],\"data\":[[" + row(i -> "\"1\"") + "]]}";

        Reply overRest = client.post("projects/" + pid + "/learn", tooWide);
        assertEquals(413, overRest.status(), overRest::toString);
        assertTrue(overRest.statusString().contains("(smlfusion.project.max.attributes)"), overRest::toString);

        try (SocketClient learn = SocketClient.bootstrap("learn")) {
            learn.send(learn.signed(tooWide, SigningForm.VENDOR_CLIENT, pid));
            JsonObject overSocket = Json.createReader(new StringReader(learn.answer())).readObject();
            assertEquals("REQUEST_ENTITY_TOO_LARGE", overSocket.getString("statusCode"), overSocket::toString);
            assertEquals(overRest.statusString(), overSocket.getString("statusString"));
        }
    }

    private static String row(IntFunction<String> cell) {
        return IntStream.range(0, ATTRIBUTES).mapToObj(cell).collect(Collectors.joining(","));
    }
}
