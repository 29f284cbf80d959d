package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.AttributeType.CONTINUOUS;
import static io.smlfusion.engine.stats.MomentsAssert.assertSameMoments;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A block's summary ({@link ProjectStatistics#summaryOf}) is what a learn or forget applies and
 * what the write-ahead journal stores and replays: merging it must be the block's learn,
 * subtracting it the block's forget, and a subtraction that does not fit must change nothing.
 */
class ProjectStatisticsSummaryTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final double SAME_ROWS = 1e-12;

    @Test
    void mergingASummaryIsLearningItsBlockBitForBit() {
        for (boolean partitioned : new boolean[] {false, true}) {
            for (boolean histograms : new boolean[] {false, true}) {
                ProjectStatistics learned = project(partitioned, histograms);
                ProjectStatistics merged = project(partitioned, histograms);
                // the second block brings a new attribute and leaves one out
                for (DataBlock block : List.of(block(NAMES, partitioned, 1, 200), block(List.of("c", "d", "a"), partitioned, 2, 150))) {
                    ProjectStatistics summary = merged.summaryOf(block);
                    learned.learn(block);
                    merged.merge(summary);
                }
                assertSameStatistics(learned, merged);
            }
        }
    }

    @Test
    void subtractingASummaryIsForgettingItsBlockBitForBit() {
        for (boolean partitioned : new boolean[] {false, true}) {
            for (boolean histograms : new boolean[] {false, true}) {
                DataBlock first = block(NAMES, partitioned, 1, 200);
                DataBlock second = block(List.of("c", "a"), partitioned, 2, 120);
                ProjectStatistics forgotten = project(partitioned, histograms);
                forgotten.learn(first);
                forgotten.learn(second);
                ProjectStatistics subtracted = forgotten.copy();

                forgotten.forget(second);
                subtracted.subtract(subtracted.summaryOf(second));

                assertSameStatistics(forgotten, subtracted);
                subtracted.subtract(subtracted.summaryOf(first));
                assertEquals(0, subtracted.total().count());
                assertEquals(0, subtracted.partitions().size(), "a partition whose rows are all removed disappears");
            }
        }
    }

    @Test
    void aSummaryTakesTheAccuracyOfTheProjectsHistograms() {
        // as an imported snapshot may have: histograms of another accuracy than this server's default
        MergeableHistogram coarse = new MergeableHistogram(0.05);
        ProjectStatistics project = new ProjectStatistics(Schema.of(List.of("a"), List.of(CONTINUOUS)),
                new MomentBlock(1), null, new ArrayList<>(List.of(coarse)));
        ProjectStatistics learned = project.copy();
        DataBlock block = block(List.of("a", "b"), false, 3, 50);

        ProjectStatistics summary = project.summaryOf(block);
        project.merge(summary);
        learned.learn(block);

        assertEquals(0.05, summary.histogram(0).relativeAccuracy());
        assertEquals(MergeableHistogram.DEFAULT_RELATIVE_ACCURACY, summary.histogram(1).relativeAccuracy());
        assertSameStatistics(learned, project);
    }

    @Test
    void aSubtractionThatDoesNotFitIsRefusedAndChangesNothing() {
        ProjectStatistics project = project(true, true);
        DataBlock learned = block(NAMES, true, 1, 100);
        project.learn(learned);
        byte[] before = StatisticsCodec.encode(project);

        ProjectStatistics unknownAttribute = project.summaryOf(block(List.of("a", "z"), true, 2, 5));
        ProjectStatistics tooManyRows = project.copy();
        tooManyRows.learn(learned);
        ProjectStatistics otherValues = project.summaryOf(block(NAMES, true, 9, 10));
        ProjectStatistics otherPartition = project.summaryOf(new DataBlock(List.of("a"), List.of(CONTINUOUS),
                new double[] {1}, 1, new String[] {"never"}));
        ProjectStatistics withoutPartitions = new ProjectStatistics(false, true);
        withoutPartitions.learn(block(NAMES, false, 1, 3));

        assertRefused(project, unknownAttribute, "'z'");
        assertRefused(project, tooManyRows, "only 100 were learned");
        assertRefused(project, otherValues, "never learned");
        assertRefused(project, otherPartition, "partition 'never'");
        assertRefused(project, withoutPartitions, "partitioned");
        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    /**
     * Equal up to rounding (the merge contract): a partition first seen in a block is adopted
     * from the summary but merged into an empty block by learn, which may round a mean.
     * Histograms count values, so theirs must be equal.
     */
    private static void assertSameStatistics(ProjectStatistics expected, ProjectStatistics actual) {
        assertEquals(expected.schema(), actual.schema());
        assertSameMoments(expected.total(), actual.total(), SAME_ROWS);
        assertEquals(List.copyOf(expected.partitions().keySet()), List.copyOf(actual.partitions().keySet()));
        expected.partitions().forEach((value, moments) -> assertSameMoments(moments, actual.partitions().get(value), SAME_ROWS));
        assertEquals(expected.histogramsEnabled(), actual.histogramsEnabled());
        for (int i = 0; expected.histogramsEnabled() && i < expected.schema().size(); i++) {
            assertEquals(expected.histogram(i).buckets(), actual.histogram(i).buckets(), "histogram of " + expected.schema().name(i));
            assertEquals(expected.histogram(i).relativeAccuracy(), actual.histogram(i).relativeAccuracy());
        }
    }

    private static void assertRefused(ProjectStatistics project, ProjectStatistics rows, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> project.subtract(rows));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    private static ProjectStatistics project(boolean partitioned, boolean histograms) {
        return new ProjectStatistics(partitioned, histograms);
    }

    /** {@code rows} random rows over {@code names} (values depend on {@code seed}), in partitions p0..p2 when asked. */
    private static DataBlock block(List<String> names, boolean partitioned, int seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * names.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.round(random.nextDouble(-50, 150) * 100) / 100.0 + seed;
        }
        String[] partitions = null;
        if (partitioned) {
            partitions = new String[rows];
            for (int r = 0; r < rows; r++) {
                partitions[r] = "p" + (r * seed) % 3;
            }
        }
        return new DataBlock(names, Collections.nCopies(names.size(), CONTINUOUS), values, rows, partitions);
    }
}
