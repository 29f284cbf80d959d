package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The product scheme against the vectors of spec §3 and §15. */
class AesCbcFixedIvCodecTest {

    private static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    private final AesCbcFixedIvCodec codec = new AesCbcFixedIvCodec();

    @Test
    void encryptsTheSpec15CellList() {
        assertEquals(RequestSignerTest.CELL_LIST_ENCRYPTED, codec.encrypt(SECRET, RequestSignerTest.CELL_LIST));
    }

    @Test
    void decryptsTheSpec15CellList() {
        assertEquals(RequestSignerTest.CELL_LIST, codec.decrypt(SECRET, RequestSignerTest.CELL_LIST_ENCRYPTED));
    }

    @Test
    void isDeterministicBecauseTheIvIsFixed() {
        assertEquals(codec.encrypt(SECRET, "{}"), codec.encrypt(SECRET, "{}"));
    }

    /** Spec §3: the 55-byte DSInfo sample encrypts to 64 bytes, i.e. no IV travels with the ciphertext. */
    @Test
    void sendsNoIvPrefix() {
        String plaintext = "{\"passwd\":\"passwd\",\"fed_rest_host\":\"http://charm:8080\"}";
        assertEquals(55, plaintext.length());
        assertEquals(64, Base64.getDecoder().decode(codec.encrypt(SECRET, plaintext)).length);
        assertEquals(64, Base64.getDecoder().decode(
                "qvh4P1y937flTE/R6GgtrN8Weu28/jCx14zBIG5zk4CEqC4+rLL/HtVvKqUthPsSVZN8BgWP39O+MKEyOsUo8w==").length);
    }
}
