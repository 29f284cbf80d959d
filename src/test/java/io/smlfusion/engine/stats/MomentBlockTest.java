package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.MomentsAssert.assertSameMoments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The update, merge and alignment rules of {@link MomentBlock} on a block small enough to check
 * by hand. Accuracy on real and adversarial data is {@link MomentBlockAccuracyTest}'s concern.
 */
class MomentBlockTest {

    /**
     * x = 1, 2, 3, 4 and y = 2, 0, 1, 5. By hand: x̄ = 2.5, ȳ = 2, deviations of x ±0.5, ±1.5 and
     * of y 0, −2, −1, 3, so M2 = 5 and 14, M3 = 0 and 18, M4 = 10.25 and 98, the co-moment is
     * 0 + 1 − 0.5 + 4.5 = 5; Σx⁴ = 354, Σy⁴ = 642, Σx²y² = 4 + 0 + 9 + 400 = 413. All of these
     * are exact in binary floating point.
     */
    private static final double[] ROWS = {1, 2, 2, 0, 3, 1, 4, 5};
    private static final double EXACT = 0;
    private static final double CLOSE = 1e-14;

    @Test
    void learnsTheHandComputedMoments() {
        MomentBlock block = learned(2, ROWS);

        assertEquals(4, block.count());
        assertEquals(2, block.dimension());
        assertEquals(2.5, block.mean(0), EXACT);
        assertEquals(2, block.mean(1), EXACT);
        assertEquals(5, block.m2(0), EXACT);
        assertEquals(14, block.m2(1), EXACT);
        assertEquals(0, block.m3(0), EXACT);
        assertEquals(18, block.m3(1), EXACT);
        assertEquals(10.25, block.m4(0), EXACT);
        assertEquals(98, block.m4(1), EXACT);
        assertEquals(5, block.comoment(0, 1), EXACT);
        assertEquals(5, block.comoment(1, 0), EXACT);
        assertEquals(block.m2(1), block.comoment(1, 1), EXACT);
        assertEquals(354, block.sumOfSquaredProducts(0, 0), EXACT);
        assertEquals(642, block.sumOfSquaredProducts(1, 1), EXACT);
        assertEquals(413, block.sumOfSquaredProducts(1, 0), EXACT);
    }

    @Test
    void learningRowByRowEqualsLearningTheBlock() {
        MomentBlock byRow = new MomentBlock(2);
        for (int r = 0; r < 4; r++) {
            byRow.learn(new double[] {ROWS[2 * r], ROWS[2 * r + 1]}, 1);
        }
        assertSameMoments(learned(2, ROWS), byRow, CLOSE);
    }

    @Test
    void mergeEqualsLearningBothBlocksAndSubtractUndoesIt() {
        MomentBlock first = learned(2, 1, 2, 2, 0, 3, 1);
        MomentBlock last = learned(2, 4, 5);

        first.merge(last);
        assertSameMoments(learned(2, ROWS), first, CLOSE);
        first.subtract(last);
        assertSameMoments(learned(2, 1, 2, 2, 0, 3, 1), first, CLOSE);
    }

    @Test
    void mergingABlockWithItselfDoublesItsRows() {
        MomentBlock twice = learned(2, ROWS);
        twice.merge(twice);

        double[] doubled = new double[16];
        System.arraycopy(ROWS, 0, doubled, 0, 8);
        System.arraycopy(ROWS, 0, doubled, 8, 8);
        assertSameMoments(learned(2, doubled), twice, CLOSE);
    }

    @Test
    void forgettingEveryRowLeavesAnExactlyEmptyBlock() {
        MomentBlock block = learned(2, ROWS);
        block.learn(new double[] {0.1, 1e7, -3.3, 1e7 + 0.1}, 2);

        block.forget(ROWS, 4);
        block.forget(new double[] {0.1, 1e7, -3.3, 1e7 + 0.1}, 2);

        assertEquals(0, block.count());
        for (int i = 0; i < 2; i++) {
            assertEquals(0.0, block.mean(i));
            assertEquals(0.0, block.m3(i));
            assertEquals(0.0, block.m4(i));
            for (int j = 0; j < 2; j++) {
                assertEquals(0.0, block.comoment(i, j));
                assertEquals(0.0, block.sumOfSquaredProducts(i, j));
            }
        }
    }

    @Test
    void forgettingMoreRowsThanLearnedIsRejectedAndChangesNothing() {
        MomentBlock block = learned(2, 1, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> block.forget(ROWS, 4));
        assertTrue(error.getMessage().contains("only 1"), error.getMessage());
        assertSameMoments(learned(2, 1, 2), block, EXACT);
    }

    @Test
    void learnReadsOnlyTheRowsItIsGivenFromALongerBuffer() {
        MomentBlock fromBuffer = new MomentBlock(2);
        fromBuffer.learn(new double[] {1, 2, 2, 0, 3, 1, 4, 5, 99, 99}, 4);
        assertSameMoments(learned(2, ROWS), fromBuffer, EXACT);
        assertThrows(IllegalArgumentException.class, () -> new MomentBlock(2).learn(ROWS, 5));
    }

    @Test
    void alignedMovesEveryStatisticAndZeroFillsNewAttributes() {
        MomentBlock block = learned(2, ROWS);

        // x goes to index 2, y to index 0; index 1 is an attribute the rows did not have.
        MomentBlock aligned = block.aligned(new int[] {2, 0}, 3);

        double[] widenedRows = {2, 0, 1, 0, 0, 2, 1, 0, 3, 5, 0, 4};
        assertSameMoments(learned(3, widenedRows), aligned, CLOSE);
        assertEquals(block.comoment(0, 1), aligned.comoment(0, 2), EXACT);
        assertEquals(block.sumOfSquaredProducts(0, 1), aligned.sumOfSquaredProducts(2, 0), EXACT);
    }

    @Test
    void widenedToAppendsZeroAttributes() {
        MomentBlock widened = learned(2, ROWS).widenedTo(3);

        double[] widenedRows = {1, 2, 0, 2, 0, 0, 3, 1, 0, 4, 5, 0};
        assertSameMoments(learned(3, widenedRows), widened, CLOSE);
    }

    @Test
    void mappingsThatAreNotOneToOneAndMismatchedDimensionsAreRejected() {
        MomentBlock block = learned(2, ROWS);

        assertThrows(IllegalArgumentException.class, () -> block.aligned(new int[] {1, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> block.aligned(new int[] {0, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> block.widenedTo(1));
        assertThrows(IllegalArgumentException.class, () -> block.merge(new MomentBlock(3)));
        assertThrows(IllegalArgumentException.class, () -> block.subtract(new MomentBlock(1)));
    }

    @Test
    void copyIsIndependent() {
        MomentBlock block = learned(2, ROWS);
        MomentBlock copy = block.copy();

        copy.learn(new double[] {100, 100}, 1);

        assertSameMoments(learned(2, ROWS), block, EXACT);
        assertEquals(5, copy.count());
    }

    private static MomentBlock learned(int width, double... rows) {
        MomentBlock block = new MomentBlock(width);
        block.learn(rows, rows.length / width);
        return block;
    }
}
