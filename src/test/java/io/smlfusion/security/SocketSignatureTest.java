package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * {@link SignatureVerifier#verifySocket}: the MAC is computed here by hand from spec §2.6, so the
 * test does not share the server's string-to-sign code.
 */
class SocketSignatureTest {

    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private static final Instant NOW = Instant.parse("2025-11-16T20:11:50Z");
    private static final String DATE = "2025-11-16 20:11:50;294669000";
    private static final String PATH = "/symetry/ws/learn";
    private static final String URL = "ws://charm:8080" + PATH;
    private static final String PAYLOAD = "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}";

    private final SignatureVerifier verifier = new SignatureVerifier(cid -> Optional.ofNullable(Map.of("c1", SECRET).get(cid)),
            Clock.fixed(NOW, ZoneOffset.UTC), new ReplayGuard());

    @Test
    void acceptsTheVendorClientsFormAndTheDocumentedForm() throws Exception {
        String vendor = md5(PAYLOAD) + "\n" + SECRET + "\n" + DATE + "\nc1\n" + PAYLOAD + "\n" + URL + "\nrtest1\n";
        String documented = md5(PAYLOAD) + "\n" + SECRET + "\n" + DATE + "\nc1\n" + PAYLOAD + "\n" + PATH + "\nrtest1";
        for (String stringToSign : List.of(vendor, documented)) {
            AuthenticatedCustomer caller = verifier.verifySocket(header(hmac(stringToSign), md5(PAYLOAD)), utf8(PAYLOAD), PATH, URL);
            assertEquals("c1", caller.cid());
        }
    }

    @Test
    void aWrongKeyIsAnInvalidSignatureShowingTheDocumentedFormMasked() {
        String forged = hmac("anything");
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verifySocket(header(forged, md5(PAYLOAD)), utf8(PAYLOAD), PATH, URL));
        assertEquals(401, refused.status());
        assertEquals("Invalid Signature", refused.statusString());
        assertEquals(md5(PAYLOAD) + "\nSECRETKEY\n" + DATE + "\nc1\nREQUESTBODY\n" + PATH + "\nrtest1", refused.stringToSign().orElseThrow());
        assertFalse(refused.stringToSign().orElseThrow().contains(SECRET));
    }

    @Test
    void theRestChecksApplyInTheirOrder() {
        String signature = hmac(md5(PAYLOAD) + "\n" + SECRET + "\n" + DATE + "\nc1\n" + PAYLOAD + "\n" + PATH + "\nrtest1");
        assertRefused(400, SignatureVerifier.MISSING_AUTHORIZATION, new SocketHeader(DATE, md5(PAYLOAD), " ", "c1", List.of("rtest1")));
        assertRefused(400, SignatureVerifier.MISSING_DATE, new SocketHeader("", md5(PAYLOAD), signature, "c1", List.of("rtest1")));
        assertRefused(400, SignatureVerifier.INVALID_DATE, new SocketHeader("yesterday", md5(PAYLOAD), signature, "c1", List.of("rtest1")));
        assertRefused(400, SignatureVerifier.OUT_OF_WINDOW,
                new SocketHeader("2025-11-16 20:05:49;0", md5(PAYLOAD), signature, "c1", List.of("rtest1")));
        assertRefused(401, SignatureVerifier.INVALID_SIGNATURE, new SocketHeader(DATE, md5(PAYLOAD), signature, "c9", List.of("rtest1")));
        assertRefused(400, SignatureVerifier.MD5_MISMATCH, header(signature, md5("another payload")));
    }

    @Test
    void aSignatureIsAcceptedOnce() throws Exception {
        SocketHeader header = header(hmac(md5(PAYLOAD) + "\n" + SECRET + "\n" + DATE + "\nc1\n" + PAYLOAD + "\n" + URL + "\nrtest1\n"),
                md5(PAYLOAD));
        verifier.verifySocket(header, utf8(PAYLOAD), PATH, URL);
        AuthenticationException replayed = assertThrows(AuthenticationException.class, () -> verifier.verifySocket(header, utf8(PAYLOAD), PATH, URL));
        assertEquals(SignatureVerifier.REPLAYED, replayed.statusString());
        assertTrue(replayed.stringToSign().isEmpty());
    }

    @Test
    void aBinaryPayloadIsSignedAsItsRawBytes() throws Exception {
        byte[] arrow = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xC3, 0x28, 0, '\n'};
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(arrow));
        byte[] before = (md5 + "\n" + SECRET + "\n" + DATE + "\nc1\n").getBytes(StandardCharsets.UTF_8);
        byte[] after = ("\n" + PATH + "\nrtest1").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
        mac.update(before);
        mac.update(arrow);
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(after));

        byte[] changed = arrow.clone();
        changed[5] = 0x29;
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verifySocket(new SocketHeader(DATE, "", signature, "c1", List.of("rtest1")), changed, PATH, URL));
        assertEquals(SignatureVerifier.INVALID_SIGNATURE, refused.statusString());
        assertEquals("c1", verifier.verifySocket(header(signature, md5), arrow, PATH, URL).cid());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(int status, String statusString, SocketHeader header) {
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> verifier.verifySocket(header, utf8(PAYLOAD), PATH, URL));
        assertEquals(status, refused.status(), header::toString);
        assertEquals(statusString, refused.statusString());
    }

    private static SocketHeader header(String authorization, String contentMd5) {
        return new SocketHeader(DATE, contentMd5, authorization, "c1", List.of("rtest1"));
    }

    private static String md5(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
