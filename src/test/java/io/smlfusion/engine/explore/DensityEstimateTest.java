package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.assertClose;
import static io.smlfusion.engine.explore.ExploreTestData.context;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/** {@code densityEstimate} and {@code conditionalDensityEstimate} (spec §7.4, §4.9). */
class DensityEstimateTest {

    @Test
    void valuesAwayFromBinEdgesAreBinnedExactly() {
        ProjectStatistics statistics = new ProjectStatistics(false, true);
        double[] values = {1, 1.5, 1.5, 2.5, 3.5, 3.5, 3.5, 4};
        statistics.learn(new DataBlock(List.of("x"), List.of(AttributeType.CONTINUOUS), values, values.length));
        Density density = DensityEstimate.of(statistics, context(List.of("x"), List.of(), Map.of("hist_bins", "3")));
        assertEquals("x", density.attrName());
        assertEquals(1, density.min());
        assertEquals(4, density.max());
        assertEquals(1, density.width());
        // bins [1,2) [2,3) [3,4]: 3, 1 and 4 of 8 rows; the extreme buckets are clipped to the exact min and max
        assertClose(new double[] {3 / 8.0, 1 / 8.0, 4 / 8.0}, density.histogram(), 1e-12, "shares");
        assertEquals("", density.error());
    }

    @Test
    void irisSepalLengthWithinTheSketchAccuracy() {
        Density density = DensityEstimate.of(ExploreTestData.iris(true),
                context(List.of("0"), List.of(), Map.of("hist_bins", "10")));
        // numpy.histogram of the raw values (reference.py); the sketch's buckets (±1 %) straddle some edges
        double[] numpy = {0.06, 0.15333333333333332, 0.09333333333333334, 0.18, 0.10666666666666667,
                0.17333333333333334, 0.12, 0.04, 0.03333333333333333, 0.04};
        for (int k = 0; k < numpy.length; k++) {
            assertEquals(numpy[k], density.histogram()[k], 0.07, "bin " + k + " of " + Arrays.toString(density.histogram()));
        }
        assertEquals(1, Arrays.stream(density.histogram()).sum(), 1e-12);
        assertEquals(0.36, density.width(), 1e-12);
    }

    @Test
    void explicitRangeLeavesOutsideRowsOut() {
        Density density = DensityEstimate.of(ExploreTestData.iris(true),
                context(List.of("0"), List.of(), Map.of("hist_bins", "2", "hist_min", "8", "hist_max", "10")));
        assertArrayEquals(new double[] {0, 0}, density.histogram());
        assertEquals(8, density.min());
        assertEquals(1, density.width());
    }

    @Test
    void conditionalDensityIsTheNormalWithTheExactConditionalMoments() {
        Density density = DensityEstimate.conditional(ExploreTestData.iris(true),
                context(List.of("12"), List.of("2"), Map.of("hist_bins", "6")));
        assertEquals("petal_length|Iris_setosa", density.attrName());
        // scipy norm.cdf differences with the mean and population sd of petal_length where Iris_setosa = 1
        assertClose(new double[] {0.995297387449195, 0.0012494665711906272, 0, 0, 0, 0}, density.histogram(), 1e-9,
                "shares");
        Density byInputs = DensityEstimate.conditional(ExploreTestData.iris(true),
                context(List.of("2", "12"), List.of(), Map.of("hist_bins", "6")));
        assertArrayEquals(density.histogram(), byInputs.histogram());
    }

    @Test
    void refusals() {
        ExploreException noHistograms = assertThrows(ExploreException.class, () -> DensityEstimate.of(
                ExploreTestData.iris(false), context(List.of("0"), List.of(), Map.of("hist_bins", "4"))));
        assertEquals("densityEstimate needs a project with histograms: create it with enableHistogram=true",
                noHistograms.getMessage());
        ExploreException noBins = assertThrows(ExploreException.class, () -> DensityEstimate.of(
                ExploreTestData.iris(true), context(List.of("0"), List.of(), Map.of())));
        assertEquals("densityEstimate needs extraParameters.hist_bins (the number of bins)", noBins.getMessage());
        ExploreException zeroBins = assertThrows(ExploreException.class, () -> DensityEstimate.of(
                ExploreTestData.iris(true), context(List.of("0"), List.of(), Map.of("hist_bins", "0"))));
        assertEquals("extraParameters.hist_bins = '0' is not a whole number of at least 1 (the number of bins)",
                zeroBins.getMessage());
        ExploreException continuousCondition = assertThrows(ExploreException.class, () -> DensityEstimate.conditional(
                ExploreTestData.iris(true), context(List.of("0", "2"), List.of(), Map.of("hist_bins", "4"))));
        assertEquals("conditionalDensityEstimate expects a target (targets[0], or inputAttributes[0]) and a binary"
                + " conditional attribute (inputAttributes[0], or inputAttributes[1]) with extraParameters.hist_bins;"
                + " got inputAttributes ['sepal_length' (0, C), 'petal_length' (2, C)]", continuousCondition.getMessage());
    }
}
