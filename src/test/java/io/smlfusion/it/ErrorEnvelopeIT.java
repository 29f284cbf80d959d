package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/** Whatever goes wrong under /symetry/rest answers the envelope with the right code, never an HTML page or a stack trace. */
class ErrorEnvelopeIT {

    private final SignedClient client = SignedClient.bootstrap();

    @Test
    void unknownPath() {
        Reply reply = client.get("no/such/thing");
        assertEquals(404, reply.status(), reply::toString);
        assertEquals("NOT_FOUND", reply.statusCode());
        assertTrue(reply.statusString().contains("/symetry/rest/" + client.cid() + "/no/such/thing"), reply::toString);
    }

    @Test
    void wrongMethod() {
        Reply reply = client.send("PUT", "admin/customers", "{}".getBytes());
        assertEquals(405, reply.status(), reply::toString);
        assertEquals("METHOD_NOT_ALLOWED", reply.statusCode());
        assertTrue(reply.statusString().contains("PUT"), reply::toString);
    }

    @Test
    void forbiddenAdministration() {
        Reply created = client.post("admin/customers?newCid=plain-" + System.nanoTime(), null);
        assertEquals(201, created.status(), created::toString);
        var credentials = created.values().getJsonObject("smlCredentials");
        SignedClient plain = new SignedClient(credentials.getString("smlusername"), credentials.getString("smlusersecretkey"));
        Reply reply = plain.post("admin/customers?newCid=other", null);
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("FORBIDDEN", reply.statusCode());
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        byte[] body = new byte[9 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        Reply reply = client.send("POST", "admin/customers?newCid=big", body);
        assertEquals(413, reply.status(), reply::toString);
        assertTrue(reply.statusString().contains("smlfusion.request.max.bytes"), reply::toString);
    }

    @Test
    void errorsNeverCarryStackTraces() {
        Reply reply = client.send("POST", "admin/customers?newCid=bad%20id", null, Map.of());
        assertEquals(400, reply.status(), reply::toString);
        assertFalse(reply.body().contains("at io.smlfusion"), reply::toString);
        assertFalse(reply.body().contains("<html"), reply::toString);
    }
}
