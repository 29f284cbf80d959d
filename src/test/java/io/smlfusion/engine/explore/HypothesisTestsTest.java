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

/**
 * {@code ztest*}, {@code ttest*}, {@code ftest*} against scipy 1.17.1 (reference.py: norm.sf,
 * ttest_ind with equal_var True/False, ttest_1samp, f.cdf/f.sf, chi2.cdf/chi2.sf on the raw rows).
 * Statistics agree to 1e-9 relative, p-values to 1e-7 (tiny p-values to 1e-6).
 */
class HypothesisTestsTest {

    private static final ProjectStatistics IRIS = ExploreTestData.iris(false);
    private static final double STAT = 1e-9;

    @Test
    void zTestOfTwoContinuousAttributes() {
        Map<String, Double> z = explore(IRIS, "ztest", inputs("0", "1"));
        assertValues(withoutP(z, "zp"), STAT, "zn1", 150, "zn2", 150, "zm1", 5.843333333333334,
                "zm2", 3.0540000000000003, "zs1", 0.828066127977863, "zs2", 0.43359431136217363, "z", 36.548157693982006);
        ExploreTestData.assertClose(1.9074406555586578e-292, z.get("zp"), 1e-6, "zp");
    }

    @Test
    void zTestConditionedOnTwoBinaries() {
        assertValues(explore(IRIS, "ztest", inputs("0", "13", "14")), 1e-7, "zn1", 50, "zn2", 50,
                "zm1", 5.935999999999998, "zm2", 6.588000000000001, "zs1", 0.5161711470638634,
                "zs2", 0.6358795932744322, "z", -5.629165259719839, "zp", 1.810838359059598e-08);
    }

    @Test
    void zTestOfProportionsAndKnownMean() {
        assertValues(explore(IRIS, "ztestp", inputs("4", "6")), 1e-9, "z", 3.0089153242607924,
                "zp", 0.002621821769090591);
        assertValues(explore(IRIS, "ztestmu", context(List.of("0"), List.of(), Map.of(ZTest.KNOWN_MU, "5.8"))), 1e-9,
                "z", 0.6409183514112012, "zp", 0.5215757321117633);
    }

    @Test
    void studentAndWelchTTests() {
        Map<String, Double> t = explore(IRIS, "ttest", inputs("0", "1"));
        assertValues(withoutP(withoutP(t, "tp"), "tpu"), STAT, "tn1", 150, "tn2", 150, "tm1", 5.843333333333334,
                "tm2", 3.0540000000000003, "ts1", 0.828066127977863, "ts2", 0.43359431136217363,
                "t", 36.548157693982006, "tdf", 298, "tu", 36.548157693982006, "tdfu", 224.99310026662778);
        ExploreTestData.assertClose(3.987838114848202e-112, t.get("tp"), 1e-6, "tp");
        ExploreTestData.assertClose(1.3503535965077484e-96, t.get("tpu"), 1e-6, "tpu");

        assertValues(explore(IRIS, "ttest", inputs("0", "13", "14")), 1e-7, "tn1", 50, "tn2", 50,
                "tm1", 5.935999999999998, "tm2", 6.588000000000001, "ts1", 0.5161711470638634,
                "ts2", 0.6358795932744322, "t", -5.629165259719839, "tdf", 98, "tp", 1.7248563024545028e-07,
                "tu", -5.629165259719839, "tdfu", 94.02548633776483, "tpu", 1.8661443873768145e-07);
    }

    @Test
    void tTestAgainstKnownMean() {
        assertValues(explore(IRIS, "ttestmu", context(List.of("0"), List.of(), Map.of(TTest.KNOWN_MU, "5.8"))), 1e-9,
                "t", 0.6409183514112012, "tp", 0.5225602746220779);
    }

    @Test
    void varianceRatioTests() {
        Map<String, Double> f = explore(IRIS, "ftest", inputs("0", "1"));
        assertValues(withoutP(f, "fp"), STAT, "fn1", 150, "fn2", 150, "fm1", 5.843333333333334,
                "fm2", 3.0540000000000003, "fs1", 0.828066127977863, "fs2", 0.43359431136217363, "fdf1", 149,
                "fdf2", 149, "f", 3.6472277951112484);
        ExploreTestData.assertClose(2.29629990006989e-14, f.get("fp"), 1e-6, "fp");
        assertValues(explore(IRIS, "ftest", inputs("0", "13", "14")), 1e-7, "fn1", 50, "fn2", 50,
                "fm1", 5.935999999999998, "fm2", 6.588000000000001, "fs1", 0.5161711470638634,
                "fs2", 0.6358795932744322, "fdf1", 49, "fdf2", 49, "f", 0.6589275619801338, "fp", 0.1477909778800771);
        MLContext sigma = context(List.of("0"), List.of(), Map.of(FTest.KNOWN_SIGMA, "0.8"));
        assertValues(explore(IRIS, "ftestmu", sigma), 1e-9, "f", 1.0713961129753915, "fp", 0.521803988561013);
        assertEquals(explore(IRIS, "ftestmu", sigma), explore(IRIS, "ftestsima", sigma));
    }

    @Test
    void wrongAttributeTypesSayWhatTheMetricExpects() {
        ExploreException proportions = assertThrows(ExploreException.class,
                () -> explore(IRIS, "ztestp", inputs("0", "4")));
        assertEquals("values[0]: ztestp expects inputAttributes [binary, binary] (two proportions); got inputAttributes"
                + " ['sepal_length' (0, C), 'sepal_lengt_b1' (4, B)]", proportions.getMessage());
        ExploreException layout = assertThrows(ExploreException.class, () -> explore(IRIS, "ttest", inputs("0", "4")));
        assertEquals("values[0]: ttest expects inputAttributes [continuous, continuous] or [continuous, binary, binary];"
                + " got inputAttributes ['sepal_length' (0, C), 'sepal_lengt_b1' (4, B)]", layout.getMessage());
    }

    @Test
    void missingOrMalformedKnownParameter() {
        ExploreException missing = assertThrows(ExploreException.class, () -> explore(IRIS, "ztestmu", inputs("0")));
        assertEquals("values[0]: ztestmu needs extraParameters.sml_explore_ztest_known_mu (the known mean μ₀)",
                missing.getMessage());
        ExploreException malformed = assertThrows(ExploreException.class, () -> explore(IRIS, "ttestmu",
                context(List.of("0"), List.of(), Map.of(TTest.KNOWN_MU, "five"))));
        assertEquals("values[0]: extraParameters.sml_explore_ttest_known_mu = 'five' is not a finite number",
                malformed.getMessage());
        ExploreException sigma = assertThrows(ExploreException.class, () -> explore(IRIS, "ftestmu",
                context(List.of("0"), List.of(), Map.of(FTest.KNOWN_SIGMA, "0"))));
        assertEquals("values[0]: extraParameters.sml_explore_ftest_known_sigma must be a standard deviation > 0, not 0.0",
                sigma.getMessage());
    }

    private static Map<String, Double> withoutP(Map<String, Double> result, String key) {
        Map<String, Double> copy = new java.util.LinkedHashMap<>(result);
        copy.remove(key);
        return copy;
    }
}
