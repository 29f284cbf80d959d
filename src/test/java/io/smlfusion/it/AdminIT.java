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

    /** An administrator manages a customer's export keys; the customer sees them too; another customer may not. */
    @Test
    void anAdminCreatesAnExportKeyForACustomer() {
        String cid = "lab-" + System.nanoTime();
        Reply created = admin.post("admin/customers?newCid=" + cid, null);
        assertEquals(201, created.status(), created::toString);
        SignedClient customer = new SignedClient(cid, created.values().getJsonObject("smlCredentials").getString("smlusersecretkey"));
        assertEquals(201, customer.post("projects?pid=shared", "{}").status());
        Reply learned = customer.post("projects/shared/learn", CsvDataFrames.dataFrame("housing-fed3/housing1.csv"));
        assertEquals(200, learned.status(), learned::toString);

        Reply issued = admin.post("admin/customers/" + cid + "/exportKeys", "{\"projects\":[\"shared\"]}");
        assertEquals(201, issued.status(), issued::toString);
        JsonObject credentials = issued.values().getJsonObject("smlCredentials");
        String keyId = credentials.getString("smlusername");
        assertEquals(admin.cid(), issued.values().getJsonObject("exportKey").getString("createdBy"));
        SignedClient key = new SignedClient(keyId, credentials.getString("smlusersecretkey"));
        Reply exported = key.get("projects/shared/export");
        assertEquals(200, exported.status(), exported::toString);
        assertEquals(customer.get("projects/shared/export").values().getString("string"), exported.values().getString("string"));

        Reply seenByOwner = customer.get("exportKeys");
        assertEquals(keyId, seenByOwner.values().getJsonArray("exportKeys").getJsonObject(0).getString("keyId"), seenByOwner::toString);
        assertEquals(409, admin.post("admin/customers?newCid=" + keyId, null).status(), "a key id is never a customer id");

        SignedClient stranger = new SignedClient(cid + "-2", admin.post("admin/customers?newCid=" + cid + "-2", null)
                .values().getJsonObject("smlCredentials").getString("smlusersecretkey"));
        Reply refused = stranger.get("admin/customers/" + cid + "/exportKeys");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("Customer [" + cid + "-2] is not an administrator and cannot list export keys of another customer", refused.statusString());
        assertEquals(403, stranger.delete("admin/customers/" + cid + "/exportKeys/" + keyId).status());

        Reply revoked = admin.delete("admin/customers/" + cid + "/exportKeys/" + keyId);
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals(401, key.get("projects/shared/export").status(), "revoked at once");
    }

    @Test
    void duplicateCustomerIsAConflict() {
        Reply reply = admin.post("admin/customers?newCid=" + admin.cid(), null);
        assertEquals(409, reply.status(), reply::toString);
        assertEquals("CONFLICT", reply.statusCode());
    }
}
