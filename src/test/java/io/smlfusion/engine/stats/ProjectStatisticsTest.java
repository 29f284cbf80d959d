package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.AttributeType.BINARY;
import static io.smlfusion.engine.stats.AttributeType.CONTINUOUS;
import static io.smlfusion.engine.stats.MomentsAssert.assertSameMoments;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectStatisticsTest {

    private static final double SAME_ROWS = 1e-12;

    @Test
    void mergeOfDifferentAttributeSetsEqualsOneProjectThatLearnedEveryRowZeroFilled() {
        ProjectStatistics first = learned(block(List.of("a", "b$x"), 1, 1, 2, 0, 4, 1));
        ProjectStatistics second = learned(block(List.of("c", "a", "b$y"), 7, 3, 1, 8, 5, 0));

        first.merge(second);

        ProjectStatistics zeroFilled = learned(block(List.of("a", "b$x", "c", "b$y"),
                1, 1, 0, 0,
                2, 0, 0, 0,
                4, 1, 0, 0,
                3, 0, 7, 1,
                5, 0, 8, 0));
        assertEquals(zeroFilled.schema(), first.schema());
        assertSameMoments(zeroFilled.total(), first.total(), SAME_ROWS);
    }

    @Test
    void learningBlocksWithDifferentColumnsAlignsThemByName() {
        ProjectStatistics project = learned(block(List.of("a", "b"), 1, 2, 3, 4));
        project.learn(block(List.of("c", "b"), 5, 6));

        ProjectStatistics zeroFilled = learned(block(List.of("a", "b", "c"),
                1, 2, 0, 3, 4, 0, 0, 6, 5));
        assertEquals(List.of("a", "b", "c"), project.schema().names());
        assertSameMoments(zeroFilled.total(), project.total(), SAME_ROWS);
    }

    @Test
    void aTypeConflictIsRejectedNamingBothTypesAndChangesNothing() {
        ProjectStatistics project = learned(block(List.of("a", "flag"), 1, 0, 2, 1));
        byte[] before = StatisticsCodec.encode(project);
        DataBlock conflicting = new DataBlock(List.of("flag"), List.of(CONTINUOUS),
                new double[] {0.5}, 1);
        ProjectStatistics binaryFlag = new ProjectStatistics(false, false);
        binaryFlag.learn(new DataBlock(List.of("flag"), List.of(BINARY), new double[] {1}, 1));

        IllegalArgumentException onLearn = assertThrows(IllegalArgumentException.class,
                () -> binaryFlag.learn(conflicting));
        IllegalArgumentException onMerge = assertThrows(IllegalArgumentException.class,
                () -> project.merge(binaryFlag));

        for (IllegalArgumentException error : List.of(onLearn, onMerge)) {
            assertTrue(error.getMessage().contains("'flag'"), error.getMessage());
            assertTrue(error.getMessage().contains("type C"), error.getMessage());
            assertTrue(error.getMessage().contains("type B"), error.getMessage());
        }
        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    @Test
    void forgettingAnUnknownAttributeIsRejectedNamingItAndChangesNothing() {
        ProjectStatistics project = learned(block(List.of("a", "b"), 1, 2, 3, 4));
        byte[] before = StatisticsCodec.encode(project);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> project.forget(block(List.of("a", "z"), 1, 2)));

        assertTrue(error.getMessage().contains("'z'"), error.getMessage());
        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    @Test
    void forgettingMoreRowsThanLearnedIsRejectedAndChangesNothing() {
        ProjectStatistics project = learned(block(List.of("a"), 1));
        byte[] before = StatisticsCodec.encode(project);

        assertThrows(IllegalArgumentException.class,
                () -> project.forget(block(List.of("a"), 1, 1)));
        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    @Test
    void forgetUndoesLearnIncludingItsZeroFilledAttributes() {
        ProjectStatistics project = learned(block(List.of("a", "b"), 1, 2, 3, 4, 5, 7));
        DataBlock onlyA = block(List.of("a"), 10, 20);
        project.learn(onlyA);

        project.forget(onlyA);

        assertSameMoments(learned(block(List.of("a", "b"), 1, 2, 3, 4, 5, 7)).total(),
                project.total(), SAME_ROWS);
    }

    @Test
    void partitionBlocksHoldTheRowsOfTheirValueInFirstSeenOrder() {
        ProjectStatistics project = new ProjectStatistics(true, false);
        project.learn(partitioned(new String[] {"yes", "no", "yes"}, 1, 2, 3, 4, 5, 9));
        project.learn(partitioned(new String[] {"maybe"}, 7, 7));

        assertEquals(List.of("yes", "no", "maybe"), List.copyOf(project.partitions().keySet()));
        assertSameMoments(learned(block(List.of("a", "b"), 1, 2, 5, 9)).total(),
                project.partitions().get("yes"), SAME_ROWS);
        assertSameMoments(learned(block(List.of("a", "b"), 3, 4)).total(),
                project.partitions().get("no"), SAME_ROWS);
        MomentBlock sumOfPartitions = new MomentBlock(2);
        project.partitions().values().forEach(p -> sumOfPartitions.merge(p.copy()));
        assertSameMoments(project.total(), sumOfPartitions, SAME_ROWS);
    }

    @Test
    void forgettingAllRowsOfAPartitionRemovesItAndOverForgettingChangesNothing() {
        ProjectStatistics project = new ProjectStatistics(true, false);
        project.learn(partitioned(new String[] {"yes", "no", "yes"}, 1, 2, 3, 4, 5, 9));
        byte[] before = StatisticsCodec.encode(project);

        assertThrows(IllegalArgumentException.class,
                () -> project.forget(partitioned(new String[] {"no", "no"}, 3, 4, 3, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> project.forget(partitioned(new String[] {"never"}, 3, 4)));
        assertArrayEquals(before, StatisticsCodec.encode(project));

        project.forget(partitioned(new String[] {"no"}, 3, 4));
        assertEquals(List.of("yes"), List.copyOf(project.partitions().keySet()));
    }

    @Test
    void partitionValuesMustMatchWhetherTheProjectIsPartitioned() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProjectStatistics(true, false).learn(block(List.of("a"), 1)));
        assertThrows(IllegalArgumentException.class, () -> new ProjectStatistics(false, false)
                .learn(partitioned(new String[] {"yes"}, 1, 2)));
    }

    @Test
    void partitionsMergePerValue() {
        ProjectStatistics first = new ProjectStatistics(true, false);
        first.learn(partitioned(new String[] {"yes", "no"}, 1, 2, 3, 4));
        ProjectStatistics second = new ProjectStatistics(true, false);
        second.learn(partitioned(new String[] {"maybe", "yes"}, 5, 6, 7, 8));

        first.merge(second);

        assertEquals(List.of("yes", "no", "maybe"), List.copyOf(first.partitions().keySet()));
        assertSameMoments(learned(block(List.of("a", "b"), 1, 2, 7, 8)).total(),
                first.partitions().get("yes"), SAME_ROWS);
    }

    @Test
    void histogramsCountZeroFilledRowsAndFollowMergeAndForget() {
        ProjectStatistics project = new ProjectStatistics(false, true);
        project.learn(block(List.of("a"), 1, 2, 3));
        project.learn(block(List.of("a", "b"), 4, 40, 5, 50));
        ProjectStatistics other = new ProjectStatistics(false, true);
        other.learn(block(List.of("b"), 60));

        project.merge(other);

        assertEquals(histogramOf(1, 2, 3, 4, 5, 0).buckets(), project.histogram(0).buckets());
        assertEquals(histogramOf(0, 0, 0, 40, 50, 60).buckets(), project.histogram(1).buckets());
        project.forget(block(List.of("b", "a"), 40, 4));
        assertEquals(histogramOf(1, 2, 3, 5, 0).buckets(), project.histogram(0).buckets());
        assertEquals(histogramOf(0, 0, 0, 50, 60).buckets(), project.histogram(1).buckets());
    }

    @Test
    void histogramsEnabledAfterRowsDescribeTheRowsLearnedSinceAndSurviveMergeAndSnapshot()
            throws SnapshotFormatException {
        ProjectStatistics project = new ProjectStatistics(false, false);
        project.learn(block(List.of("a"), 1, 2, 3));
        project.enableHistograms();
        assertEquals(0, project.histogramRows());
        project.learn(block(List.of("a", "b"), 4, 40, 5, 50));
        ProjectStatistics other = new ProjectStatistics(false, true);
        other.learn(block(List.of("c"), 7));

        project.merge(other);

        assertEquals(6, project.total().count());
        assertEquals(3, project.histogramRows());
        assertEquals(histogramOf(4, 5, 0).buckets(), project.histogram(0).buckets());
        assertEquals(histogramOf(40, 50, 0).buckets(), project.histogram(1).buckets());
        assertEquals(histogramOf(0, 0, 7).buckets(), project.histogram(2).buckets());
        ProjectStatistics restored = StatisticsCodec.decode(StatisticsCodec.encode(project));
        assertEquals(3, restored.histogramRows());
        assertEquals(project.histogram(1).buckets(), restored.histogram(1).buckets());
        IllegalArgumentException predating = assertThrows(IllegalArgumentException.class,
                () -> project.forget(block(List.of("a"), 1)));
        assertTrue(predating.getMessage().contains("'a'") && predating.getMessage().contains(
                "since its histograms were enabled (they describe 3 of its 6 rows"), predating.getMessage());

        project.disableHistograms();
        assertFalse(project.histogramsEnabled());
        assertEquals(0, project.histogramRows());
        project.forget(block(List.of("a"), 1));
        assertEquals(5, project.total().count());
    }

    @Test
    void forgettingValuesAHistogramNeverHeldIsRejectedAndChangesNothing() {
        ProjectStatistics project = new ProjectStatistics(false, true);
        project.learn(block(List.of("a"), 1, 2, 3));
        byte[] before = StatisticsCodec.encode(project);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> project.forget(block(List.of("a"), 1000)));

        assertTrue(error.getMessage().contains("'a'"), error.getMessage());
        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    @Test
    void aFeatureOnlyOneSideHasIsDroppedByMerge() {
        ProjectStatistics withEverything = new ProjectStatistics(true, true);
        withEverything.learn(partitioned(new String[] {"yes"}, 1, 2));

        ProjectStatistics plain = new ProjectStatistics(false, false);
        plain.learn(block(List.of("a", "b"), 3, 4));

        withEverything.merge(plain);

        assertFalse(withEverything.partitioned());
        assertFalse(withEverything.histogramsEnabled());
        assertNull(withEverything.histogram(0));
        assertEquals(Collections.emptyMap(), withEverything.partitions());
        assertEquals(2, withEverything.total().count());
    }

    @Test
    void mergeAllDependsOnlyOnTheOrderOfItsList() {
        ProjectStatistics third = learned(block(List.of("c", "a"), 5, 6));
        ProjectStatistics first = learned(block(List.of("a", "b"), 1, 2));
        ProjectStatistics second = learned(block(List.of("b", "d"), 3, 4));

        ProjectStatistics fused = ProjectStatistics.mergeAll(List.of(first, second, third));

        assertEquals(List.of("a", "b", "d", "c"), fused.schema().names());
        ProjectStatistics again = ProjectStatistics.mergeAll(List.of(first.copy(), second.copy(),
                third.copy()));
        assertArrayEquals(StatisticsCodec.encode(fused), StatisticsCodec.encode(again));
        assertEquals(1, first.total().count(), "inputs are left as they were");
        assertThrows(IllegalArgumentException.class, () -> ProjectStatistics.mergeAll(List.of()));
    }

    @Test
    void aFusionOfTheHousingCellsEqualsOneProjectThatLearnedThemAll() {
        List<ReferenceData> cells = List.of(ReferenceData.read("housing-fed3", "housing1.csv"),
                ReferenceData.read("housing-fed3", "housing2.csv"),
                ReferenceData.read("housing-fed3", "housing3.csv"));
        ProjectStatistics union = new ProjectStatistics(false, true);
        cells.forEach(cell -> union.learn(cell.asBlock()));

        ProjectStatistics fused = ProjectStatistics.mergeAll(
                cells.stream().map(cell -> learned(cell.asBlock())).toList());

        assertSameMoments(union.total(), fused.total(), SAME_ROWS);
        assertEquals(union.histogram(13).buckets(), fused.histogram(13).buckets());
    }

    @Test
    void copyIsIndependent() {
        ProjectStatistics project = learned(block(List.of("a"), 1, 2));
        byte[] before = StatisticsCodec.encode(project);

        project.copy().learn(block(List.of("a", "b"), 3, 4));

        assertArrayEquals(before, StatisticsCodec.encode(project));
    }

    /** A project with histograms, not partitioned, that learned {@code block}. */
    private static ProjectStatistics learned(DataBlock block) {
        ProjectStatistics project = new ProjectStatistics(false, true);
        project.learn(block);
        return project;
    }

    /** A block of continuous attributes. */
    private static DataBlock block(List<String> names, double... rows) {
        return new DataBlock(names, Collections.nCopies(names.size(), CONTINUOUS), rows,
                rows.length / names.size());
    }

    /** Rows over attributes a and b, each with its partition value. */
    private static DataBlock partitioned(String[] values, double... rows) {
        return new DataBlock(List.of("a", "b"), List.of(CONTINUOUS, CONTINUOUS), rows,
                values.length, values);
    }

    private static MergeableHistogram histogramOf(double... values) {
        MergeableHistogram histogram = new MergeableHistogram();
        for (double value : values) {
            histogram.add(value);
        }
        return histogram;
    }
}
