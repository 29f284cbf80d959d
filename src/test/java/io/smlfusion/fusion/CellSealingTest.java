package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cell lists at rest: sealed with the server key, bound to their owner, never readable without the key. */
class CellSealingTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final List<CellInfo> cells = TestCells.cells(2);
    private final String json = CellList.toJson(cells);

    @Test
    void sealsAndOpens() {
        CellSealing sealing = new CellSealing(key());
        String sealed = sealing.seal("c1", json);
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains(cells.get(0).sk()));
        assertFalse(new String(Base64.getDecoder().decode(sealed.substring(3))).contains("sk"));
        assertNotEquals(sealed, sealing.seal("c1", json), "a fresh nonce every time");
        assertEquals(json, sealing.unseal("c1", sealed));
    }

    @Test
    void anotherKeyAnotherOwnerOrAlteredDataCannotOpen() {
        CellSealing sealing = new CellSealing(key());
        String sealed = sealing.seal("c1", json);
        assertThrows(IllegalStateException.class, () -> new CellSealing(key()).unseal("c1", sealed));
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c2", sealed));
        byte[] wire = Base64.getDecoder().decode(sealed.substring(3));
        wire[wire.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c1", "v1:" + Base64.getEncoder().encodeToString(wire)));
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c1", null));
        assertThrows(IllegalStateException.class, () -> new CellSealing(new byte[16]));
    }

    @Test
    void generatesAPrivateKeyFileOnceAndReusesIt(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("resources/security/sealing.key");
        CellSealing first = fromConfig(Optional.empty(), file);
        String sealed = first.seal("c1", json);
        assertTrue(Files.exists(file));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(json, fromConfig(Optional.empty(), file).unseal("c1", sealed), "the next start reads the same key");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile(@TempDir Path directory) {
        byte[] key = key();
        String sealed = new CellSealing(key).seal("c1", json);
        Path file = directory.resolve("sealing.key");
        assertEquals(json, fromConfig(Optional.of(Base64.getEncoder().encodeToString(key)), file).unseal("c1", sealed));
        assertFalse(Files.exists(file));
        assertThrows(IllegalStateException.class, () -> fromConfig(Optional.of("c2hvcnQ="), file).seal("c1", json));
    }

    private static CellSealing fromConfig(Optional<String> configuredKey, Path file) {
        CellSealing sealing = new CellSealing();
        sealing.configuredKey = configuredKey;
        sealing.keyFile = Optional.of(file.toString());
        return sealing;
    }
}
