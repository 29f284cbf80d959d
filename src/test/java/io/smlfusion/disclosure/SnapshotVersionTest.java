package io.smlfusion.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The export's ETag: what it names, when it moves, and how If-None-Match is read. */
class SnapshotVersionTest {

    private static final String JOURNAL = "4f1c2a9e-0b6d-4c8e-9a31-2d7f5e6b8c10";
    private static final SnapshotVersion V = new SnapshotVersion(JOURNAL, "0123456789abcdef", 7);

    @Test
    void ifNoneMatchNamesTheVersionStrongWeakInAListOrStar() {
        assertEquals(JOURNAL + "-0123456789abcdef-7", V.etag());
        assertTrue(V.matchesAny("\"" + V.etag() + "\""));
        assertTrue(V.matchesAny("W/\"" + V.etag() + "\""));
        assertTrue(V.matchesAny("\"other\", \"" + V.etag() + "\""));
        assertTrue(V.matchesAny("*"));
        assertFalse(V.matchesAny(null));
        assertFalse(V.matchesAny(V.etag()), "an unquoted tag is not an entity-tag");
        assertFalse(V.matchesAny("\"" + new SnapshotVersion(JOURNAL, V.incarnation(), 6).etag() + "\""));
        assertFalse(V.matchesAny("\"" + new SnapshotVersion("another-project", V.incarnation(), 7).etag() + "\""), "same sequence, another project");
    }

    @Test
    void theSameSequenceAfterAnotherLoadIsAnotherVersion() {
        String other = SnapshotVersion.newIncarnation();
        assertTrue(other.matches("[0-9a-f]{16}"), other);
        assertNotEquals(V.incarnation(), other);
        assertFalse(V.matchesAny("\"" + new SnapshotVersion(JOURNAL, other, 7).etag() + "\""),
                "a sequence reused after a crash must not confirm the statistics of the earlier load");
    }
}
