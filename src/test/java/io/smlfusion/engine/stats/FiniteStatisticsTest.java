package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 10 §4: the statistics stay finite, whatever the values or the snapshots they are given. */
class FiniteStatisticsTest {

    private static final List<String> X = List.of("x");
    private static final List<AttributeType> C = List.of(AttributeType.CONTINUOUS);

    @Test
    void valuesWhosePowersWouldOverflowAreRefusedNamingRowAndAttribute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(X, C, new double[] {1, 1e200, -1e200}, 3));
        assertEquals("row 1, column 'x': 1.0E200 is not a finite number within ±1.0E50", e.getMessage());
    }

    @Test
    void theLargestAcceptedValuesKeepEveryMomentFiniteThroughLearnMergeAndForget() {
        double max = ValueRange.MAX_ABS;
        ProjectStatistics a = new ProjectStatistics(false, false);
        a.learn(new DataBlock(X, C, new double[] {max, -max, max, -max}, 4));
        ProjectStatistics b = new ProjectStatistics(false, false);
        b.learn(new DataBlock(X, C, new double[] {-max, -max, -max}, 3));
        a.merge(b);
        assertNull(ValueRange.violation(a.totalBlock()));
        assertTrue(Double.isFinite(a.total().m4(0)) && a.total().m4(0) > 0);
        a.forget(new DataBlock(X, C, new double[] {-max, -max, -max}, 3));
        assertEquals(4 * max * max, a.total().m2(0), 1e-9 * max * max);
    }

    @Test
    void aSnapshotWithMomentsThatAreNotFiniteIsRefusedButAStoredOneStillLoads() throws SnapshotFormatException {
        ProjectStatistics poisoned = new ProjectStatistics(false, false);
        poisoned.learn(new DataBlock(X, C, new double[] {1, 2}, 2));
        poisoned.totalBlock().comoment[0] = Double.NaN;
        byte[] snapshot = StatisticsCodec.encode(poisoned);

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> StatisticsCodec.decode(snapshot));
        assertEquals("the total block's co-moment [0] = NaN is not finite", e.getMessage());
        assertTrue(Double.isNaN(StatisticsCodec.decodeStored(snapshot).total().m2(0)), "never lose a stored project");
    }

    @Test
    void aSnapshotWithFiniteMomentsNoRowsCouldMakeIsRefused() {
        ProjectStatistics huge = new ProjectStatistics(true, false);
        huge.learn(new DataBlock(X, C, new double[] {1, 2}, 2, new String[] {"a", "b"}));
        huge.partitionBlocks().get("b").m4[0] = 1e300;
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                () -> StatisticsCodec.decode(StatisticsCodec.encode(huge)));
        assertTrue(e.getMessage().startsWith("the partition 'b' block's M4 [0] = 1.0E300 is larger than"), e.getMessage());
    }

    @Test
    void anAttributeCannotTurnFromCategoryToNumberOrBack() {
        ProjectStatistics project = new ProjectStatistics(false, false);
        project.learn(new DataBlock(List.of("u$a", "u$b"), List.of(AttributeType.BINARY, AttributeType.BINARY), new double[] {1, 0}, 1));
        IllegalArgumentException toNumber = assertThrows(IllegalArgumentException.class,
                () -> project.learn(new DataBlock(List.of("u"), C, new double[] {3}, 1)));
        assertEquals("attribute 'u' cannot be both type C and a category (type T, expanded to 'u$a'): an attribute keeps its type"
                + " from one learn to the next", toNumber.getMessage());
        assertEquals(List.of("u$a", "u$b"), project.schema().names(), "nothing learned");
        IllegalArgumentException summarised = assertThrows(IllegalArgumentException.class,
                () -> project.summaryOf(new DataBlock(List.of("u"), C, new double[] {3}, 1)));
        assertEquals(toNumber.getMessage(), summarised.getMessage(), "a learn through its summary (the journal's path) is refused alike");

        ProjectStatistics numeric = new ProjectStatistics(false, false);
        numeric.learn(new DataBlock(List.of("v"), C, new double[] {3}, 1));
        IllegalArgumentException toCategory = assertThrows(IllegalArgumentException.class,
                () -> numeric.learn(new DataBlock(List.of("v$red"), List.of(AttributeType.BINARY), new double[] {1}, 1)));
        assertTrue(toCategory.getMessage().startsWith("attribute 'v' cannot be both type C and a category"), toCategory.getMessage());

        numeric.learn(new DataBlock(List.of("v", "w$x"), List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS),
                new double[] {1, 2}, 1));
        assertEquals(List.of("v", "w$x"), numeric.schema().names(), "a continuous name holding '$' is no category");
    }

    @Test
    void theFootprintAfterALearnCountsItsNewAttributesAndPartitionsWithoutLearningIt() {
        ProjectStatistics project = new ProjectStatistics(true, false);
        project.learn(new DataBlock(X, C, new double[] {1, 2}, 2, new String[] {"a", "a"}));
        assertEquals(new Footprint(1, 2, 0), project.footprint());
        DataBlock wider = new DataBlock(List.of("x", "y", "z"), List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS,
                AttributeType.CONTINUOUS), new double[] {1, 2, 3, 4, 5, 6}, 2, new String[] {"b", "c"});

        Footprint after = project.footprintAfterLearning(wider);

        assertEquals(new Footprint(3, 4, 0), after);
        assertEquals(4 * 8 * (3 * 3 + 3 * 6), after.bytes());
        assertEquals(1, project.schema().size(), "nothing learned");
        project.learn(wider);
        assertEquals(after, project.footprint());
    }

    @Test
    void theFootprintOfAMergeIsTheUnionOfAttributesAndPartitions() {
        ProjectStatistics a = new ProjectStatistics(true, false);
        a.learn(new DataBlock(X, C, new double[] {1}, 1, new String[] {"p"}));
        ProjectStatistics b = new ProjectStatistics(true, false);
        b.learn(new DataBlock(List.of("x", "y"), List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS),
                new double[] {1, 2}, 1, new String[] {"q"}));
        Footprint after = a.footprintAfterMerging(b);
        a.merge(b);
        assertEquals(new Footprint(2, 3, 0), after);
        assertEquals(after, a.footprint());
        assertNotNull(a.partitions().get("q"));
    }
}
