package io.smlfusion.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/** Issue 11 §4: which groups of rows are too small to be released. */
class SmallGroupTest {

    private static final List<AttributeType> C_B = List.of(AttributeType.CONTINUOUS, AttributeType.BINARY);

    @Test
    void aProjectOfFewerRowsThanTheMinimumIsTooSmall() {
        ProjectStatistics nine = statistics(rows(9, 0), null);
        assertEquals(new SmallGroup(SmallGroup.Kind.PROJECT, "", 9), SmallGroup.find(nine, 10));
        assertNull(SmallGroup.find(statistics(rows(10, 0), null), 10), "exactly the minimum is released");
        assertEquals(new SmallGroup(SmallGroup.Kind.PROJECT, "", 0), SmallGroup.find(new ProjectStatistics(false, false), 1),
                "an empty project has nothing to release");
    }

    @Test
    void aCategoryLevelOfFewRowsIsTooSmallWhateverTheTotal() {
        // 40 rows, 3 of them in level 'city$Oslo' (a T attribute expanded to binary attributes)
        ProjectStatistics statistics = statistics(rows(40, 3), null);
        assertEquals(new SmallGroup(SmallGroup.Kind.LEVEL, "'city$Oslo' = 1", 3), SmallGroup.find(statistics, 10));
        assertNull(SmallGroup.find(statistics, 3));
    }

    @Test
    void theRowsOutsideALevelAreAGroupToo() {
        // 37 of 40 rows are in the level: the other 3 are the totals minus the level's sums
        ProjectStatistics statistics = statistics(rows(40, 37), null);
        assertEquals(new SmallGroup(SmallGroup.Kind.LEVEL, "'city$Oslo' = 0", 3), SmallGroup.find(statistics, 10));
    }

    @Test
    void anEmptyLevelDescribesNobody() {
        assertNull(SmallGroup.find(statistics(rows(40, 0), null), 10));
        assertNull(SmallGroup.find(statistics(rows(40, 40), null), 10));
    }

    @Test
    void aSmallPartitionIsTooSmall() {
        double[] values = rows(30, 15);
        String[] partitions = new String[30];
        for (int r = 0; r < 30; r++) {
            partitions[r] = r < 25 ? "north" : "south";
        }
        ProjectStatistics statistics = statistics(values, partitions);
        // overall: 30 rows, 15 and 15 in the level; north: 25 rows of which 15 in the level; south: 5 rows
        assertEquals(new SmallGroup(SmallGroup.Kind.PARTITION, "partition 'south'", 5), SmallGroup.find(statistics, 10));
        assertNull(SmallGroup.find(statistics, 5), "south's 5 rows are all outside the level: an empty level is nobody");
    }

    @Test
    void aLevelWithinAPartitionIsCheckedOnItsOwn() {
        double[] values = rows(40, 20);
        String[] partitions = new String[40];
        for (int r = 0; r < 40; r++) {
            // north holds rows 0..19 (every one in the level) and 38, 39; south the rest
            partitions[r] = r < 20 || r >= 38 ? "north" : "south";
        }
        ProjectStatistics statistics = statistics(values, partitions);
        assertEquals(new SmallGroup(SmallGroup.Kind.LEVEL, "'city$Oslo' = 0 in partition 'north'", 2), SmallGroup.find(statistics, 10));
    }

    @Test
    void zeroSwitchesTheControlOff() {
        assertNull(SmallGroup.find(statistics(rows(1, 1), null), 0));
    }

    /** {@code n} rows of (x = row number, city$Oslo = 1 for the first {@code inLevel} rows, else 0). */
    private static double[] rows(int n, int inLevel) {
        double[] values = new double[2 * n];
        for (int r = 0; r < n; r++) {
            values[2 * r] = r;
            values[2 * r + 1] = r < inLevel ? 1 : 0;
        }
        return values;
    }

    private static ProjectStatistics statistics(double[] values, String[] partitions) {
        ProjectStatistics statistics = new ProjectStatistics(partitions != null, false);
        statistics.learn(new DataBlock(List.of("x", "city$Oslo"), C_B, values, values.length / 2, partitions));
        return statistics;
    }
}
