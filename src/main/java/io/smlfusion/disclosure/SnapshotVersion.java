package io.smlfusion.disclosure;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Which state of a cell project's statistics an export holds: the project's journal id (new for
 * every project created or imported under an id, kept by a rename and a restart), the incarnation
 * of the project object that holds them (random, new at every load) and the sequence of the last
 * change it holds (persisted with the project, replayed from the journal). None moves unless the
 * statistics may have changed, so the triple is the export's {@code ETag} without hashing the
 * snapshot: a fusion that holds the snapshot of a version asks with {@code If-None-Match} and gets
 * {@code 304} while it is current.
 *
 * <p>Why the incarnation: a change is applied in memory, and may be exported, before its journal
 * entry is durable; after a {@code kill -9} the project restarts at the last durable sequence, and
 * its next change would reuse a sequence already handed out with other statistics — a fusion holding
 * that ETag would get a wrong {@code 304}. A fresh incarnation at every load makes a sequence unique
 * for good, at the price of one whole fetch per fusion after each restart of the cell's server.
 *
 * <p>The one place the ETag is computed and compared: code that releases other bytes than the
 * current snapshot (e.g. one released earlier) must give them the version of those bytes.
 */
public record SnapshotVersion(String journalId, String incarnation, long sequence) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int INCARNATION_BYTES = 8;

    /** A fresh incarnation for a project object being loaded or created: 16 hex digits. */
    public static String newIncarnation() {
        byte[] random = new byte[INCARNATION_BYTES];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The entity-tag's opaque text (without quotes): only letters, digits and {@code -}. */
    public String etag() {
        return journalId + "-" + incarnation + "-" + sequence;
    }

    /**
     * Whether an {@code If-None-Match} header (RFC 9110 §13.1.2: {@code *} or a list of entity-tags,
     * weak or strong) names this version.
     *
     * @param ifNoneMatch the header, or null when absent
     */
    public boolean matchesAny(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",", 64)) {
            String candidate = tag.strip();
            if (candidate.equals("*")) {
                return true;
            }
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.length() >= 2 && candidate.startsWith("\"") && candidate.endsWith("\"")
                    && candidate.substring(1, candidate.length() - 1).equals(etag())) {
                return true;
            }
        }
        return false;
    }
}
