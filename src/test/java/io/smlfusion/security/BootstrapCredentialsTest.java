package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCredentialsTest {

    private final BootstrapCredentials credentials = new BootstrapCredentials("c1", "3dI3athKnxU6zwzEVomoyg==");

    @Test
    void theFileIsPrivateHoldsWhatBinSmlReadsAndIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("resources/security/bootstrap-credentials");
        assertTrue(credentials.writeTo(file));
        assertEquals("SML_CID=c1\nSML_SECRET=3dI3athKnxU6zwzEVomoyg==\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(new BootstrapCredentials("c1", "AAAAAAAAAAAAAAAAAAAAAA==").writeTo(file));
        assertTrue(Files.readString(file).contains("3dI3athKnxU6zwzEVomoyg=="), "the first key stays");
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theBoxFramesEveryLineAtOneWidth() {
        String box = credentials.box(Path.of("/srv/out/bootstrap-credentials"));
        String[] lines = box.strip().split("\n");
        assertTrue(box.contains("| cid    c1") || box.contains("|   cid    c1"), box);
        assertTrue(box.contains("secret 3dI3athKnxU6zwzEVomoyg=="), box);
        assertTrue(box.contains("bin/sml on this machine reads it from /srv/out/bootstrap-credentials"), box);
        for (String line : lines) {
            assertEquals(lines[0].length(), line.length(), box);
        }
        assertTrue(lines[0].startsWith("+-") && lines[lines.length - 1].startsWith("+-"), box);
    }
}
