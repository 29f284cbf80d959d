package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.AttributeType.BINARY;
import static io.smlfusion.engine.stats.AttributeType.CONTINUOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataBlockTest {

    private static final List<String> NAMES = List.of("x", "flag");
    private static final List<AttributeType> TYPES = List.of(CONTINUOUS, BINARY);

    @Test
    void holdsItsValuesAndACopyOfItsPartitionValues() {
        double[] values = {1.5, 0, 2.5, 1};
        String[] partitions = {"p", "q"};
        DataBlock block = new DataBlock(NAMES, TYPES, values, 2, partitions);
        partitions[0] = "changed";

        assertEquals(1.5, block.value(0, 0));
        assertEquals(1, block.value(1, 1));
        assertEquals("p", block.partitionValue(0));
        assertEquals(2, block.width());
        assertEquals(2, block.rowCount());
        assertTrue(block.partitioned());
        assertFalse(new DataBlock(NAMES, TYPES, values, 2).partitioned());
    }

    @Test
    void aValueThatIsNotFiniteIsRejectedNamingRowAndColumn() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(NAMES, TYPES, new double[] {1, 0, 2, Double.NaN}, 2));

        assertEquals("row 1, column 'flag': NaN is not a finite number within ±1.0E50", error.getMessage());
    }

    @Test
    void inconsistentShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(NAMES, TYPES, new double[] {1, 0, 2}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(NAMES, List.of(CONTINUOUS), new double[] {1, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new DataBlock(List.of("x", "x"),
                TYPES, new double[] {1, 0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(NAMES, TYPES, new double[] {1, 0}, 1, new String[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new DataBlock(NAMES, TYPES, new double[] {1, 0}, 1, new String[1]));
    }
}
