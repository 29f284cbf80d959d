package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.AuthenticatedCustomer;
import io.smlfusion.security.AuthenticationException;
import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.IncomingRequest;
import io.smlfusion.security.ReplayGuard;
import io.smlfusion.security.RequestHeaders;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignatureVerifier;

/** What {@code bin/sml} would send is accepted by the server's verifier. */
class SignedCallTest {

    private static final String SECRET = CliArgumentsTest.SECRET;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:30:00Z"), ZoneOffset.UTC);
    private static final String CELLS = "{\"values\":[{\"host\":\"http://charm:8080\",\"cid\":\"c1\",\"sk\":\"EYpWjGPaoMoFUb/jfW95PQ==\",\"pid\":\"p0\"}]}";

    private final SignatureVerifier verifier = new SignatureVerifier(cid -> Optional.of(SECRET).filter(s -> cid.equals("c1")),
            CLOCK, new ReplayGuard());

    @Test
    void aCallWithQueryVerifies() throws Exception {
        SignedCall call = build("GET", "projects?pid=p1&type=cpu", null);
        assertEquals(URI.create("http://charm:8080/symetry/rest/c1/projects?pid=p1&type=cpu"), call.uri());
        assertEquals("", call.headers().get("Content-MD5"));
        assertFalse(call.headers().containsKey("Content-Type"));
        assertEquals("c1", verify(call).cid());
    }

    @Test
    void theQueryIsSignedRawAsTyped() throws Exception {
        SignedCall call = build("GET", "projects/p1/explore?attrs=%5B%220%22%5D&metric=uni", null);
        assertEquals("attrs=%5B%220%22%5D&metric=uni", call.uri().getRawQuery());
        verify(call);
    }

    @Test
    void anAbsolutePathIsUsedAsIs() throws Exception {
        SignedCall call = build("GET", "/symetry/rest/c1/jobs/5", null);
        assertEquals("/symetry/rest/c1/jobs/5", call.uri().getRawPath());
        verify(call);
    }

    @Test
    void aPlainBodyVerifies() throws Exception {
        SignedCall call = build("POST", "projects/fusion/create?pid=f1&persist=true", CELLS);
        assertEquals("application/json", call.headers().get("Content-Type"));
        assertArrayEquals(CELLS.getBytes(StandardCharsets.UTF_8), call.body());
        verify(call);
    }

    @Test
    void anEncryptedBodyIsTheSpecCiphertextAndVerifies() throws Exception {
        SignedCall call = build("POST", "projects/fusion/create?pid=f1&persist=true", CELLS, "--encrypt");
        assertEquals("lDgQ8zD6iSla6le9uzCcfRf4ANQ5t8f5IWiVfUSe5OCd1U9SfQpq5uG1Ofv5rWqGCrQ/kg09FwPMLYm9cJMZDkpOc1rcaCEZDINIJ++0E9b4+hfl87XMTi1tRRJLmxNL",
                new String(call.body(), StandardCharsets.UTF_8));
        assertEquals("ViIiEVvKtfy5e3RaK2LqsA==", call.headers().get("Content-MD5"));
        assertFalse(call.headers().containsKey("sym-encryption"));
        verify(call);
    }

    @Test
    void gcmIsAnnouncedAndDecryptsOnTheServerSide() throws Exception {
        SignedCall call = build("POST", "projects/fusion/create?pid=f1", CELLS, "--encrypt", "--scheme", "aes-gcm");
        assertEquals("aes-gcm", call.headers().get("sym-encryption"));
        AuthenticatedCustomer caller = verify(call);
        BodyEncryption scheme = BodyEncryption.fromHeader(call.headers().get("sym-encryption"));
        assertEquals(CELLS, scheme.codec().decrypt(caller.secretBase64(), new String(call.body(), StandardCharsets.UTF_8)));
    }

    @Test
    void theHttpRequestCarriesEveryHeader() throws Exception {
        SignedCall call = build("POST", "projects?pid=p1", "{}");
        HttpRequest request = call.toHttpRequest();
        assertEquals("POST", request.method());
        assertEquals(call.uri(), request.uri());
        call.headers().forEach((name, value) -> assertEquals(Optional.of(value), request.headers().firstValue(name), name));
        assertEquals(2L, request.bodyPublisher().orElseThrow().contentLength());
    }

    @Test
    void anInvalidUrlIsAUsageError() {
        assertThrows(CliUsageException.class, () -> build("GET", "projects?name=has space", null));
        assertThrows(CliUsageException.class, () -> SignedCall.build(
                CliArguments.parse(new String[] {"GET", "projects", "--host", "charm"}, CliArgumentsTest.ENV), null, signer()));
    }

    private static SignedCall build(String method, String path, String body, String... options) throws CliUsageException {
        String[] args = new String[3 + options.length + (body == null ? 0 : 1)];
        args[0] = "--host=http://charm:8080";
        args[1] = method;
        args[2] = path;
        System.arraycopy(options, 0, args, 3, options.length);
        if (body != null) {
            args[args.length - 1] = body;
        }
        CliArguments parsed = CliArguments.parse(args, CliArgumentsTest.ENV);
        return SignedCall.build(parsed, body == null ? null : body.getBytes(StandardCharsets.UTF_8), signer());
    }

    private static RequestSigner signer() {
        return new RequestSigner("c1", SECRET, CLOCK);
    }

    /** Verifies what the JDK client would put on the wire: its URI and its (case-insensitive) headers. */
    private AuthenticatedCustomer verify(SignedCall call) throws AuthenticationException {
        HttpRequest request = call.toHttpRequest();
        RequestHeaders headers = name -> request.headers().firstValue(name).orElse(null);
        return verifier.verify(new IncomingRequest(request.method(), request.uri().getRawPath(), null, request.uri().getRawQuery(),
                call.body(), headers, "c1"));
    }
}
