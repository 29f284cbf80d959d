package io.smlfusion.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;

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

    @Test
    void aChangeMovesTheVersionAndTheReleaseNamesExactlyItsBytes() {
        CellProject project = new CellProject(new ProjectHeader("c", "p",
                new ProjectSettings(ProjectType.CPU, false, false, Map.of()), Instant.EPOCH, Instant.EPOCH, false),
                new ProjectStatistics(false, false));
        ExportRelease empty = project.export(null);
        assertEquals(new SnapshotVersion(project.journalId(), 0), empty.version());
        assertTrue(project.export("\"" + empty.version().etag() + "\"").unchanged(), "nothing encoded for a current copy");

        ProjectStatistics rows = new ProjectStatistics(false, false);
        rows.learn(new DataBlock(List.of("x"), List.of(AttributeType.CONTINUOUS), new double[] {1, 2, 3}, 3));
        project.mergeFrom(rows, Instant.EPOCH, null, change -> null);
        ExportRelease learned = project.export("\"" + empty.version().etag() + "\"");
        assertFalse(learned.unchanged(), "a changed project is never answered 304");
        assertEquals(new SnapshotVersion(project.journalId(), 1), learned.version());
        assertArrayEquals(project.read(StatisticsCodec::encode), learned.snapshot());
        assertNull(ExportRelease.notModified(learned.version()).snapshot());
    }
}
