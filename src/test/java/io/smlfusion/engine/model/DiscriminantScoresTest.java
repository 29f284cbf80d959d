package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * {@code mlda} and {@code mqda} on iris partitioned by species, against scikit-learn 1.2.1
 * (Debian python3-sklearn 1.2.1+dfsg-1):
 * <pre>
 * iris = pd.read_csv('examples/data/iris/iris.csv')
 * X = iris[['sepal_length', 'sepal_width', 'petal_length', 'petal_width']].values
 * names = np.array(['setosa', 'versicolor', 'virginica'])[
 *     iris[['Iris_setosa', 'Iris_versicolor', 'Iris_virginica']].values.argmax(1)]
 * LinearDiscriminantAnalysis().fit(X, names)   # accuracy 0.98, misclassified rows [97, 100, 106]
 * qda = QuadraticDiscriminantAnalysis().fit(X, names)  # 0.98, rows [97, 100, 106]
 * qda.decision_function(X[[0, 70]])
 * </pre>
 */
class DiscriminantScoresTest {

    static final ReferenceCsv IRIS = ReferenceCsv.read("iris", "iris.csv");
    static final List<String> INPUTS = List.of("sepal_length", "sepal_width", "petal_length",
            "petal_width");
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    static ProjectStatistics partitionedIris() {
        String[] classes = new String[IRIS.rows().size()];
        for (int r = 0; r < classes.length; r++) {
            for (int k = 0; k < 3; k++) {
                if (IRIS.rows().get(r)[IRIS.column("Iris_" + SPECIES.get(k))] == 1) {
                    classes[r] = SPECIES.get(k);
                }
            }
        }
        ProjectStatistics statistics = new ProjectStatistics(true, false);
        statistics.learn(IRIS.block(ReferenceCsv.continuous(IRIS.names().size()), classes));
        return statistics;
    }

    static Model build(ModelAlgorithm algorithm) {
        return ModelBuilder.build(partitionedIris(),
                new ModelSpec(algorithm, List.of(), INPUTS, ModelOptions.none()));
    }

    @Test
    void mldaMisclassifiesTheSameRowsAsScikitLearn() {
        assertEquals(List.of(97, 100, 106), misclassified(build(ModelAlgorithm.MLDA)));
    }

    @Test
    void mqdaMisclassifiesTheSameRowsAsScikitLearn() {
        assertEquals(List.of(97, 100, 106), misclassified(build(ModelAlgorithm.MQDA)));
    }

    @Test
    void mqdaScoresEqualScikitLearnDecisionFunction() {
        Model model = build(ModelAlgorithm.MQDA);
        assertScores(model.predict(IRIS.values(0, INPUTS)), 1.817631150612127,
                -42.645286079715895, -75.02812126390127);
        assertScores(model.predict(IRIS.values(70, INPUTS)), -139.03194700232666,
                3.1947987388208823, -5.157751463759296);
        assertEquals(List.of("setosa", "versicolor", "virginica", "res"),
                model.description().predictInfo());
    }

    @Test
    void unpartitionedProjectIsRefused() {
        ModelBuildException error = assertThrows(ModelBuildException.class,
                () -> ModelBuilder.build(Housing.UNION, new ModelSpec(ModelAlgorithm.MLDA,
                        List.of(), Housing.INPUTS, ModelOptions.none())));
        assertEquals("mlda needs a partitioned project (one class per partition value); "
                + "this project is not partitioned", error.getMessage());
    }

    private static void assertScores(Prediction prediction, double... expected) {
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], prediction.number(SPECIES.get(k)),
                    Math.abs(expected[k]) * 1e-9, SPECIES.get(k));
        }
    }

    private static List<Integer> misclassified(Model model) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < IRIS.rows().size(); r++) {
            String predicted = model.predict(IRIS.values(r, INPUTS)).text("res");
            if (IRIS.rows().get(r)[IRIS.column("Iris_" + predicted)] != 1) {
                rows.add(r);
            }
        }
        return rows;
    }

    static Map<String, String> info(Model model) {
        return model.description().info();
    }
}
