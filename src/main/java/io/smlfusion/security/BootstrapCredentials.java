package io.smlfusion.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a fresh install shows of the key it generated for its bootstrap customer: a box in the log,
 * which stands out among the start-up lines, and a private file in the server's output directory
 * ({@value #FILE_PROPERTY}) in the form {@code bin/sml} reads on the same machine
 * ({@code SML_CID=…} and {@code SML_SECRET=…} lines), so a first session needs no copy and paste.
 */
final class BootstrapCredentials {

    static final String FILE_PROPERTY = "smlfusion.bootstrap.credentials.file";

    private final String cid;
    private final String secret;

    BootstrapCredentials(String cid, String secret) {
        this.cid = cid;
        this.secret = secret;
    }

    /** The lines of the file: shell assignments that {@code bin/sml} (or a shell) can source. */
    String fileText() {
        return "SML_CID=" + cid + "\nSML_SECRET=" + secret + "\n";
    }

    /**
     * Writes the file, private to the server's user.
     *
     * @return false when a file was already there (it is left alone)
     */
    boolean writeTo(Path file) throws IOException {
        return PrivateFiles.createPrivate(file, fileText());
    }

    /** The log message: the credentials in a box, and where the file is ({@code null}: none was written). */
    String box(Path file) {
        List<String> lines = List.of(
                "sml-fusion bootstrap customer created",
                "  cid    " + cid,
                "  secret " + secret,
                "Store the secret now; it is not shown again. Rotate it with:",
                "  bin/sml POST admin/customers/" + cid + "/rotateKey",
                file == null ? "No credentials file was written." : "bin/sml on this machine reads it from " + file,
                file == null ? "" : "(delete that file once the key is stored elsewhere)");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder box = new StringBuilder("\n+" + "-".repeat(width + 2) + "+\n");
        for (String line : lines) {
            if (!line.isEmpty()) {
                box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
            }
        }
        return box.append("+").append("-".repeat(width + 2)).append("+").toString();
    }
}
