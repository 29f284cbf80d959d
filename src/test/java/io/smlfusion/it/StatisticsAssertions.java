package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;

/** Compares two exported representations element by element. */
public final class StatisticsAssertions {

    private StatisticsAssertions() {
    }

    public static ProjectStatistics decodeExport(SignedClient.Reply export) {
        assertEquals(200, export.status(), export::toString);
        try {
            return StatisticsCodec.decode(Base64.getDecoder().decode(export.values().getString("string")));
        } catch (SnapshotFormatException e) {
            throw new AssertionError("export is not a readable snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Same attributes in the same order, same count, and every moment equal to {@code relative}
     * (with an absolute floor of {@code relative} times the attribute's scale, for values that are 0
     * up to rounding).
     */
    public static void assertSameStatistics(ProjectStatistics expected, ProjectStatistics actual, double relative) {
        assertEquals(expected.schema().size(), actual.schema().size(), "attribute count");
        for (int i = 0; i < expected.schema().size(); i++) {
            assertEquals(expected.schema().name(i), actual.schema().name(i), "attribute " + i);
        }
        Moments e = expected.total();
        Moments a = actual.total();
        assertEquals(e.count(), a.count(), "row count");
        int p = e.dimension();
        for (int i = 0; i < p; i++) {
            double scale = Math.sqrt(e.m2(i) / e.count()) + Math.abs(e.mean(i));
            close(e.mean(i), a.mean(i), relative, scale, "mean " + i);
            for (int j = i; j < p; j++) {
                double scaleIj = Math.sqrt(e.m2(i) * e.m2(j));
                close(e.comoment(i, j), a.comoment(i, j), relative, scaleIj, "comoment " + i + "," + j);
            }
        }
    }

    private static void close(double expected, double actual, double relative, double scale, String what) {
        double tolerance = relative * Math.max(Math.abs(expected), scale);
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }
}
