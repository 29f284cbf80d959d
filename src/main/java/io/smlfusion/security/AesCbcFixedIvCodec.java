package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The product's documented body encryption (spec §3), kept only so that SymetryML clients and the
 * GUI can talk to us: AES-128/CBC/PKCS5Padding, key = the decoded secret, the constant public IV
 * {@value #IV_BASE64}, wire = Base64 of the ciphertext alone.
 *
 * <p><b>This scheme is weak</b> and must not be chosen for anything new:
 * <ul>
 * <li>the IV never changes, so equal plaintext prefixes give equal ciphertext prefixes — an
 *     observer learns when two cell lists start alike, and the same message always encrypts the
 *     same way;</li>
 * <li>there is no integrity tag: ciphertext is malleable (flipping bits of one block flips the same
 *     bits of the next plaintext block), and padding errors can become a decryption oracle. The
 *     request HMAC covers request bodies, but nothing covers encrypted responses;</li>
 * <li>the same key is also the HMAC key of every request.</li>
 * </ul>
 * {@link AesGcmHkdfCodec} is the authenticated alternative, selected per request with
 * {@code sym-encryption: aes-gcm}.
 */
public final class AesCbcFixedIvCodec implements BodyCodec {

    /** The documented, fixed IV (spec §3). */
    public static final String IV_BASE64 = "LzM5QUtXZXWHm7HJ4wAePg==";

    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    @Override
    public String encrypt(String secretBase64, String plaintextJson) {
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, secretBase64).doFinal(plaintextJson.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }

    @Override
    public String decrypt(String secretBase64, String base64Body) {
        byte[] ciphertext = BodyCiphers.fromBase64(base64Body);
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, secretBase64);
        try {
            return BodyCiphers.utf8(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new BodyDecryptionException("AES-CBC: wrong key, or not a whole number of blocks", e);
        }
    }

    private static Cipher cipher(int mode, String secretBase64) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(SecretKeys.decode(secretBase64), "AES"),
                    new IvParameterSpec(Base64.getDecoder().decode(IV_BASE64)));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }
}
