package io.smlfusion.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Base64 and UTF-8 edges shared by the {@link BodyCodec} implementations. */
final class BodyCiphers {

    private BodyCiphers() {
    }

    static byte[] fromBase64(String base64Body) {
        if (base64Body == null || base64Body.isBlank()) {
            throw new BodyDecryptionException("the body is empty", null);
        }
        try {
            return Base64.getDecoder().decode(base64Body.strip());
        } catch (IllegalArgumentException e) {
            throw new BodyDecryptionException("the body is not Base64", e);
        }
    }

    /**
     * Strict UTF-8: with the unauthenticated CBC scheme a wrong key often still yields valid
     * padding, and the garbage it produces is rarely valid UTF-8 — reporting it beats returning it.
     */
    static String utf8(byte[] plaintext) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BodyDecryptionException("the decrypted bytes are not UTF-8 text; wrong key?", e);
        }
    }
}
