package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/** Customer administration: an admin creates a customer, who can sign at once and rotate its own key. */
class AdminIT {

    private final SignedClient admin = SignedClient.bootstrap();

    @Test
    void createdCustomerSignsAndRotatesItsKey() {
        String cid = "lab-" + System.nanoTime();
        Reply created = admin.post("admin/customers?newCid=" + cid, null);
        assertEquals(201, created.status(), created::toString);
        JsonObject credentials = created.values().getJsonObject("smlCredentials");
        assertEquals(cid, credentials.getString("smlusername"));
        String secret = credentials.getString("smlusersecretkey");

        SignedClient customer = new SignedClient(cid, secret);
        Reply rotated = customer.post("admin/customers/" + cid + "/rotateKey", null);
        assertEquals(200, rotated.status(), rotated::toString);
        String newSecret = rotated.values().getJsonObject("smlCredentials").getString("smlusersecretkey");
        assertNotEquals(secret, newSecret);

        Reply withOldKey = customer.post("admin/customers/" + cid + "/rotateKey", null);
        assertEquals(401, withOldKey.status(), withOldKey::toString);
        assertEquals("Invalid Signature", withOldKey.statusString());
    }

    @Test
    void duplicateCustomerIsAConflict() {
        Reply reply = admin.post("admin/customers?newCid=" + admin.cid(), null);
        assertEquals(409, reply.status(), reply::toString);
        assertEquals("CONFLICT", reply.statusCode());
    }
}
