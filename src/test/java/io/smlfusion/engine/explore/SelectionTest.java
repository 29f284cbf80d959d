package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.explore;
import static io.smlfusion.engine.explore.ExploreTestData.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;

/** How an MLContext names its attributes (spec §4.3), and the messages when it cannot be resolved. */
class SelectionTest {

    private static final ProjectStatistics IRIS = ExploreTestData.iris(false);

    @Test
    void indexesAndNamesAnswerAlike() {
        Map<String, Double> byIndex = explore(IRIS, "bi", inputs("0", "3"));
        Map<String, Double> byName = explore(IRIS, "bi",
                new MLContext(List.of(), List.of(), List.of("sepal_length", "petal_width"), List.of(), Map.of()));
        Map<String, Double> namesInIndexList = explore(IRIS, "bi", inputs("sepal_length", "petal_width"));
        Map<String, Double> targetByName = explore(IRIS, "bi",
                new MLContext(List.of(), List.of("0"), List.of(), List.of("petal_width"), Map.of()));
        assertEquals(byIndex, byName);
        assertEquals(byIndex, namesInIndexList);
        assertEquals(byIndex, targetByName);
    }

    @Test
    void mixingIndexesAndNamesIsRefused() {
        assertEquals("values[0]: inputAttributes [0, petal_width] mixes attribute indexes and names; use one or the other",
                message("bi", inputs("0", "petal_width")));
        assertEquals("values[0]: give attributes either in inputAttributes or in inputAttributeNames, not in both",
                message("bi", new MLContext(List.of(), List.of("0"), List.of("petal_width"), List.of(), Map.of())));
    }

    @Test
    void outOfRangeAndUnknownNames() {
        assertEquals("values[0]: inputAttributes: attribute index 15 is out of range; the project has 15 attributes"
                + " (indexes 0 to 14)", message("uni", inputs("15")));
        assertEquals("values[0]: inputAttributes: attribute index -1 is out of range; the project has 15 attributes"
                + " (indexes 0 to 14)", message("uni", inputs("-1")));
        assertEquals("values[0]: targetAttributeNames: the project has no attribute named 'petal'",
                message("uni", new MLContext(List.of(), List.of(), List.of(), List.of("petal"), Map.of())));
    }

    @Test
    void unknownMetricListsTheSupportedOnes() {
        ExploreException e = assertThrows(ExploreException.class,
                () -> Exploration.explore(IRIS, "median", List.of(inputs("0"))));
        assertEquals("Unknown metric 'median'; supported metrics: uni, bi, ztest, ztestp, ztestmu, ttest, ttestmu,"
                + " ftest, ftestmu, ftestsima, anova, chi2, gain", e.getMessage());
    }

    @Test
    void theFailingMLContextIsNamed() {
        ExploreException e = assertThrows(ExploreException.class,
                () -> Exploration.explore(IRIS, "uni", List.of(inputs("0"), inputs("99"))));
        assertEquals("values[1]: inputAttributes: attribute index 99 is out of range; the project has 15 attributes"
                + " (indexes 0 to 14)", e.getMessage());
        assertEquals("The ExploreContext holds no MLContext: send {\"values\":[MLContext, ...]}",
                assertThrows(ExploreException.class, () -> Exploration.explore(IRIS, "uni", List.of())).getMessage());
    }

    private static String message(String metric, MLContext context) {
        return assertThrows(ExploreException.class, () -> explore(IRIS, metric, context)).getMessage();
    }
}
