package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every {@link BodyEncryption} scheme must have. */
class BodyCodecTest {

    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private static final String OTHER_SECRET = "EYpWjGPaoMoFUb/jfW95PQ==";

    @ParameterizedTest
    @EnumSource(BodyEncryption.class)
    void roundTrips(BodyEncryption scheme) {
        BodyCodec codec = scheme.codec();
        for (String json : new String[] {"", "{}", RequestSignerTest.CELL_LIST, "{\"name\":\"Zoë – 東京 🚀\"}", "x".repeat(10_000)}) {
            assertEquals(json, codec.decrypt(SECRET, codec.encrypt(SECRET, json)));
        }
    }

    @ParameterizedTest
    @EnumSource(BodyEncryption.class)
    void wrongKeyDoesNotDecrypt(BodyEncryption scheme) {
        String sealed = scheme.codec().encrypt(SECRET, RequestSignerTest.CELL_LIST);
        BodyDecryptionException e = assertThrows(BodyDecryptionException.class, () -> scheme.codec().decrypt(OTHER_SECRET, sealed));
        assertTrue(e.getMessage().startsWith("The body could not be decrypted with the customer's key"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BodyEncryption.class)
    void garbageIsReportedClearly(BodyEncryption scheme) {
        for (String garbage : new String[] {"", "not base64 at all!", "{\"values\":[]}", "AAAA", "AAECAwQFBgcICQoLDA0ODw=="}) {
            assertThrows(BodyDecryptionException.class, () -> scheme.codec().decrypt(SECRET, garbage), garbage);
        }
    }

    @ParameterizedTest
    @EnumSource(BodyEncryption.class)
    void badKeyIsAConfigurationError(BodyEncryption scheme) {
        assertThrows(IllegalArgumentException.class, () -> scheme.codec().encrypt("c2VjcmV0", "{}"));
    }

    @ParameterizedTest
    @EnumSource(BodyEncryption.class)
    void toleratesSurroundingWhitespace(BodyEncryption scheme) {
        String sealed = scheme.codec().encrypt(SECRET, "{}");
        assertEquals("{}", scheme.codec().decrypt(SECRET, sealed + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes-cbc", "AES-CBC", " aes-cbc "})
    void headerSelectsCbc(String header) {
        assertEquals(BodyEncryption.AES_CBC, BodyEncryption.fromHeader(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes-gcm", "AES-GCM"})
    void headerSelectsGcm(String header) {
        assertEquals(BodyEncryption.AES_GCM, BodyEncryption.fromHeader(header));
        assertTrue(BodyEncryption.AES_GCM.codec() instanceof AesGcmHkdfCodec);
    }

    @Test
    void absentHeaderMeansTheProductScheme() {
        assertEquals(BodyEncryption.AES_CBC, BodyEncryption.fromHeader(null));
        assertEquals(BodyEncryption.AES_CBC, BodyEncryption.fromHeader(""));
        assertTrue(BodyEncryption.AES_CBC.codec() instanceof AesCbcFixedIvCodec);
    }

    @Test
    void unknownSchemeListsTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BodyEncryption.fromHeader("rot13"));
        assertEquals("Unsupported sym-encryption [rot13]; accepted values: aes-cbc, aes-gcm", e.getMessage());
    }

    @Test
    void schemesAreNotInterchangeable() {
        String cbc = BodyEncryption.AES_CBC.codec().encrypt(SECRET, RequestSignerTest.CELL_LIST);
        assertThrows(BodyDecryptionException.class, () -> BodyEncryption.AES_GCM.codec().decrypt(SECRET, cbc));
        String gcm = BodyEncryption.AES_GCM.codec().encrypt(SECRET, RequestSignerTest.CELL_LIST);
        assertNotEquals(RequestSignerTest.CELL_LIST, decryptOrNull(BodyEncryption.AES_CBC.codec(), gcm));
        assertTrue(Base64.getDecoder().decode(gcm).length > Base64.getDecoder().decode(cbc).length);
    }

    private static String decryptOrNull(BodyCodec codec, String sealed) {
        try {
            return codec.decrypt(SECRET, sealed);
        } catch (BodyDecryptionException e) {
            return null;
        }
    }
}
