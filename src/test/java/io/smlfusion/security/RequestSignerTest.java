package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The signing vectors of spec §15. */
class RequestSignerTest {

    static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    static final String DATE = "2025-01-15 10:30:00;123456789";
    static final String CELL_LIST = "{\"values\":[{\"host\":\"http://charm:8080\",\"cid\":\"c1\",\"sk\":\"EYpWjGPaoMoFUb/jfW95PQ==\",\"pid\":\"p0\"}]}";
    static final String CELL_LIST_ENCRYPTED = "lDgQ8zD6iSla6le9uzCcfRf4ANQ5t8f5IWiVfUSe5OCd1U9SfQpq5uG1Ofv5rWqGCrQ/kg09FwPMLYm9cJMZDkpOc1rcaCEZDINIJ++0E9b4+hfl87XMTi1tRRJLmxNL";

    private final RequestSigner signer = new RequestSigner("c1", SECRET,
            Clock.fixed(Instant.parse("2025-01-15T10:30:00.123456789Z"), ZoneOffset.UTC));

    @Test
    void signsTheEncryptedFusionCreateOfSpec15() {
        SignedRequest signed = signer.sign("POST", "/symetry/rest/c1/projects/fusion/create", "pid=f1&persist=true",
                CELL_LIST_ENCRYPTED.getBytes(StandardCharsets.UTF_8), DATE);
        assertEquals("ViIiEVvKtfy5e3RaK2LqsA==", signed.contentMd5());
        assertEquals("dGxUVGm4SnQjGz2tmHqanglKWyWhL8gKSia6hh3B2vI=", signed.authorization());
        assertEquals("POST\nViIiEVvKtfy5e3RaK2LqsA==\nSECRETKEY\n" + DATE + "\nc1\n" + CELL_LIST_ENCRYPTED
                + "\n/symetry/rest/c1/projects/fusion/create\npid=f1&persist=true\n", signed.maskedStringToSign());
    }

    @Test
    void signsTheBodylessGetOfSpec15() {
        SignedRequest signed = signer.sign("GET", "/symetry/rest/c1/projects/f1/info", null, null, DATE);
        assertEquals("Iw/ZK54v/Sb/zkVhtbVUREcQo+I0m0kAApqTpxzCpEQ=", signed.authorization());
        assertEquals("", signed.contentMd5());
        StringToSign stringToSign = new StringToSign("GET", "", DATE, "c1", null, "/symetry/rest/c1/projects/f1/info", null);
        ByteArrayOutputStream signedBytes = new ByteArrayOutputStream();
        stringToSign.writeTo(signedBytes::writeBytes, SECRET);
        assertEquals("GET\n\nVLmAm+WkpnA5zp2wXiSYkw==\n2025-01-15 10:30:00;123456789\nc1\n/symetry/rest/c1/projects/f1/info\n",
                signedBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void emptyBodyAndEmptyQueryCountAsAbsent() {
        SignedRequest absent = signer.sign("GET", "/symetry/rest/c1/projects/f1/info", null, null, DATE);
        SignedRequest empty = signer.sign("GET", "/symetry/rest/c1/projects/f1/info", "", new byte[0], DATE);
        assertEquals(absent.headers(), empty.headers());
        assertEquals(absent.maskedStringToSign(), empty.maskedStringToSign());
    }

    @Test
    void hmacMatchesTheVendorAppendixVector() {
        byte[] mac = RequestSigner.hmacSha256("0f2100e34b54d50fd0138f300d3497579dae5279".getBytes(StandardCharsets.UTF_8))
                .doFinal("secret-message".getBytes(StandardCharsets.UTF_8));
        assertEquals("op/4IM8dc5DwpUYBhywVl0V5ddlEMjFRq6qfKOj2+io=", Base64.getEncoder().encodeToString(mac));
    }

    @Test
    void datesRequestsWithItsClock() {
        assertEquals(DATE, signer.sign("GET", "/symetry/rest/c1/projects", null, null).symDate());
    }

    @Test
    void listsEveryHeaderAClientSends() {
        SignedRequest signed = signer.sign("GET", "/symetry/rest/c1/projects/f1/info", null, null, DATE);
        Map<String, String> headers = signed.headers();
        assertEquals(List.of("Authorization", "sym-date", "Content-MD5", "sym-version", "Customer-ID"), List.copyOf(headers.keySet()));
        assertEquals("Iw/ZK54v/Sb/zkVhtbVUREcQo+I0m0kAApqTpxzCpEQ=", headers.get("Authorization"));
        assertEquals(DATE, headers.get("sym-date"));
        assertEquals("", headers.get("Content-MD5"));
        assertEquals("6.3", headers.get("sym-version"));
        assertEquals("c1", headers.get("Customer-ID"));
        assertThrows(UnsupportedOperationException.class, () -> headers.put("x", "y"));
    }

    @Test
    void neverShowsTheSecret() {
        SignedRequest signed = signer.sign("GET", "/symetry/rest/c1/projects", null, null, DATE);
        assertFalse(signed.maskedStringToSign().contains(SECRET));
        assertFalse(signed.toString().contains(SECRET));
    }

    @Test
    void signsTheLegacyFullUrlForm() {
        SignedRequest signed = signer.signFullUrl("DELETE", "http://192.168.0.19:8080/symetry/rest/c1/sYMETRYMLs/r1", null, null,
                "2013-05-22 18:13:38");
        assertEquals("DELETE\n\nSECRETKEY\n2013-05-22 18:13:38\nc1\nhttp://192.168.0.19:8080/symetry/rest/c1/sYMETRYMLs/r1\n",
                signed.maskedStringToSign());
        assertThrows(IllegalArgumentException.class, () -> signer.signFullUrl("GET", "/symetry/rest/c1/projects", null, null, DATE));
        assertThrows(IllegalArgumentException.class, () -> signer.signFullUrl("GET", "http://h/symetry/rest/c1/projects?a=1", null, null, DATE));
    }

    @Test
    void refusesARelativeResourceAndABadKey() {
        assertThrows(IllegalArgumentException.class, () -> signer.sign("GET", "symetry/rest/c1/projects", null, null, DATE));
        assertThrows(IllegalArgumentException.class, () -> new RequestSigner("c1", "c2VjcmV0", Clock.systemUTC()));
    }
}
