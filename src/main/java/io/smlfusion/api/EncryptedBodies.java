package io.smlfusion.api;

import java.util.Base64;

import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.BodyDecryptionException;
import io.smlfusion.security.BodyEncryption;

/**
 * Encrypted request bodies (spec §3): bare Base64 text (JSON quotes tolerated) encrypted with the
 * caller's key in the scheme {@code sym-encryption} announces. Plain JSON is refused with the way
 * to encrypt it, since a client that sends it in clear has leaked what should have been secret.
 */
final class EncryptedBodies {

    private EncryptedBodies() {
    }

    /** @param what what the body holds, for the refusal of a body in clear, e.g. "The cell list" */
    static String decrypt(byte[] body, BodyEncryption scheme, String secret, String what, String howToEncrypt) {
        if (isPlainJson(body)) {
            throw RequestRefused.invalid(what + " arrived as plain JSON: " + howToEncrypt);
        }
        try {
            return scheme.codec().decrypt(secret, Base64.getEncoder().encodeToString(JsonBodies.base64(body)));
        } catch (BodyDecryptionException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    /** Base64 never starts with a brace or a bracket; plain JSON does. */
    private static boolean isPlainJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
