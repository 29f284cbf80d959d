package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The authenticated scheme. The expected key and ciphertext were computed independently with
 * Python {@code cryptography} 48 ({@code HKDF(SHA256, 32, salt=None, info=b"sml-fusion body
 * encryption v1")}, {@code AESGCM(key).encrypt(bytes(range(12)), plaintext, None)}).
 */
class AesGcmHkdfCodecTest {

    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private static final String STATUS = "{\"values\":[{\"cid\":\"c1\",\"status\":\"OK\"}]}";
    private static final String STATUS_SEALED_BY_PYTHON =
            "AAECAwQFBgcICQoLbobLsVSTV8xriWMjyXA/jnD+NT3f1I7W+fxeFKnAxKyEjOYZW5hfMZAbXLRORPjEC8tMwd7ExA==";

    private final AesGcmHkdfCodec codec = new AesGcmHkdfCodec();

    @Test
    void derivesTheKeyWithHkdfSha256() {
        assertEquals("YbyXzspOyi5OPfPn26HGxIhDGjvNVf0Y+Rt20jJPX1Y=",
                Base64.getEncoder().encodeToString(AesGcmHkdfCodec.derivedKey(SECRET)));
    }

    @Test
    void decryptsAMessageSealedByAnotherImplementation() {
        assertEquals(STATUS, codec.decrypt(SECRET, STATUS_SEALED_BY_PYTHON));
    }

    @Test
    void usesAFreshNoncePerMessage() {
        String first = codec.encrypt(SECRET, STATUS);
        String second = codec.encrypt(SECRET, STATUS);
        assertNotEquals(first, second);
        byte[] wire = Base64.getDecoder().decode(first);
        assertEquals(12 + STATUS.length() + 16, wire.length);
    }

    @Test
    void detectsEveryFlippedBit() {
        byte[] wire = Base64.getDecoder().decode(STATUS_SEALED_BY_PYTHON);
        for (int i = 0; i < wire.length; i++) {
            byte[] tampered = wire.clone();
            tampered[i] ^= 0x01;
            String tamperedBody = Base64.getEncoder().encodeToString(tampered);
            BodyDecryptionException e = assertThrows(BodyDecryptionException.class, () -> codec.decrypt(SECRET, tamperedBody), "byte " + i);
            assertTrue(e.getMessage().contains("altered"), e.getMessage());
        }
    }

    @Test
    void detectsTruncation() {
        byte[] wire = Base64.getDecoder().decode(STATUS_SEALED_BY_PYTHON);
        for (int length : new int[] {0, 11, 27, 28, wire.length - 1}) {
            String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(wire, length));
            assertThrows(BodyDecryptionException.class, () -> codec.decrypt(SECRET, truncated), "length " + length);
        }
    }
}
