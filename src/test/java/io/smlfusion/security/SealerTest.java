package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one server key that seals customer keys and fusion cell lists at rest. */
class SealerTest {

    private static final byte[] SECRET = "a customer key".getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedCustomerKeyFitsTheExistingColumnAndIsRecognised() {
        Sealer sealer = new Sealer(key());
        String sealed = sealer.seal("customer c1", Base64.getDecoder().decode(SecretKeys.generate()));
        assertTrue(sealed.length() <= 64, sealed);
        assertTrue(Sealer.isSealed(sealed));
        assertFalse(Sealer.isSealed(SecretKeys.generate()), "a clear key is never taken for a sealed one");
    }

    @Test
    void theOwnerTextIsBoundToTheSealedValue() {
        Sealer sealer = new Sealer(key());
        String sealed = sealer.seal("customer c1", SECRET);
        assertArrayEquals(SECRET, sealer.unseal("customer c1", sealed));
        assertThrows(IllegalStateException.class, () -> sealer.unseal("c1", sealed));
        assertThrows(IllegalStateException.class, () -> new Sealer(new byte[16]));
    }

    @Test
    void generatesAPrivateKeyFileOnceAndReusesIt(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("resources/security/sealing.key");
        Sealer first = fromConfig(Optional.empty(), file);
        String sealed = first.seal("c1", SECRET);
        assertTrue(Files.exists(file));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(SECRET, fromConfig(Optional.empty(), file).unseal("c1", sealed), "the next start reads the same key");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile(@TempDir Path directory) {
        byte[] key = key();
        String sealed = new Sealer(key).seal("c1", SECRET);
        Path file = directory.resolve("sealing.key");
        assertArrayEquals(SECRET, fromConfig(Optional.of(Base64.getEncoder().encodeToString(key)), file).unseal("c1", sealed));
        assertFalse(Files.exists(file));
        assertThrows(IllegalStateException.class, () -> fromConfig(Optional.of("c2hvcnQ="), file).seal("c1", SECRET));
    }

    private static Sealer fromConfig(Optional<String> configuredKey, Path file) {
        Sealer sealer = new Sealer();
        sealer.configuredKey = configuredKey;
        sealer.keyFile = Optional.of(file.toString());
        return sealer;
    }
}
