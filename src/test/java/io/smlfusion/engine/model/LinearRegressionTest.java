package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * {@code mlr} on the union of housing-fed3 against the reference figures of examples/data/README.md (statsmodels 0.13.5
 * OLS), to 1e-9 relative.
 */
class LinearRegressionTest {

    private static final double RELATIVE = 1e-9;

    /** name → coefficient, std.error, t (EXPECTED.md, "housing-fed3: mlr MEDV ~ all 13 …"). */
    private static final Map<String, double[]> EXPECTED = Map.ofEntries(
            Map.entry("(Intercept)", new double[] {42.3820746615651, 5.75465002235336, 7.36483965087993}),
            Map.entry("CRIM", new double[] {-0.0983875701795917, 0.0383239263806708, -2.56726226854498}),
            Map.entry("ZN", new double[] {0.0509751843293661, 0.0156778062629548, 3.2514232842522}),
            Map.entry("INDUS", new double[] {0.0350363630759755, 0.0703886393826143, 0.49775593594766}),
            Map.entry("CHAS", new double[] {2.66135812349348, 0.980793827244578, 2.71347356556092}),
            Map.entry("NOX", new double[] {-19.1212314066236, 4.23342248093832, -4.51673120098929}),
            Map.entry("RM", new double[] {3.23546504634662, 0.468692870401838, 6.90316676584533}),
            Map.entry("AGE", new double[] {0.00577957116318915, 0.0144531474818747, 0.399883220622854}),
            Map.entry("DIS", new double[] {-1.40614585483114, 0.219225296461395, -6.41415875598443}),
            Map.entry("RAD", new double[] {0.338792415005689, 0.0747577198461494, 4.53187196857957}),
            Map.entry("TAX", new double[] {-0.0124330934100947, 0.0042661093880897, -2.91438692238084}),
            Map.entry("PTRATIO", new double[] {-1.0720555633841, 0.148186842998087, -7.23448547586598}),
            Map.entry("B", new double[] {0.00859653317543373, 0.00301157434026233, 2.85449808112155}),
            Map.entry("LSTAT", new double[] {-0.548130923406783, 0.0571812730022312, -9.58584681011552}));

    /** p-values of EXPECTED.md, given there to 6 significant digits. */
    private static final Map<String, Double> EXPECTED_P = Map.of("(Intercept)", 1.05557e-12,
            "CRIM", 0.0106206, "INDUS", 0.618935, "LSTAT", 1.08437e-19, "TAX", 0.00376824);

    @Test
    void housingUnionMatchesStatsmodels() {
        LinearRegressionModel model = Housing.mlr(ModelOptions.none());
        ModelTable table = model.description().extra().get("coefficients");
        assertEquals(List.of("attribute", "coefficient", "std.error", "scores", "p.values",
                "ci.low", "ci.high", "mean_MEDV"), table.columns());
        assertEquals(14, table.labels().size());
        for (int r = 0; r < table.labels().size(); r++) {
            String name = table.labels().get(r);
            double[] expected = EXPECTED.get(name);
            assertRelative(expected[0], table.value(r, "coefficient"), name + " coefficient");
            assertRelative(expected[1], table.value(r, "std.error"), name + " std.error");
            assertRelative(expected[2], table.value(r, "scores"), name + " t");
            if (EXPECTED_P.containsKey(name)) {
                assertEquals(EXPECTED_P.get(name), table.value(r, "p.values"),
                        EXPECTED_P.get(name) * 1e-5, name + " p");
            }
        }
        Map<String, String> info = model.description().info();
        assertRelative(0.731074342003772, Double.parseDouble(info.get("r2")), "R2");
        assertRelative(4.74102271687554, Double.parseDouble(info.get("residual_se")), "residual SE");
        assertEquals("392.0", info.get("df"));
        assertEquals(List.of("res"), model.description().predictInfo());
        assertEquals(List.of("res"), model.description().scoreInfo());
    }

    @Test
    void housingTestRmseMatches() {
        assertRelative(4.85633032184047, Housing.testRmse(Housing.mlr(ModelOptions.none())),
                "RMSE on housing_test.csv");
    }

    @Test
    void confidenceIntervalIsCoefficientPlusMinusTQuantileTimesStdError() {
        ModelTable table = Housing.mlr(ModelOptions.none()).description().extra()
                .get("coefficients");
        // t(392; 0.975) = 1.9660 (statsmodels conf_int uses the same quantile)
        for (int r = 0; r < table.labels().size(); r++) {
            double half = table.value(r, "ci.high") - table.value(r, "coefficient");
            assertEquals(1.966, half / table.value(r, "std.error"), 5e-4);
        }
    }

    @Test
    void projectBuiltInAnotherCellOrderGivesTheSameModel() {
        ProjectStatistics reversed = ReferenceCsv.learn(Housing.TYPES, Housing.PART3, Housing.PART1,
                Housing.PART2);
        Model model = ModelBuilder.build(reversed, Housing.spec(ModelAlgorithm.MLR,
                ModelOptions.none()));
        double[] expected = Housing.mlr(ModelOptions.none()).coefficients();
        double[] actual = ((LinearRegressionModel) model).coefficients();
        for (int j = 0; j < expected.length; j++) {
            assertRelative(expected[j], actual[j], "coefficient " + j);
        }
    }

    @Test
    void fStatisticAndAdjustedR2FollowFromR2() {
        Map<String, String> info = Housing.mlr(ModelOptions.none()).description().info();
        double r2 = Double.parseDouble(info.get("r2"));
        assertRelative(1 - (1 - r2) * 405 / 392, Double.parseDouble(info.get("adjusted_r2")),
                "adjusted R2");
        assertRelative(r2 / 13 / ((1 - r2) / 392), Double.parseDouble(info.get("f_statistic")),
                "F");
        assertTrue(Double.parseDouble(info.get("f_p_value")) < 1e-12);
    }

    static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * RELATIVE, what);
    }
}
