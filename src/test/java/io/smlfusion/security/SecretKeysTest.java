package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretKeysTest {

    @Test
    void generatesBase64Of16RandomBytes() {
        String key = SecretKeys.generate();
        assertEquals(16, Base64.getDecoder().decode(key).length);
        assertEquals(key, SecretKeys.requireValid(key));
        assertNotEquals(key, SecretKeys.generate());
    }

    @Test
    void acceptsTheDocumentedSampleKeys() {
        assertEquals(16, SecretKeys.decode("VLmAm+WkpnA5zp2wXiSYkw==").length);
        assertEquals(16, SecretKeys.decode("EYpWjGPaoMoFUb/jfW95PQ==").length);
    }

    @Test
    void refusesWrongLengthWithoutEchoingTheKey() {
        String thirtyTwoBytes = Base64.getEncoder().encodeToString(new byte[32]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKeys.requireValid(thirtyTwoBytes));
        assertTrue(e.getMessage().contains("decodes to 32 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(thirtyTwoBytes));
    }

    @Test
    void refusesNonBase64AndMissingKeys() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretKeys.decode("not base64!"))
                .getMessage().contains("not valid Base64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretKeys.decode(null))
                .getMessage().contains("missing"));
        assertThrows(IllegalArgumentException.class, () -> SecretKeys.decode(" VLmAm+WkpnA5zp2wXiSYkw=="));
    }
}
