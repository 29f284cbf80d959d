package io.smlfusion.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals secrets before they reach the database (DESIGN §5: never a secret in clear at rest) — the
 * customers' keys and the cell lists of persisted fusions, which hold the cells' keys: AES-256-GCM
 * with a fresh 12-byte nonce and an associated text that names what the secret belongs to (a sealed
 * value cannot be moved to another owner or another use), stored as
 * {@code v1:} + Base64(nonce ‖ ciphertext ‖ tag).
 *
 * <p>The server key is {@value #KEY_PROPERTY} (Base64 of 32 random bytes, e.g. from
 * {@code openssl rand -base64 32}). Without it, the key is read from the file
 * {@value #KEY_FILE_PROPERTY} (server.xml default: {@code ${server.output.dir}/resources/security/sealing.key}),
 * which is generated, readable by its owner only, on the first start — and logged as such, never the
 * key itself. Lose the key and the customers' keys and persisted fusions can no longer be opened;
 * back the file up with the database, but not next to it.
 */
@ApplicationScoped
public class Sealer {

    public static final String KEY_PROPERTY = "smlfusion.security.sealing.key";
    public static final String KEY_FILE_PROPERTY = "smlfusion.security.sealing.key.file";

    private static final Logger LOG = Logger.getLogger(Sealer.class.getName());
    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = KEY_PROPERTY)
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = KEY_FILE_PROPERTY)
    Optional<String> keyFile;

    private volatile SecretKeySpec key;

    Sealer() {
    }

    /** A sealer with a given key (tests). */
    public Sealer(byte[] key) {
        this.key = keySpec(key, "the given key");
    }

    /** Loads (or, the first time, generates) the key at start-up, so a bad configuration shows at once. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        key();
    }

    /** Whether a stored text is a sealed value (a clear Base64 key or JSON text never starts so). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    /**
     * @param owner what the secret belongs to; the same text must be given to {@link #unseal}
     */
    public String seal(String owner, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, owner, nonce, plaintext, 0);
        byte[] wire = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, wire, NONCE_BYTES, ciphertext.length);
        return VERSION + Base64.getEncoder().encodeToString(wire);
    }

    /** @throws IllegalStateException when the text was not sealed for {@code owner} with this server's key */
    public byte[] unseal(String owner, String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalStateException("the sealed value is missing or not in format " + VERSION);
        }
        byte[] wire = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (wire.length < NONCE_BYTES) {
            throw new IllegalStateException("the sealed value is truncated");
        }
        return crypt(Cipher.DECRYPT_MODE, owner, Arrays.copyOf(wire, NONCE_BYTES), wire, NONCE_BYTES);
    }

    private byte[] crypt(int mode, String owner, byte[] nonce, byte[] input, int offset) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, input.length - offset);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("the sealed value cannot be opened with this server's sealing key ("
                    + KEY_PROPERTY + "): another key, another owner, or altered data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is a mandatory JDK transformation", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = configuredKey.filter(k -> !k.isBlank())
                            .map(k -> keySpec(decode(k, KEY_PROPERTY), KEY_PROPERTY))
                            .orElseGet(this::keyFromFile);
                }
            }
        }
        return key;
    }

    private SecretKeySpec keyFromFile() {
        Path file = Path.of(keyFile.orElseThrow(() -> new IllegalStateException(
                "Neither " + KEY_PROPERTY + " nor " + KEY_FILE_PROPERTY + " is configured: customer keys and fusion cell lists cannot be sealed")));
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return keySpec(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the sealing key file " + file, e);
        }
    }

    /** Writes a fresh key to a private file, unless another start won the race. */
    private static void generate(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        if (!PrivateFiles.createPrivate(file, Base64.getEncoder().encodeToString(fresh))) {
            return;
        }
        LOG.warning("No " + KEY_PROPERTY + " configured: generated a new key for sealing customer keys and fusion cell secrets in "
                + file.toAbsolutePath() + ". Back it up (not next to the database) or configure " + KEY_PROPERTY
                + ": without it, no customer can sign in and persisted fusion projects cannot be opened.");
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The sealing key from " + source + " is not Base64", e);
        }
    }

    private static SecretKeySpec keySpec(byte[] bytes, String source) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The sealing key from " + source + " has " + bytes.length
                    + " bytes; it must be the Base64 text of " + KEY_BYTES + " random bytes (256 bits)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
