package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.assertValues;
import static io.smlfusion.engine.explore.ExploreTestData.context;
import static io.smlfusion.engine.explore.ExploreTestData.explore;
import static io.smlfusion.engine.explore.ExploreTestData.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;

/** {@code anova} in both layouts against scipy.stats.f_oneway and numpy sums of squares (reference.py). */
class AnovaTest {

    private static final ProjectStatistics IRIS = ExploreTestData.iris(false);

    @Test
    void severalContinuousColumns() {
        assertValues(explore(IRIS, "anova", inputs("0", "1", "2", "3")), 1e-9, "SSb", 1657.1835333333338,
                "SSw", 680.8244, "Dfb", 3, "Dfw", 596, "MSb", 552.3945111111112, "MSw", 1.1423228187919463,
                "F", 483.5712830242607, "Ssgamma", 2338.0079333333333, "Dfgamma", 599, "P", 3.499698708192415e-159);
    }

    @Test
    void oneContinuousAcrossOneHotGroups() {
        assertValues(explore(IRIS, "anova", context(List.of("0"), List.of("12", "13", "14"), Map.of())), 1e-9,
                "SSb", 63.21213333333344, "SSw", 38.95620000000001, "Dfb", 2, "Dfw", 147, "MSb", 31.60606666666672,
                "MSw", 0.2650081632653062, "F", 119.2645021845046, "Ssgamma", 102.16833333333335, "Dfgamma", 149,
                "P", 1.6696691907694542e-31);
    }

    @Test
    void oneBinaryTargetSplitsIntoItsTwoValues() {
        assertValues(explore(IRIS, "anova", context(List.of("0"), List.of("12"), Map.of())), 1e-9,
                "SSb", 52.584533333333354, "SSw", 49.583800000000004, "Dfb", 1, "Dfw", 148, "MSb", 52.584533333333354,
                "MSw", 0.3350256756756757, "F", 156.9567264577005, "Ssgamma", 102.16833333333335, "Dfgamma", 149,
                "P", 5.288768443184279e-25);
    }

    @Test
    void wrongLayoutSaysBoth() {
        ExploreException e = assertThrows(ExploreException.class,
                () -> explore(IRIS, "anova", context(List.of("0"), List.of("1"), Map.of())));
        assertEquals("values[0]: anova expects inputAttributes of >= 2 continuous attributes (one group each), or"
                + " inputAttributes [continuous] with targets of >= 1 binary group indicators; got inputAttributes"
                + " ['sepal_length' (0, C)] and targets ['sepal_width' (1, C)]", e.getMessage());
    }
}
