package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code pcr} on the union of housing-fed3 against scikit-learn 1.2.1 (Debian python3-sklearn
 * 1.2.1+dfsg-1), with X, y, sc, Xs as in {@link PenalizedRegressionTest}:
 * <pre>
 * pca = PCA(n_components=5).fit(Xs); lr = LinearRegression().fit(pca.transform(Xs), y)
 * pred = lr.predict(pca.transform(sc.transform(Xt)))      # Xt, yt: housing_test.csv
 * np.sqrt(np.mean((pred - yt) ** 2))      # 4.956042158028571;  pred[0] 5.6711727476648655
 * PCA(n_components=0.95, svd_solver='full').fit(Xs).n_components_     # 9
 * </pre>
 */
class PrincipalComponentRegressionTest {

    @Test
    void fiveComponentsPredictLikeScikitLearn() {
        Model model = Housing.build(ModelAlgorithm.PCR, ModelOptions.of(Map.of("q", "5")));
        assertEquals(4.956042158028571, Housing.testRmse(model), 4.956042158028571 * 1e-9);
        assertEquals(5.6711727476648655,
                model.predict(Housing.TEST.values(0, Housing.INPUTS)).number("res"), 1e-9);
        assertEquals(5, model.description().extra().get("W").valueColumns().size());
    }

    @Test
    void explainedVarianceThresholdKeepsTheSameComponentsAsScikitLearn() {
        Model model = Housing.build(ModelAlgorithm.PCR, ModelOptions.none());
        assertEquals("9", model.description().info().get("q"));
    }

    @Test
    void allComponentsIsOrdinaryLeastSquares() {
        double[] ols = Housing.mlr(ModelOptions.none()).coefficients();
        double[] pcr = Housing.build(ModelAlgorithm.PCR, ModelOptions.of(Map.of("q", "13")))
                .coefficients();
        for (int j = 0; j < ols.length; j++) {
            assertEquals(ols[j], pcr[j], Math.abs(ols[j]) * 1e-9);
        }
    }

    @Test
    void tooManyComponentsAreRefused() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> Housing.build(ModelAlgorithm.PCR, ModelOptions.of(Map.of("q", "14"))));
        assertEquals("extraParameters.q = '14' exceeds the 13 components of non-zero variance",
                error.getMessage());
    }
}
