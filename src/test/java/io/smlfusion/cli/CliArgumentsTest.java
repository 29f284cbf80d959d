package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.cli.CliArguments.Command;
import io.smlfusion.security.BodyEncryption;

class CliArgumentsTest {

    static final String SECRET = "VLmAm+WkpnA5zp2wXiSYkw==";
    static final Map<String, String> ENV = Map.of("SML_SECRET", SECRET);

    @Test
    void callWithDefaults() throws CliUsageException {
        CliArguments args = CliArguments.parse(new String[] {"get", "projects/list"}, ENV);
        assertEquals(Command.CALL, args.command());
        assertEquals("http://localhost:9080", args.host());
        assertEquals("c1", args.cid());
        assertEquals(SECRET, args.secret());
        assertEquals("GET", args.method());
        assertEquals("projects/list", args.path());
        assertNull(args.input());
        assertFalse(args.encrypt());
        assertFalse(args.verbose());
        assertEquals(BodyEncryption.AES_CBC, args.scheme());
    }

    @Test
    void environmentSuppliesCredentials() throws CliUsageException {
        CliArguments args = CliArguments.parse(new String[] {"GET", "projects"},
                Map.of("SML_HOST", "https://sml.example:8443/", "SML_CID", "c7", "SML_SECRET", SECRET));
        assertEquals("https://sml.example:8443", args.host());
        assertEquals("c7", args.cid());
    }

    @Test
    void optionsOverrideTheEnvironmentAnywhereOnTheLine() throws CliUsageException {
        String other = "EYpWjGPaoMoFUb/jfW95PQ==";
        CliArguments args = CliArguments.parse(new String[] {"--host", "http://charm:8080", "POST", "--cid=c2",
                "projects/fusion/create?pid=f1", "--secret", other, "@cells.json", "--encrypt", "--scheme", "aes-gcm", "-v"},
                Map.of("SML_HOST", "http://elsewhere", "SML_SECRET", SECRET));
        assertEquals("http://charm:8080", args.host());
        assertEquals("c2", args.cid());
        assertEquals(other, args.secret());
        assertEquals("POST", args.method());
        assertEquals("projects/fusion/create?pid=f1", args.path());
        assertEquals("@cells.json", args.input());
        assertTrue(args.encrypt());
        assertTrue(args.verbose());
        assertEquals(BodyEncryption.AES_GCM, args.scheme());
    }

    @Test
    void stdinAndDoubleDashAreBodies() throws CliUsageException {
        assertEquals("-", CliArguments.parse(new String[] {"POST", "projects", "-"}, ENV).input());
        assertEquals("--verbose", CliArguments.parse(new String[] {"POST", "projects", "--", "--verbose"}, ENV).input());
    }

    @Test
    void encryptAndDecryptCommands() throws CliUsageException {
        CliArguments encrypt = CliArguments.parse(new String[] {"encrypt", "--scheme", "aes-gcm", "{}"}, ENV);
        assertEquals(Command.ENCRYPT, encrypt.command());
        assertEquals("{}", encrypt.input());
        assertEquals(BodyEncryption.AES_GCM, encrypt.scheme());
        assertEquals(Command.DECRYPT, CliArguments.parse(new String[] {"decrypt", "@body.b64"}, ENV).command());
    }

    @Test
    void helpNeedsNoSecret() throws CliUsageException {
        assertEquals(Command.HELP, CliArguments.parse(new String[] {"--help"}, Map.of()).command());
    }

    @Test
    void missingSecretIsExplained() {
        CliUsageException e = assertThrows(CliUsageException.class, () -> CliArguments.parse(new String[] {"GET", "projects"}, Map.of()));
        assertTrue(e.getMessage().contains("SML_SECRET"), e.getMessage());
    }

    @Test
    void malformedSecretIsExplained() {
        CliUsageException e = assertThrows(CliUsageException.class,
                () -> CliArguments.parse(new String[] {"GET", "projects", "--secret", "c2VjcmV0"}, Map.of()));
        assertTrue(e.getMessage().contains("exactly 16 bytes"), e.getMessage());
    }

    @Test
    void badCommandLines() {
        String[][] bad = {{}, {"GET"}, {"GET", "a", "b", "c"}, {"--frobnicate", "GET", "a"}, {"GET", "a", "--cid"},
                {"POST", "a", "--encrypt"}, {"encrypt"}, {"decrypt", "a", "b"}};
        for (String[] args : bad) {
            assertThrows(CliUsageException.class, () -> CliArguments.parse(args, ENV), String.join(" ", args));
        }
    }

    @Test
    void unknownSchemeListsTheAcceptedOnes() {
        CliUsageException e = assertThrows(CliUsageException.class,
                () -> CliArguments.parse(new String[] {"encrypt", "--scheme", "des", "{}"}, ENV));
        assertEquals("Unsupported --scheme [des]; accepted values: aes-cbc, aes-gcm", e.getMessage());
    }
}
