package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private static final Instant NOW = Instant.parse("2025-01-15T10:30:00Z");
    private static final String PATH = "/symetry/rest/c1/projects/fusion/create";
    private static final String FULL_URL = "http://charm:8080" + PATH;
    private static final String QUERY = "pid=f1&persist=true";
    private static final byte[] BODY = RequestSignerTest.CELL_LIST_ENCRYPTED.getBytes(StandardCharsets.UTF_8);

    private final Map<String, String> secrets = Map.of("c1", SECRET, "c2", "EYpWjGPaoMoFUb/jfW95PQ==");
    private final ReplayGuard replayGuard = new ReplayGuard();
    private final SignatureVerifier verifier = new SignatureVerifier(cid -> Optional.ofNullable(secrets.get(cid)),
            Clock.fixed(NOW, ZoneOffset.UTC), replayGuard);
    private final RequestSigner signer = new RequestSigner("c1", SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    // --- accepted requests -------------------------------------------------------------------

    @Test
    void acceptsTheSpec15Request() throws AuthenticationException {
        Map<String, String> headers = Map.of("Authorization", "dGxUVGm4SnQjGz2tmHqanglKWyWhL8gKSia6hh3B2vI=",
                "sym-date", "2025-01-15 10:30:00;123456789", "Content-MD5", "ViIiEVvKtfy5e3RaK2LqsA==", "Customer-ID", "c1");
        AuthenticatedCustomer caller = verifier.verify(post(headers));
        assertEquals("c1", caller.cid());
        assertEquals(SECRET, caller.secretBase64());
        assertEquals(Instant.parse("2025-01-15T10:30:00.123456789Z"), caller.requestTime());
        assertFalse(caller.toString().contains(SECRET));
    }

    @Test
    void acceptsABodylessRequestWithEmptyContentMd5() throws AuthenticationException {
        SignedRequest signed = signer.sign("GET", "/symetry/rest/c1/projects/f1/info", null, null);
        verifier.verify(new IncomingRequest("GET", "/symetry/rest/c1/projects/f1/info", null, null, null,
                RequestHeaders.of(signed.headers()), "c1"));
    }

    @Test
    void acceptsTheMd5OfAnEmptyBodyWhenItWasSigned() throws AuthenticationException {
        String emptyMd5 = "1B2M2Y8AsgTpgAmY7PhCfg==";
        String date = SymDate.format(NOW);
        String path = "/symetry/rest/c1/projects";
        String signature = RequestSigner.signature(SECRET, new StringToSign("GET", emptyMd5, date, "c1", null, path, null));
        verifier.verify(new IncomingRequest("GET", path, null, null, new byte[0],
                RequestHeaders.of(Map.of("Authorization", signature, "sym-date", date, "Content-MD5", emptyMd5)), "c1"));
    }

    @Test
    void acceptsHeaderNamesInAnyCase() throws AuthenticationException {
        Map<String, String> signed = signedPost(SymDate.format(NOW));
        verifier.verify(post(renamed(signed, name -> name.toLowerCase(Locale.ROOT))));
        verifier.verify(post(renamed(signedPost(SymDate.format(NOW.plusSeconds(1))), name -> name.toUpperCase(Locale.ROOT))));
        Map<String, String> rustSpelling = renamed(signedPost(SymDate.format(NOW.plusSeconds(2))),
                name -> name.equals("sym-date") ? "Sym-date" : name);
        verifier.verify(post(rustSpelling));
    }

    @Test
    void acceptsADateWithoutFraction() throws AuthenticationException {
        verifier.verify(post(signedPost("2025-01-15 10:29:00")));
        verifier.verify(post(signedPost("2025-01-15 10:29:00;1245")));
    }

    @Test
    void acceptsTheLegacyFullUrlResource() throws AuthenticationException {
        Map<String, String> headers = signer.signFullUrl("POST", FULL_URL, QUERY, BODY, SymDate.format(NOW)).headers();
        IncomingRequest withoutFullUrl = new IncomingRequest("POST", PATH, null, QUERY, BODY, RequestHeaders.of(headers), "c1");
        assertFailure(401, SignatureVerifier.INVALID_SIGNATURE, withoutFullUrl);

        verifier.verify(post(headers));
    }

    @Test
    void acceptsCustomerIdEqualToThePathOrAbsent() throws AuthenticationException {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("Customer-ID");
        verifier.verify(post(headers));
    }

    // --- the documented errors, in order -----------------------------------------------------

    @Test
    void missingAuthorization() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("Authorization");
        assertFailure(400, "Authentication header is null", post(headers));
        headers.put("Authorization", " ");
        assertFailure(400, "Authentication header is null", post(headers));
        headers.remove("sym-date");
        assertFailure(400, "Authentication header is null", post(headers));
    }

    @Test
    void missingDate() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("sym-date");
        assertFailure(400, "sym-date header is null", post(headers));
    }

    @Test
    void unparsableDate() {
        assertFailure(400, "Invalid Date Format", post(signedPost("2025-01-15T10:30:00Z")));
        assertFailure(400, "Invalid Date Format", post(signedPost("2025-01-15 10:30:00;")));
    }

    @Test
    void acceptanceWindowIsFiveMinutesBehindAndOneAhead() throws AuthenticationException {
        String outOfSync = "Please update your server time, it is likely out of sync with UTC";
        verifier.verify(post(signedPost(SymDate.format(NOW.minus(Duration.ofMinutes(5))))));
        assertFailure(400, outOfSync, post(signedPost(SymDate.format(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1)))));
        verifier.verify(post(signedPost(SymDate.format(NOW.plus(Duration.ofMinutes(1))))));
        assertFailure(400, outOfSync, post(signedPost(SymDate.format(NOW.plus(Duration.ofMinutes(1)).plusSeconds(1)))));
        assertFailure(400, outOfSync, post(signedPost(SymDate.format(NOW.plus(Duration.ofMinutes(1)).plusNanos(1)))));
    }

    @Test
    void windowIsCheckedBeforeTheUser() {
        IncomingRequest request = new IncomingRequest("POST", PATH, FULL_URL, QUERY, BODY,
                RequestHeaders.of(signedPost("2020-01-01 00:00:00")), "nobody");
        assertFailure(400, SignatureVerifier.OUT_OF_WINDOW, request);
    }

    @Test
    void anUnknownUserIsAnsweredExactlyAsAWrongSignature() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("Customer-ID");
        AuthenticationException unknown = assertFailure(401, SignatureVerifier.INVALID_SIGNATURE,
                new IncomingRequest("POST", "/symetry/rest/c9/projects", null, QUERY, BODY, RequestHeaders.of(headers), "c9"));
        AuthenticationException wrongKey = assertFailure(401, SignatureVerifier.INVALID_SIGNATURE,
                new IncomingRequest("POST", "/symetry/rest/c2/projects", null, QUERY, BODY, RequestHeaders.of(headers), "c2"));
        assertEquals(wrongKey.stringToSign().orElseThrow().replace("\nc2\n", "\nc9\n").replace("/c2/", "/c9/"),
                unknown.stringToSign().orElseThrow());
    }

    @Test
    void anUnknownUserIsRefusedBeforeItsBodyIsRead() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("Customer-ID");
        RequestHead head = new RequestHead("POST", "/symetry/rest/c9/projects", null, QUERY, RequestHeaders.of(headers), "c9", true);
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.begin(head));
        assertEquals(SignatureVerifier.INVALID_SIGNATURE, e.statusString());
        assertTrue(e.stringToSign().orElseThrow().contains("\nc9\nREQUESTBODY\n/symetry/rest/c9/projects\n"), e.stringToSign()::get);
    }

    @Test
    void aReplayIsRefusedBeforeItsBodyIsRead() throws AuthenticationException {
        Map<String, String> headers = signedPost(SymDate.format(NOW));
        verifier.verify(post(headers));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.begin(post(headers).head()));
        assertEquals(SignatureVerifier.REPLAYED, e.statusString());
    }

    @Test
    void aFullReplayBudgetAnswers429WithRetryAfterBeforeTheBody() throws AuthenticationException {
        SignatureVerifier small = new SignatureVerifier(cid -> Optional.ofNullable(secrets.get(cid)), Clock.fixed(NOW, ZoneOffset.UTC),
                new ReplayGuard(1));
        small.verify(post(signedPost(SymDate.format(NOW.minusSeconds(60)))));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> small.begin(post(signedPost(SymDate.format(NOW))).head()));
        assertEquals(429, e.status());
        assertTrue(e.statusString().contains("smlfusion.security.replay.max.per.customer"), e.statusString());
        assertEquals(Duration.ofSeconds(240), e.retryAfter().orElseThrow());
    }

    @Test
    void aBodyFedInChunksVerifiesAsAWholeOne() throws AuthenticationException {
        BodyVerification verification = verifier.begin(post(signedPost(SymDate.format(NOW))).head());
        for (int offset = 0; offset < BODY.length; offset += 7) {
            verification.update(BODY, offset, Math.min(7, BODY.length - offset));
        }
        assertEquals("c1", verification.finish().cid());
    }

    @Test
    void customerIdHeaderMustMatchThePath() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.put("customer-id", "c2");
        assertFailure(401, "Customer-ID header [c2] does not match the customer in the path [c1]", post(headers));
    }

    @Test
    void tamperedBodyFailsTheMd5Check() {
        IncomingRequest tampered = new IncomingRequest("POST", PATH, FULL_URL, QUERY, "{\"values\":[]}".getBytes(StandardCharsets.UTF_8),
                RequestHeaders.of(signedPost(SymDate.format(NOW))), "c1");
        assertFailure(400, "Md5 do not match", tampered);
    }

    @Test
    void contentMd5WithoutBodyFailsTheMd5Check() {
        Map<String, String> headers = new HashMap<>(signer.sign("GET", "/symetry/rest/c1/projects", null, null).headers());
        headers.put("Content-MD5", "ViIiEVvKtfy5e3RaK2LqsA==");
        assertFailure(400, "Md5 do not match",
                new IncomingRequest("GET", "/symetry/rest/c1/projects", null, null, null, RequestHeaders.of(headers), "c1"));
    }

    @Test
    void tamperedBodyWithRecomputedMd5FailsTheSignature() {
        byte[] otherBody = "{\"values\":[]}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.put("Content-MD5", RequestSigner.contentMd5(otherBody));
        assertFailure(401, "Invalid Signature", new IncomingRequest("POST", PATH, FULL_URL, QUERY, otherBody, RequestHeaders.of(headers), "c1"));
    }

    @Test
    void bodyWithoutContentMd5IsVerifiedAgainstAnEmptyMd5Line() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("Content-MD5");
        AuthenticationException e = assertFailure(401, "Invalid Signature", post(headers));
        assertTrue(e.stringToSign().orElseThrow().startsWith("POST\n\nSECRETKEY\n"));
    }

    @Test
    void tamperedQueryOrPathFailsTheSignature() {
        RequestHeaders headers = RequestHeaders.of(signedPost(SymDate.format(NOW)));
        assertFailure(401, "Invalid Signature", new IncomingRequest("POST", PATH, FULL_URL, "pid=f2&persist=true", BODY, headers, "c1"));
        assertFailure(401, "Invalid Signature", new IncomingRequest("POST", PATH, FULL_URL, null, BODY, headers, "c1"));
        String otherPath = "/symetry/rest/c1/projects/fusion/updateCellsInfo";
        assertFailure(401, "Invalid Signature", new IncomingRequest("POST", otherPath, "http://charm:8080" + otherPath, QUERY, BODY, headers, "c1"));
        assertFailure(401, "Invalid Signature", new IncomingRequest("PUT", PATH, FULL_URL, QUERY, BODY, headers, "c1"));
    }

    @Test
    void signatureOfAnotherCustomerFails() {
        IncomingRequest asC2 = new IncomingRequest("POST", "/symetry/rest/c2/projects/fusion/create", null, QUERY, BODY,
                RequestHeaders.of(Map.of("Authorization", signedPost(SymDate.format(NOW)).get("Authorization"),
                        "sym-date", SymDate.format(NOW), "Content-MD5", RequestSigner.contentMd5(BODY))), "c2");
        assertFailure(401, "Invalid Signature", asC2);
    }

    @Test
    void invalidSignatureEchoesThePathFormWithTheSecretAndTheBodyMasked() {
        String date = SymDate.format(NOW);
        Map<String, String> headers = new HashMap<>(signedPost(date));
        headers.put("Authorization", "Iw/ZK54v/Sb/zkVhtbVUREcQo+I0m0kAApqTpxzCpEQ=");
        AuthenticationException e = assertFailure(401, "Invalid Signature", post(headers));
        String shown = e.stringToSign().orElseThrow();
        assertEquals("POST\nViIiEVvKtfy5e3RaK2LqsA==\nSECRETKEY\n" + date + "\nc1\nREQUESTBODY\n" + PATH + "\n" + QUERY + "\n", shown);
        assertFalse(shown.contains(SECRET));
    }

    @Test
    void otherFailuresCarryNoStringToSign() {
        Map<String, String> headers = new HashMap<>(signedPost(SymDate.format(NOW)));
        headers.remove("sym-date");
        assertTrue(assertFailure(400, SignatureVerifier.MISSING_DATE, post(headers)).stringToSign().isEmpty());
    }

    // --- replay ------------------------------------------------------------------------------

    @Test
    void replayIsRefusedAndANewDateIsAccepted() throws AuthenticationException {
        Map<String, String> headers = signedPost(SymDate.format(NOW));
        verifier.verify(post(headers));
        assertFailure(401, "Replayed request: this signature was already used", post(headers));
        verifier.verify(post(signedPost(SymDate.format(NOW.plusNanos(1)))));
    }

    @Test
    void aReplayIsRefusedInTheFullUrlFormToo() throws AuthenticationException {
        Map<String, String> headers = signer.signFullUrl("POST", FULL_URL, QUERY, BODY, SymDate.format(NOW)).headers();
        verifier.verify(post(headers));
        assertFailure(401, SignatureVerifier.REPLAYED, post(headers));
    }

    @Test
    void rejectedRequestsAreNotRemembered() throws AuthenticationException {
        Map<String, String> genuine = signedPost(SymDate.format(NOW));
        IncomingRequest forged = new IncomingRequest("POST", PATH, FULL_URL, "pid=evil", BODY, RequestHeaders.of(genuine), "c1");
        assertFailure(401, SignatureVerifier.INVALID_SIGNATURE, forged);
        assertEquals(0, replayGuard.size());
        verifier.verify(post(genuine));
    }

    // --- helpers -----------------------------------------------------------------------------

    private Map<String, String> signedPost(String date) {
        return signer.sign("POST", PATH, QUERY, BODY, date).headers();
    }

    private static IncomingRequest post(Map<String, String> headers) {
        return new IncomingRequest("POST", PATH, FULL_URL, QUERY, BODY, RequestHeaders.of(headers), "c1");
    }

    private static Map<String, String> renamed(Map<String, String> headers, UnaryOperator<String> rename) {
        Map<String, String> renamed = new HashMap<>();
        headers.forEach((name, value) -> renamed.put(rename.apply(name), value));
        return renamed;
    }

    private AuthenticationException assertFailure(int status, String statusString, IncomingRequest request) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(request));
        assertEquals(status, e.status(), e.statusString());
        assertEquals(statusString, e.statusString());
        return e;
    }
}
