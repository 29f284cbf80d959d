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

/** {@code bi} against the reference figures of examples/data/README.md and numpy (reference.py). */
class BivariateTest {

    @Test
    void sepalLengthAndPetalWidthMatchExpected() {
        // EXPECTED.md; biCi95 bounds from reference.py (condMean ∓ scipy t.ppf(0.975, 178.8)·condStddev/√condCount)
        assertValues(explore(ExploreTestData.iris(false), "bi", inputs("0", "3")), 1e-9,
                "covar", 0.513457777777778, "linCorr", 0.817953633369164, "condMean", 6.27169076751947,
                "condCount", 179.8, "condVariance", 30.9294038153875, "condSum", 1127.65,
                "condStddev", 5.56142102482697, "biCi95Down", 5.453247559867102, "biCi95Up", 7.09013397517183);
    }

    @Test
    void binaryConditionSelectsRows() {
        // reference.py "bi 0,12": sepal_length where Iris_setosa = 1
        assertValues(explore(ExploreTestData.iris(false), "bi", inputs("0", "12")), 1e-9,
                "covar", -0.27911111111111114, "linCorr", -0.7174156686860963, "condMean", 5.006,
                "condCount", 50, "condVariance", 0.12176399999999887, "condSum", 250.3,
                "condStddev", 0.3489469873777375, "biCi95Down", 4.906830363452539, "biCi95Up", 5.105169636547461);
    }

    @Test
    void switchesTurnTheConditionalFamilyOff() {
        Map<String, Double> plain = explore(ExploreTestData.iris(false), "bi",
                context(List.of("0", "3"), List.of(), Map.of("need_bi_conditional", "false")));
        assertEquals(List.of("covar", "linCorr"), List.copyOf(plain.keySet()));
        Map<String, Double> noCi = explore(ExploreTestData.iris(false), "bi",
                context(List.of("0"), List.of("3"), Map.of("need_bi_conditional_ci95", "FALSE")));
        assertEquals(List.of("covar", "linCorr", "condMean", "condCount", "condVariance", "condSum", "condStddev"),
                List.copyOf(noCi.keySet()));
    }

    @Test
    void conditionalMinMaxMedianIsRefusedWithTheReason() {
        ExploreException e = assertThrows(ExploreException.class, () -> explore(ExploreTestData.iris(true), "bi",
                context(List.of("0", "3"), List.of(), Map.of("need_bi_conditional_mmm", "true"))));
        assertEquals("values[0]: bi: need_bi_conditional_mmm (conditional min, max and median) is not supported: it"
                + " needs a quantile sketch per pair of attributes, which this server does not keep", e.getMessage());
    }

    @Test
    void badSwitchValueIsRefused() {
        ExploreException e = assertThrows(ExploreException.class, () -> explore(ExploreTestData.iris(false), "bi",
                context(List.of("0", "3"), List.of(), Map.of("need_bi_conditional", "yes"))));
        assertEquals("values[0]: extraParameters.need_bi_conditional = 'yes' is not true or false", e.getMessage());
    }
}
