package io.smlfusion.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BoundedLabelsTest {

    @Test
    void theFirstKeysKeepTheirValuesAndLaterOnesShareOther() {
        BoundedLabels labels = new BoundedLabels(2);
        assertEquals("a", labels.of("a"));
        assertEquals("b", labels.of("b"));
        assertEquals(BoundedLabels.OTHER, labels.of("c"));
        assertEquals("a", labels.of("a"), "a key seen before the limit keeps its value");
        assertEquals(2, labels.size());
    }

    @Test
    void aCallerInventingNamesGrowsNoMoreThanTheLimit() {
        BoundedLabels labels = new BoundedLabels(100);
        Set<String> values = new HashSet<>();
        IntStream.range(0, 10_000).parallel().mapToObj(i -> labels.of("project-" + i)).forEach(value -> {
            synchronized (values) {
                values.add(value);
            }
        });
        assertEquals(101, values.size(), "100 own values and " + BoundedLabels.OTHER);
        assertEquals(100, labels.size());
    }

    @Test
    void aLimitOfZeroNamesNothing() {
        assertEquals(BoundedLabels.OTHER, new BoundedLabels(0).of("a"));
    }

    @Test
    void valuesAreShortAndHaveNoControlCharacters() {
        BoundedLabels labels = new BoundedLabels(5);
        assertEquals("x".repeat(BoundedLabels.MAX_VALUE_CHARS), labels.of("x".repeat(1000)));
        assertEquals("a?b?c", labels.of("a\nb\"c".replace('"', '\u0007')));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedLabels(-1));
    }
}
