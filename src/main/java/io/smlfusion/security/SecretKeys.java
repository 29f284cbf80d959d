package io.smlfusion.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Customer secret keys: the Base64 text of 16 random bytes, which is both the HMAC key of the
 * request signature and the AES-128 key of encrypted bodies (spec §2.1, §3). Every piece of code
 * that needs the key bytes gets them from {@link #decode}, so a malformed key fails the same,
 * clear way everywhere — and the messages never echo the key.
 */
public final class SecretKeys {

    /** 128 bits, the documented key size (spec §2.1). */
    public static final int KEY_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeys() {
    }

    /** A fresh random secret key, Base64 of {@value #KEY_BYTES} bytes from {@link SecureRandom}. */
    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Checks a configured or stored secret key.
     *
     * @return {@code secretBase64} itself
     * @throws IllegalArgumentException when it is not Base64 of exactly {@value #KEY_BYTES} bytes
     */
    public static String requireValid(String secretBase64) {
        decode(secretBase64);
        return secretBase64;
    }

    /**
     * The key bytes of a secret key.
     *
     * @throws IllegalArgumentException when it is not Base64 of exactly {@value #KEY_BYTES} bytes
     */
    public static byte[] decode(String secretBase64) {
        if (secretBase64 == null || secretBase64.isBlank()) {
            throw new IllegalArgumentException("The secret key is missing: expected the Base64 text of "
                    + KEY_BYTES + " bytes (e.g. as printed by 'symetry.sh showCredentials')");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secretBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The secret key is not valid Base64: expected the Base64 text of "
                    + KEY_BYTES + " bytes", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret key decodes to " + key.length + " bytes; a SymetryML key is the Base64 text of exactly "
                    + KEY_BYTES + " bytes (128 bits)");
        }
        return key;
    }
}
