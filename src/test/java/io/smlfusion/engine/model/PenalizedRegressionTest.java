package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code ridge}, {@code lasso}, {@code elasticnet} on the union of housing-fed3 against
 * scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1, numpy 1.24.2), computed by
 * <pre>
 * import numpy as np, pandas as pd
 * from sklearn.linear_model import Ridge, Lasso, ElasticNet
 * from sklearn.preprocessing import StandardScaler
 * d = 'examples/data/housing-fed3/'
 * df = pd.concat([pd.read_csv(d + f) for f in ['housing1.csv', 'housing2.csv', 'housing3.csv']])
 * X = df.drop(columns='MEDV').values; y = df['MEDV'].values; n = len(y)
 * sc = StandardScaler().fit(X); Xs = sc.transform(X)        # population standard deviation
 * w = Ridge(alpha=n * 0.5, tol=1e-14, solver='cholesky').fit(Xs, y).coef_          # ridge λ = 0.5
 * w = Lasso(alpha=0.1, tol=1e-14, max_iter=10**7).fit(Xs, y).coef_                  # lasso λ = 0.1
 * w = ElasticNet(alpha=0.2, l1_ratio=0.5, tol=1e-14, max_iter=10**7).fit(Xs, y).coef_
 * w = Lasso(alpha=0.1, tol=1e-14, max_iter=10**7).fit(X, y).coef_    # standardize=false, scale 1
 * beta = w / sc.scale_; intercept = y.mean() - beta @ X.mean(0)
 * # AICc search of the lasso: for t in np.linspace(3, -10, 100): λ = 10**t, fit as above,
 * # k = count_nonzero(w) + 1, sse = Σ(y − ȳ − (Xs − mean) w)², aicc = n ln(sse/n) + 2k
 * #     + 2k(k+1)/(n−k−1); the first minimum wins
 * </pre>
 * The fits here run with tolerance 1e-12, so coefficients agree to about 1e-8 relative.
 */
class PenalizedRegressionTest {

    private static final String[] ORDER = {"CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE",
        "DIS", "RAD", "TAX", "PTRATIO", "B", "LSTAT"};

    @Test
    void ridgeMatchesScikitLearn() {
        assertModel(ModelAlgorithm.RIDGE, Map.of("lambda", "0.5"), 22.560205573847036,
                -0.062237035543085864, 0.024188113507591587, -0.06204963333472446,
                2.7681827527476144, -5.068761690266229, 3.2730592608150624,
                -0.006301810843794541, -0.4545302087523681, 0.028948926603936498,
                -0.002585374955276842, -0.691445905203724, 0.007151294987937567,
                -0.33624966522205296);
    }

    @Test
    void lassoMatchesScikitLearn() {
        assertModel(ModelAlgorithm.LASSO, Map.of("lambda", "0.1"), 35.28526645337047,
                -0.0634081177523662, 0.03465262168313453, 0, 2.6157376537465167,
                -14.273576026743479, 3.4739687177688894, 0, -1.1184853708560216,
                0.1600912088851798, -0.004552563037851859, -0.9976323431667397,
                0.007671382147954613, -0.5395925647470958);
    }

    @Test
    void elasticNetMatchesScikitLearn() {
        assertModel(ModelAlgorithm.ELASTICNET, Map.of("lambda", "0.2", "eta", "0.5"),
                27.08051996766939, -0.05483016269848176, 0.026975672367305765,
                -0.030277599413621105, 2.7142800352041716, -9.066499592546501,
                3.6496910597752996, 0, -0.7729596428568349, 0.06868433710349359,
                -0.002007657199132816, -0.8740396179540376, 0.007585071136728669,
                -0.47098463165230936);
    }

    @Test
    void unstandardisedLassoMatchesScikitLearnOnRawInputs() {
        assertModel(ModelAlgorithm.LASSO, Map.of("lambda", "0.1", "standardize", "false"),
                29.937743600350075, -0.08766699050505006, 0.05296946775282667,
                -0.03408480270307144, 1.083067675606164, 0, 3.1744682075698507,
                -0.005900240194692099, -1.060300945026514, 0.2961643535418048,
                -0.014284123442883417, -0.8704717641029869, 0.00987203495254799,
                -0.5880481834932577);
    }

    @Test
    void lassoAiccSearchPicksTheSameLambdaAsScikitLearn() {
        LinearRegressionModel model = assertModel(ModelAlgorithm.LASSO, Map.of(),
                38.9129049547557, -0.08254721391054101, 0.04255721282401143, 0,
                2.6891827079529182, -16.307989781979998, 3.354591343122371, 0,
                -1.2968851987453205, 0.24922919218684295, -0.008230987847349035,
                -1.031756523954728, 0.008182464809371758, -0.5394223711640613);
        Map<String, String> info = model.description().info();
        assertEquals(0.046415888336127725, Double.parseDouble(info.get("lambda")), 1e-15);
        assertEquals(11.0, Double.parseDouble(info.get("df")));
        assertEquals(1276.4478653065398, Double.parseDouble(info.get("aicc")), 1e-6);
        assertEquals(100, info.get("aicc_vec").split(",").length);
    }

    @Test
    void ridgeWithoutPenaltyIsOrdinaryLeastSquares() {
        double[] ols = Housing.mlr(ModelOptions.none()).coefficients();
        double[] ridge = Housing.build(ModelAlgorithm.RIDGE, ModelOptions.of(
                Map.of("lambda", "0", "tolerance", "1e-13", "maxiter", "100000"))).coefficients();
        for (int j = 0; j < ols.length; j++) {
            assertEquals(ols[j], ridge[j], Math.abs(ols[j]) * 1e-7, ORDER[j]);
        }
    }

    @Test
    void elasticNetSearchCoversTheEtaGrid() {
        Map<String, String> info = Housing.build(ModelAlgorithm.ELASTICNET, ModelOptions.of(
                Map.of("num_lambda", "20", "num_eta", "3"))).description().info();
        assertEquals(60, info.get("aicc_vec").split(",").length);
        assertTrue(info.get("eta_vec").startsWith("c(0.0, "));
    }

    @Test
    void ridgeRefusesAnotherEta() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> Housing.build(ModelAlgorithm.RIDGE, ModelOptions.of(Map.of("eta", "0.3"))));
        assertEquals("ridge fixes eta = 0; use elasticnet for eta = 0.3", error.getMessage());
    }

    private static LinearRegressionModel assertModel(ModelAlgorithm algorithm,
                                                     Map<String, String> options,
                                                     double intercept, double... expected) {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("tolerance", "1e-12");
        all.put("maxiter", "1000000");
        LinearRegressionModel model = Housing.build(algorithm, ModelOptions.of(all));
        double[] actual = model.coefficients();
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], Math.max(Math.abs(expected[j]) * 1e-7, 1e-12),
                    ORDER[j]);
        }
        assertEquals(intercept, model.intercept(), Math.abs(intercept) * 1e-7, "intercept");
        assertEquals("true", model.description().info().get("converged"));
        return model;
    }
}
