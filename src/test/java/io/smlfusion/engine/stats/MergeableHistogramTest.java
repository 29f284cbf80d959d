package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MergeableHistogramTest {

    private static final double ALPHA = MergeableHistogram.DEFAULT_RELATIVE_ACCURACY;
    private static final double[] QUANTILES = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    @Test
    void quantilesOfIntegersAreWithinTheRelativeAccuracy() {
        double[] values = new double[100_000];
        Arrays.setAll(values, k -> k + 1);
        assertQuantilesWithinAccuracy(values);
    }

    @Test
    void quantilesOfSignedSkewedDataWithZerosAreWithinTheRelativeAccuracy() {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[50_000];
        for (int k = 0; k < values.length; k++) {
            // Log-normal magnitudes over many decades, a random sign, and one value in ten 0.
            double magnitude = Math.exp(3 * random.nextGaussian());
            values[k] = k % 10 == 0 ? 0 : random.nextBoolean() ? magnitude : -magnitude;
        }
        assertQuantilesWithinAccuracy(values);
    }

    @Test
    void medianOfAKnownSampleIsWithinTheRelativeAccuracy() {
        MergeableHistogram histogram = histogramOf(3, 1, 4, 1, 5, 9, 2, 6, 5);
        assertEquals(4, histogram.median(), ALPHA * 4);
    }

    @Test
    void mergeEqualsAddingBothSetsOfValues() {
        double[] first = {-2.5, 0, 0, 1, 10, 1e6};
        double[] second = {-1e-3, 0, 3, 10, 2e6};
        MergeableHistogram merged = histogramOf(first);

        merged.merge(histogramOf(second));

        assertSameHistogram(histogramOf(-2.5, 0, 0, 1, 10, 1e6, -1e-3, 0, 3, 10, 2e6), merged);
    }

    @Test
    void subtractAndRemoveUndoAddExactlyButKeepMinAndMax() {
        MergeableHistogram histogram = histogramOf(-2.5, 0, 1, 10, 1e6);

        histogram.subtract(histogramOf(-2.5, 1e6));
        histogram.remove(0);

        assertEquals(histogramOf(1, 10).buckets(), histogram.buckets());
        assertEquals(2, histogram.count());
        assertEquals(-2.5, histogram.min());
        assertEquals(1e6, histogram.max());
    }

    @Test
    void removingValuesThatWereNeverAddedIsRejectedAndChangesNothing() {
        MergeableHistogram histogram = histogramOf(1, 10);

        assertThrows(IllegalArgumentException.class, () -> histogram.remove(100));
        assertThrows(IllegalArgumentException.class, () -> histogram.remove(1, 2));
        assertFalse(histogram.includes(histogramOf(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> histogram.subtract(histogramOf(1, 1)));
        assertSameHistogram(histogramOf(1, 10), histogram);
    }

    @Test
    void bucketsAreOrderedCoverTheirValuesAndCountEverything() {
        double[] values = {-7, -0.5, 0, 0, 0.001, 2, 2, 3e5};
        List<MergeableHistogram.Bucket> buckets = histogramOf(values).buckets();

        assertEquals(values.length, buckets.stream().mapToLong(b -> b.count()).sum());
        for (int k = 1; k < buckets.size(); k++) {
            assertTrue(buckets.get(k - 1).upper() <= buckets.get(k).lower(), buckets.toString());
        }
        for (double value : values) {
            assertTrue(buckets.stream().anyMatch(b -> b.lower() <= value && value <= b.upper()),
                    value + " in no bucket of " + buckets);
        }
        for (MergeableHistogram.Bucket bucket : buckets) {
            if (bucket.lower() > 0) {
                assertEquals((1 + ALPHA) / (1 - ALPHA), bucket.upper() / bucket.lower(), 1e-12);
            }
        }
    }

    @Test
    void anEmptyHistogramHasNoQuantilesNorExtremes() {
        MergeableHistogram empty = new MergeableHistogram();

        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.median()));
        assertTrue(Double.isNaN(empty.min()));
        assertTrue(Double.isNaN(empty.max()));
        assertEquals(List.of(), empty.buckets());
    }

    @Test
    void addColumnAddsOneColumnOfARowMajorBlock() {
        MergeableHistogram histogram = new MergeableHistogram();

        histogram.addColumn(new double[] {1, 50, 2, 60, 3, 70}, 3, 2, 1);

        assertSameHistogram(histogramOf(50, 60, 70), histogram);
    }

    @Test
    void invalidInputIsRejected() {
        MergeableHistogram histogram = new MergeableHistogram();

        assertThrows(IllegalArgumentException.class, () -> histogram.add(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> histogram.add(1, -1));
        assertThrows(IllegalArgumentException.class, () -> histogram.quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> new MergeableHistogram(0));
        assertThrows(IllegalArgumentException.class,
                () -> histogram.merge(new MergeableHistogram(0.05)));
    }

    private static void assertQuantilesWithinAccuracy(double[] values) {
        MergeableHistogram histogram = histogramOf(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double q : QUANTILES) {
            double expected = sorted[(int) Math.floor(q * (sorted.length - 1))];
            // The 1e-12 allows for log() landing a value on the wrong side of a bucket boundary.
            assertEquals(expected, histogram.quantile(q), (ALPHA + 1e-12) * Math.abs(expected),
                    "quantile " + q);
        }
        assertEquals(sorted[0], histogram.min());
        assertEquals(sorted[sorted.length - 1], histogram.max());
    }

    private static void assertSameHistogram(MergeableHistogram expected, MergeableHistogram actual) {
        assertEquals(expected.buckets(), actual.buckets());
        assertEquals(expected.count(), actual.count());
        assertEquals(expected.min(), actual.min());
        assertEquals(expected.max(), actual.max());
    }

    private static MergeableHistogram histogramOf(double... values) {
        MergeableHistogram histogram = new MergeableHistogram();
        for (double value : values) {
            histogram.add(value);
        }
        return histogram;
    }
}
