package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.assertClose;
import static io.smlfusion.engine.explore.ExploreTestData.assertValues;
import static io.smlfusion.engine.explore.ExploreTestData.explore;
import static io.smlfusion.engine.explore.ExploreTestData.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/** {@code uni} against numpy/scipy (reference.py) and the reference figures of examples/data/README.md. */
class UnivariateTest {

    @Test
    void sepalLengthMatchesExpectedAndScipy() {
        // EXPECTED.md (count … stderr) and reference.py (meanMarginErrorC95 = scipy t.ppf(0.975, 149)·stderr)
        assertValues(explore(ExploreTestData.iris(false), "uni", inputs("0")), 1e-9,
                "count", 150, "mean", 5.84333333333333, "variance", 0.681122222222222, "stddev", 0.825301291785141,
                "skewness", 0.318086514434141, "kurtosis", -0.55206404131564, "stderr", 0.0673855682977803,
                "meanMarginErrorC95", 0.13315477094248895);
    }

    @Test
    void binaryAttribute() {
        // reference.py "uni 4"
        assertValues(explore(ExploreTestData.iris(false), "uni", inputs("4")), 1e-9,
                "count", 150, "mean", 0.5533333333333333, "variance", 0.2471555555555555, "stddev", 0.4971474183333908,
                "skewness", -0.21891628492307943, "kurtosis", -1.979603838210974, "stderr", 0.04059191672862595,
                "meanMarginErrorC95", 0.08021016236342723);
    }

    @Test
    void histogramsAddMinMaxAndApproximateMedian() {
        Map<String, Double> uni = explore(ExploreTestData.iris(true), "uni", inputs("0"));
        assertEquals(4.3, uni.get("min"));
        assertEquals(7.9, uni.get("max"));
        assertClose(5.8, uni.get("median"), 0.01, "median (DDSketch, 1 % relative)");
        assertEquals(List.of("count", "mean", "variance", "stddev", "skewness", "kurtosis", "stderr",
                "meanMarginErrorC95", "min", "max", "median"), List.copyOf(uni.keySet()));
    }

    @Test
    void firstAttributeOfTargetsWhenNoInputs() {
        MLContext targetOnly = new MLContext(List.of("4"), List.of(), List.of(), List.of(), Map.of());
        assertEquals(0.5533333333333333, explore(ExploreTestData.iris(false), "uni", targetOnly).get("mean"), 1e-15);
    }

    @Test
    void tooFewRowsGiveNonFiniteValuesNotErrors() {
        ProjectStatistics two = new ProjectStatistics(false, false);
        two.learn(new DataBlock(List.of("x"), List.of(AttributeType.CONTINUOUS), new double[] {1, 3}, 2));
        Map<String, Double> uni = explore(two, "uni", inputs("0"));
        assertEquals(2, uni.get("mean"));
        assertTrue(Double.isNaN(uni.get("kurtosis")) || Double.isInfinite(uni.get("kurtosis")));
        assertTrue(!Double.isFinite(uni.get("skewness")));
    }

    @Test
    void noAttributeIsRefused() {
        ExploreException e = assertThrows(ExploreException.class,
                () -> explore(ExploreTestData.iris(false), "uni", inputs()));
        assertEquals("values[0]: uni expects 1 attribute (the first of inputAttributes, or of targets); got"
                + " inputAttributes []", e.getMessage());
    }
}
