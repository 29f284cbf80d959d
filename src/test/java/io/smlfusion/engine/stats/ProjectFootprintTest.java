package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's size is O(p²) and does not grow with rows: the snapshot of a plain project is exactly
 * {@code 12 + Σ(4 + |name| + 1) + 8 + 8·(3p + 3·p(p+1)/2)} bytes (SNAPSHOT-FORMAT.md), whether it
 * learned a thousand rows or a hundred thousand.
 */
class ProjectFootprintTest {

    @ParameterizedTest
    @ValueSource(ints = {8, 64, 256})
    void snapshotSizeDependsOnAttributesOnly(int p) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        List<AttributeType> types = Collections.nCopies(p, AttributeType.CONTINUOUS);
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        SplittableRandom random = new SplittableRandom(p);

        statistics.learn(block(names, types, 1_000, random));
        int afterThousand = StatisticsCodec.encode(statistics).length;
        for (int k = 0; k < 9; k++) {
            statistics.learn(block(names, types, 11_000, random));
        }
        assertEquals(100_000, statistics.total().count());
        assertEquals(afterThousand, StatisticsCodec.encode(statistics).length);

        long schemaBytes = names.stream().mapToLong(n -> 4 + n.length() + 1).sum();
        long packed = (long) p * (p + 1) / 2;
        assertEquals(4 + 2 + 2 + 4 + schemaBytes + 8 + 8 * (3L * p + 3 * packed), afterThousand);
    }

    private static DataBlock block(List<String> names, List<AttributeType> types, int rows, SplittableRandom random) {
        double[] values = new double[rows * names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return new DataBlock(names, types, values, rows);
    }
}
