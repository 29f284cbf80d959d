package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/** Spec §2 over real HTTP: every documented authentication answer, and a successful signed call. */
class AuthenticationIT {

    private final SignedClient client = SignedClient.bootstrap();

    @Test
    void signedCallAnswersOkEnvelope() {
        Reply reply = client.get("admin/customers");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("OK", reply.statusCode());
        assertEquals("OK", reply.statusString());
        assertTrue(reply.values().getJsonObject("stringList").getJsonArray("values").toString().contains("\"" + client.cid() + "\""));
    }

    @Test
    void missingAuthorization() {
        Reply reply = client.send("GET", "admin/customers", null, headerRemoved("Authorization"));
        assertAnswer(reply, 400, "BAD_REQUEST", "Authentication header is null");
    }

    @Test
    void missingDate() {
        Reply reply = client.send("GET", "admin/customers", null, headerRemoved("sym-date"));
        assertAnswer(reply, 400, "BAD_REQUEST", "sym-date header is null");
    }

    @Test
    void invalidDateFormat() {
        Reply reply = client.send("GET", "admin/customers", null, Map.of("sym-date", "yesterday at noon"));
        assertAnswer(reply, 400, "BAD_REQUEST", "Invalid Date Format");
    }

    @Test
    void dateOutsideWindow() {
        Reply reply = signedAt(Instant.now().minus(Duration.ofMinutes(6)), "admin/customers");
        assertAnswer(reply, 400, "BAD_REQUEST", "Please update your server time, it is likely out of sync with UTC");
        Reply ahead = signedAt(Instant.now().plus(Duration.ofMinutes(2)), "admin/customers");
        assertAnswer(ahead, 400, "BAD_REQUEST", "Please update your server time, it is likely out of sync with UTC");
    }

    @Test
    void unknownCustomerIsAnsweredAsAWrongKey() {
        Reply reply = new SignedClient("nobody", SignedClient.BOOTSTRAP_SECRET).get("admin/customers");
        assertAnswer(reply, 401, "UNAUTHORIZED", "Invalid Signature");
        Reply wrongKey = new SignedClient(client.cid(), "EYpWjGPaoMoFUb/jfW95PQ==").get("admin/customers");
        String shownToTheUnknown = reply.values().getString("stringToSign");
        String shownToTheWrongKey = wrongKey.values().getString("stringToSign");
        assertEquals(shownToTheWrongKey.substring(shownToTheWrongKey.indexOf("\n" + client.cid() + "\n")).replace(client.cid(), "nobody"),
                shownToTheUnknown.substring(shownToTheUnknown.indexOf("\nnobody\n")));
    }

    @Test
    void wrongKeyAnswersMaskedStringToSign() {
        Reply reply = new SignedClient(client.cid(), "EYpWjGPaoMoFUb/jfW95PQ==").get("admin/customers");
        assertAnswer(reply, 401, "UNAUTHORIZED", "Invalid Signature");
        String stringToSign = reply.values().getString("stringToSign");
        assertTrue(stringToSign.startsWith("GET\n\nSECRETKEY\n"), stringToSign);
        assertTrue(stringToSign.endsWith("\n" + client.cid() + "\n/symetry/rest/" + client.cid() + "/admin/customers\n"), stringToSign);
        assertFalse(reply.body().contains(SignedClient.BOOTSTRAP_SECRET));
    }

    @Test
    void tamperedQueryFailsSignature() {
        RequestSigner signer = new RequestSigner(client.cid(), SignedClient.BOOTSTRAP_SECRET, Clock.systemUTC());
        String path = "/symetry/rest/" + client.cid() + "/admin/customers";
        SignedRequest signed = signer.sign("GET", path, "x=1", null);
        Reply reply = raw("GET", path + "?x=2", signed.headers(), null);
        assertAnswer(reply, 401, "UNAUTHORIZED", "Invalid Signature");
    }

    @Test
    void tamperedBodyFailsMd5() {
        RequestSigner signer = new RequestSigner(client.cid(), SignedClient.BOOTSTRAP_SECRET, Clock.systemUTC());
        String path = "/symetry/rest/" + client.cid() + "/admin/customers";
        SignedRequest signed = signer.sign("POST", path, "newCid=tampered", "{}".getBytes());
        Reply reply = raw("POST", path + "?newCid=tampered", signed.headers(), "{ }");
        assertAnswer(reply, 400, "BAD_REQUEST", "Md5 do not match");
    }

    @Test
    void replayedRequestIsRefused() {
        RequestSigner signer = new RequestSigner(client.cid(), SignedClient.BOOTSTRAP_SECRET, Clock.systemUTC());
        String path = "/symetry/rest/" + client.cid() + "/admin/customers";
        SignedRequest signed = signer.sign("GET", path, null, null);
        assertEquals(200, raw("GET", path, signed.headers(), null).status());
        Reply again = raw("GET", path, signed.headers(), null);
        assertEquals(401, again.status(), again::toString);
        assertEquals("UNAUTHORIZED", again.statusCode());
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        RequestSigner signer = new RequestSigner(client.cid(), SignedClient.BOOTSTRAP_SECRET, Clock.systemUTC());
        String path = "/symetry/rest/" + client.cid() + "/admin/customers";
        SignedRequest signed = signer.sign("GET", path, null, null);
        Map<String, String> headers = Map.of("AUTHORIZATION", signed.authorization(), "Sym-Date", signed.symDate(),
                "content-md5", signed.contentMd5());
        assertEquals(200, raw("GET", path, headers, null).status());
    }

    @Test
    void customerIdHeaderMustMatchPath() {
        Reply reply = client.send("GET", "admin/customers", null, Map.of("Customer-ID", "someone-else"));
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.statusString().contains("someone-else"), reply::toString);
    }

    private Reply signedAt(Instant when, String relative) {
        RequestSigner signer = new RequestSigner(client.cid(), SignedClient.BOOTSTRAP_SECRET, Clock.fixed(when, ZoneOffset.UTC));
        String path = "/symetry/rest/" + client.cid() + "/" + relative;
        return raw("GET", path, signer.sign("GET", path, null, null).headers(), null);
    }

    private static Map<String, String> headerRemoved(String name) {
        Map<String, String> headers = new HashMap<>();
        headers.put(name, null);
        return headers;
    }

    static Reply raw(String verb, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SignedClient.BASE + pathAndQuery))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                request.header(name, value);
            }
        });
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return SignedClient.Reply.of(SignedClient.send(request.build()));
    }

    static void assertAnswer(Reply reply, int status, String statusCode, String statusString) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(statusCode, reply.statusCode(), reply::toString);
        assertEquals(statusString, reply.statusString(), reply::toString);
    }
}
