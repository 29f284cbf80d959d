package io.smlfusion.disclosure;

/**
 * Which state of a cell project's statistics an export holds: the project's journal id (new for
 * every project created or imported under an id, kept by a rename and a restart) and the sequence
 * of the last change it holds (persisted with the project, replayed from the journal). Both only
 * move when the statistics change, so the pair is the export's {@code ETag} without hashing the
 * snapshot: a fusion that holds the snapshot of a version asks with {@code If-None-Match} and gets
 * {@code 304} while it is current.
 *
 * <p>The one place the ETag is computed and compared: code that releases other bytes than the
 * current snapshot (e.g. one released earlier) must give them the version of those bytes.
 */
public record SnapshotVersion(String journalId, long sequence) {

    /** The entity-tag's opaque text (without quotes): only letters, digits and {@code -}. */
    public String etag() {
        return journalId + "-" + sequence;
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
