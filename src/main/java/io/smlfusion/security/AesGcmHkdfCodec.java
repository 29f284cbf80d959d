package io.smlfusion.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Our authenticated body encryption (DESIGN §5), selected with {@code sym-encryption: aes-gcm}:
 * <ul>
 * <li>key: 32 bytes of HKDF-SHA256 (RFC 5869) with input key material = the decoded secret, no salt
 *     (RFC 5869 §2.2: a string of 32 zero bytes — the input is already a uniformly random key),
 *     info = UTF-8 of {@value #HKDF_INFO}. Deriving a separate key means the AES key is never the
 *     HMAC key of the request signature;</li>
 * <li>cipher: AES-256-GCM with a 128-bit tag and a fresh random 12-byte nonce per message;</li>
 * <li>wire: Base64(nonce ‖ ciphertext ‖ tag).</li>
 * </ul>
 * Any change of the wire bytes or use of another key fails decryption instead of producing text.
 * Random 96-bit nonces stay safe for far more than 2<sup>32</sup> messages per key (NIST SP 800-38D
 * §8.3), which no customer key approaches between rotations.
 */
public final class AesGcmHkdfCodec implements BodyCodec {

    /** HKDF info string; a new version of this scheme gets a new string (and a new header value). */
    public static final String HKDF_INFO = "sml-fusion body encryption v1";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random = new SecureRandom();

    @Override
    public String encrypt(String secretBase64, String plaintextJson) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, secretBase64, nonce).doFinal(plaintextJson.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }

    @Override
    public String decrypt(String secretBase64, String base64Body) {
        byte[] wire = BodyCiphers.fromBase64(base64Body);
        if (wire.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new BodyDecryptionException("AES-GCM: " + wire.length + " bytes is shorter than a nonce and a tag", null);
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, secretBase64, Arrays.copyOf(wire, NONCE_BYTES));
        try {
            return BodyCiphers.utf8(cipher.doFinal(wire, NONCE_BYTES, wire.length - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            throw new BodyDecryptionException("AES-GCM: wrong key, or the body was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }

    private static Cipher cipher(int mode, String secretBase64, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(derivedKey(secretBase64), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }

    static byte[] derivedKey(String secretBase64) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(SecretKeys.decode(secretBase64), null, HKDF_INFO.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, KEY_BYTES);
        return key;
    }
}
