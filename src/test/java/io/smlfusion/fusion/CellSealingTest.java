package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.Sealer;

/** Cell lists at rest: sealed with the server key, bound to their owner, never readable without the key. */
class CellSealingTest {

    private static Sealer sealer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Sealer(key);
    }

    private final List<CellInfo> cells = TestCells.cells(2);
    private final String json = CellList.toJson(cells);

    @Test
    void sealsAndOpens() {
        CellSealing sealing = new CellSealing(sealer());
        String sealed = sealing.seal("c1", json);
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains(cells.get(0).sk()));
        assertFalse(new String(Base64.getDecoder().decode(sealed.substring(3))).contains("sk"));
        assertNotEquals(sealed, sealing.seal("c1", json), "a fresh nonce every time");
        assertEquals(json, sealing.unseal("c1", sealed));
    }

    @Test
    void anotherKeyAnotherOwnerOrAlteredDataCannotOpen() {
        CellSealing sealing = new CellSealing(sealer());
        String sealed = sealing.seal("c1", json);
        assertThrows(IllegalStateException.class, () -> new CellSealing(sealer()).unseal("c1", sealed));
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c2", sealed));
        byte[] wire = Base64.getDecoder().decode(sealed.substring(3));
        wire[wire.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c1", "v1:" + Base64.getEncoder().encodeToString(wire)));
        assertThrows(IllegalStateException.class, () -> sealing.unseal("c1", null));
    }
}
