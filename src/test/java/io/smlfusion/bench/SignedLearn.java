package io.smlfusion.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import io.smlfusion.security.AuthenticatedCustomer;
import io.smlfusion.security.AuthenticationException;
import io.smlfusion.security.IncomingRequest;
import io.smlfusion.security.ReplayGuard;
import io.smlfusion.security.RequestHeaders;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignatureVerifier;
import io.smlfusion.security.SignedRequest;

/**
 * A {@code learn} request signed once, verified as the server verifies every REST request: the
 * headers, then MD5 and HMAC-SHA256 over the body, then the replay record — each time against a
 * fresh replay memory, so that the same signature may be verified again.
 */
final class SignedLearn {

    private static final String CID = "c1";
    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private final IncomingRequest request;

    SignedLearn(byte[] body) {
        String path = "/symetry/rest/" + CID + "/projects/bench/learn";
        SignedRequest signed = new RequestSigner(CID, SECRET, CLOCK).sign("POST", path, null, body);
        request = new IncomingRequest("POST", path, null, null, body, RequestHeaders.of(signed.headers()), CID);
    }

    AuthenticatedCustomer verify() {
        try {
            return new SignatureVerifier(cid -> Optional.of(SECRET), CLOCK, new ReplayGuard()).verify(request);
        } catch (AuthenticationException e) {
            throw new IllegalStateException("a request signed with the customer's key was refused: " + e.getMessage(), e);
        }
    }
}
