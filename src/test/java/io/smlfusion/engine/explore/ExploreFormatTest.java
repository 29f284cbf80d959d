package io.smlfusion.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Spec §7.5: format, then read back as a double; non-finite values become null and are named. */
class ExploreFormatTest {

    @Test
    void theProductsPrintedSamples() {
        ExploreFormat format = ExploreFormat.pattern(ExploreFormat.DEFAULT_PATTERN);
        // spec §7.5: the product answers 0.5135000000000001 and 0.8180000000000001 — String.format then
        // Double.parseDouble gives the nearest double, whose shortest text is 0.5135 (the same value)
        assertEquals(0.5135, format.apply(0.513457777777778));
        assertEquals(0.818, format.apply(0.817953633369164));
        assertEquals(179.8, format.apply(179.8));
        assertEquals(-0.5521, format.apply(-0.55206404131564));
        assertEquals("0.3181", format.text(0.318086514434141));
        assertEquals(0.318086514434141, ExploreFormat.RAW.apply(0.318086514434141));
    }

    @Test
    void formatIsLocaleIndependent() {
        java.util.Locale previous = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            assertEquals(1234.5679, ExploreFormat.pattern("%.4f").apply(1234.56789));
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void nonFiniteValuesAreNullAndNamed() {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("mean", 2.0);
        first.put("kurtosis", Double.NaN);
        Map<String, Double> second = Map.of("stderr", Double.POSITIVE_INFINITY);
        ExploreFormat.KsvdValues values = ExploreFormat.pattern("%.4f").ksvd(List.of(first, second));
        assertEquals(2.0, values.values().get(0).get("mean"));
        assertEquals(null, values.values().get(0).get("kurtosis"));
        assertEquals(true, values.values().get(0).containsKey("kurtosis"));
        assertEquals(Optional.of("not a finite number, answered as null: values[0].kurtosis (NaN),"
                + " values[1].stderr (Infinity)"), values.warning());
        assertEquals(Optional.empty(), ExploreFormat.RAW.ksvd(List.of(Map.of("a", 1.0))).warning());
    }

    @Test
    void aPatternThatDoesNotWriteANumberIsRefused() {
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> ExploreFormat.pattern("%,.2f"));
        assertEquals(true, notNumber.getMessage().startsWith("'%,.2f' is not a format that writes a double as a number"));
        assertThrows(IllegalArgumentException.class, () -> ExploreFormat.pattern("%d"));
        assertEquals("[1.23, NaN]", Arrays.toString(ExploreFormat.pattern("%.2f").apply(new double[] {1.234, Double.NaN})));
    }
}
