package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code covest} on the 13 inputs of the housing-fed3 union against scikit-learn 1.2.1 (Debian
 * python3-sklearn 1.2.1+dfsg-1):
 * <pre>
 * H = df.drop(columns='MEDV').values            # df: housing1+2+3 as in PenalizedRegressionTest
 * o = OAS().fit(H)        # shrinkage_ 0.006809751452849743; covariance_[0,0] 88.24457478431118,
 *                         # [4,9] 13.244884809111937, [12,12] 69.87427621027439;
 *                         # o.mahalanobis(H[:1]) 3.2608750019697488
 * ShrunkCovariance(shrinkage=0.3).fit(H).covariance_   # [1,2] -55.43301477832508, [5,5] 892.5651349386743
 * PCA(n_components=3).fit(H).get_covariance()          # (n − 1 divisor) [0,0] 62.79840687009037,
 *                         # [4,9] 13.36313163159176, [12,12] 60.17490383131492, [9,9] 28644.390576903337;
 *                         # noise_variance_ 37.534091400110476
 * </pre>
 */
class CovarianceEstimatorTest {

    private static Model build(Map<String, String> options) {
        return ModelBuilder.build(Housing.UNION, new ModelSpec(ModelAlgorithm.COVEST, List.of(),
                Housing.INPUTS, ModelOptions.of(options)));
    }

    @Test
    void oracleApproximatingShrinkageMatchesScikitLearn() {
        Model model = build(Map.of());
        Map<String, String> info = model.description().info();
        assertEquals("l2_reg_sig", info.get("estimate_type"));
        assertEquals("oas", info.get("tuning_type"));
        assertRelative(0.006809751452849743, Double.parseDouble(info.get("lambda")));
        ModelTable estimate = model.description().extra().get("cxx_est");
        assertRelative(88.24457478431118, estimate.values()[0][0]);
        assertRelative(13.244884809111937, estimate.values()[4][9]);
        assertRelative(69.87427621027439, estimate.values()[12][12]);
        assertEquals(3.2608750019697488,
                model.predict(Housing.PART1.values(0, Housing.INPUTS)).number("res"), 1e-8);
    }

    @Test
    void givenShrinkageMatchesScikitLearn() {
        ModelTable estimate = build(Map.of("lambda", "0.3")).description().extra().get("cxx_est");
        assertRelative(-55.43301477832508, estimate.values()[1][2]);
        assertRelative(892.5651349386743, estimate.values()[5][5]);
    }

    @Test
    void eigenTruncationIsTheProbabilisticPcaCovariance() {
        Model model = build(Map.of("estimate_type", "eigen_trunc", "q", "3", "ddof", "1"));
        assertRelative(37.534091400110476,
                Double.parseDouble(model.description().info().get("sigma2")));
        double[][] estimate = model.description().extra().get("cxx_est").values();
        assertRelative(62.79840687009037, estimate[0][0]);
        assertRelative(13.36313163159176, estimate[4][9]);
        assertRelative(60.17490383131492, estimate[12][12]);
        assertRelative(28644.390576903337, estimate[9][9]);
    }

    @Test
    void unsupportedEstimateTypeIsNamed() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> build(Map.of("estimate_type", "graph_lasso")));
        assertEquals("extraParameters.estimate_type = 'graph_lasso' is not supported; "
                + "supported: l2_reg_sig, eigen_trunc", error.getMessage());
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9);
    }
}
