package io.smlfusion.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The export's ETag: what it names, when it moves, and how If-None-Match is read. */
class SnapshotVersionTest {

    private static final SnapshotVersion V = new SnapshotVersion("4f1c2a9e-0b6d-4c8e-9a31-2d7f5e6b8c10", 7);

    @Test
    void ifNoneMatchNamesTheVersionStrongWeakInAListOrStar() {
        assertEquals("4f1c2a9e-0b6d-4c8e-9a31-2d7f5e6b8c10-7", V.etag());
        assertTrue(V.matchesAny("\"" + V.etag() + "\""));
        assertTrue(V.matchesAny("W/\"" + V.etag() + "\""));
        assertTrue(V.matchesAny("\"other\", \"" + V.etag() + "\""));
        assertTrue(V.matchesAny("*"));
        assertFalse(V.matchesAny(null));
        assertFalse(V.matchesAny(V.etag()), "an unquoted tag is not an entity-tag");
        assertFalse(V.matchesAny("\"4f1c2a9e-0b6d-4c8e-9a31-2d7f5e6b8c10-6\""));
        assertFalse(V.matchesAny("\"" + new SnapshotVersion("another-project", 7).etag() + "\""), "same sequence, another project");
    }
}
