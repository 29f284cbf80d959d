package io.smlfusion.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/** Files only the server's user may read: the generated sealing key and the bootstrap credentials. */
final class PrivateFiles {

    private static final Logger LOG = Logger.getLogger(PrivateFiles.class.getName());

    private PrivateFiles() {
    }

    /**
     * Writes {@code text} to a private temporary file, then moves it to {@code file}, so the file
     * never exists with wider permissions or half written.
     *
     * @return false when {@code file} already existed (another start won the race); it is left as it was
     */
    static boolean createPrivate(Path file, String text) throws IOException {
        Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning("Cannot restrict the permissions of " + file + " on this file system; restrict them by hand");
        }
    }
}
