package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.assertClose;
import static io.smlfusion.engine.explore.ExploreTestData.context;
import static io.smlfusion.engine.explore.ExploreTestData.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code vif}, {@code explorepca}, {@code exploresvd}, {@code exploresvdfs} against numpy
 * (reference.py: inv(corrcoef), eigh(cov(bias=True)), svd(corrcoef) of the raw rows).
 */
class MatrixMetricsTest {

    private static final ProjectStatistics IRIS = ExploreTestData.iris(false);

    @Test
    void varianceInflationFactors() {
        Map<String, Double> vif = VarianceInflation.compute(IRIS, inputs("0", "1", "2", "3"), 1e-14);
        assertEquals(List.of("0", "1", "2", "3"), List.copyOf(vif.keySet()));
        assertClose(7.103113442833497, vif.get("0"), 1e-9, "vif 0");
        assertClose(2.0990386257421334, vif.get("1"), 1e-9, "vif 1");
        assertClose(31.397291650721524, vif.get("2"), 1e-9, "vif 2");
        assertClose(16.141563956998446, vif.get("3"), 1e-9, "vif 3");
    }

    @Test
    void collinearAttributesHaveInfiniteInflationAndTheOthersTheirOwn() {
        // petal_width_b1 + petal_width_b2 = 1: each is the other's complement
        Map<String, Double> vif = VarianceInflation.compute(IRIS, inputs("10", "11", "0"), 1e-14);
        assertEquals(Double.POSITIVE_INFINITY, vif.get("10"));
        assertEquals(Double.POSITIVE_INFINITY, vif.get("11"));
        assertClose(2.060518422011491, vif.get("0"), 1e-9, "vif 0 = 1/(1 − r²(sepal_length, petal_width_b1))");
    }

    @Test
    void varianceInflationRefusesConstantsAndSingleInputs() {
        ExploreException single = assertThrows(ExploreException.class,
                () -> VarianceInflation.compute(IRIS, inputs("0"), 1e-14));
        assertEquals("vif expects inputAttributes of >= 2 attributes; got inputAttributes ['sepal_length' (0, C)]",
                single.getMessage());
        ProjectStatistics constant = new ProjectStatistics(false, false);
        constant.learn(new DataBlock(List.of("x", "c"), List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS),
                new double[] {1, 5, 2, 5, 4, 5}, 3));
        ExploreException zero = assertThrows(ExploreException.class,
                () -> VarianceInflation.compute(constant, inputs("0", "1"), 1e-14));
        assertEquals("vif: attribute 'c' (1) is constant, so its correlation with the others is undefined",
                zero.getMessage());
    }

    @Test
    void principalComponents() {
        PrincipalComponents pca = PrincipalComponents.of(IRIS, inputs("0", "1", "2", "3"), 1);
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), pca.attributes());
        assertClose(new double[] {4.19667516319798, 0.2406286144833326, 0.07800041537352621, 0.023525140278493988},
                pca.eigenvalues(), 1e-9, "eigenvalues");
        assertClose(4.538829333333333, pca.totalVariance(), 1e-12, "total");
        assertClose(new double[] {0.36158967738144987, -0.08226888989221459, 0.8565721052905281, 0.35884392624821565},
                pca.vectors()[0], 1e-9, "first component");
        assertClose(new double[] {0.656539883285831, 0.7297123713264981, -0.17576740342865393, -0.07470647013503356},
                pca.vectors()[1], 1e-8, "second component");
    }

    @Test
    void principalComponentsKeepWhatExplainsTheShareAndNoMoreThanAsked() {
        // cumulative shares 0.9246, 0.9776, 0.9948, 1 (reference.py)
        assertEquals(2, PrincipalComponents.of(IRIS, inputs("0", "1", "2", "3"), 0.95).eigenvalues().length);
        assertEquals(1, PrincipalComponents.of(IRIS, inputs("0", "1", "2", "3"), 0.9).eigenvalues().length);
        MLContext three = context(List.of("0", "1", "2", "3"), List.of(), Map.of(PrincipalComponents.DIMENSIONS_KEY, "3"));
        assertEquals(3, PrincipalComponents.of(IRIS, three, 1).vectors().length);
        MLContext tooMany = context(List.of("0"), List.of(), Map.of(PrincipalComponents.DIMENSIONS_KEY, "101"));
        assertEquals("extraParameters.pcaNumDimension = 101 exceeds the maximum of 100",
                assertThrows(ExploreException.class, () -> PrincipalComponents.of(IRIS, tooMany, 1)).getMessage());
        assertEquals("explorepca: explainedCovariance must be in (0, 1], not 1.5",
                assertThrows(ExploreException.class, () -> PrincipalComponents.of(IRIS, inputs("0"), 1.5)).getMessage());
    }

    @Test
    void singularValuesPairedWithTheirDominantAttributes() {
        Map<String, String> svd = SingularValues.ranked(IRIS, inputs("0", "1", "2", "3"), ExploreFormat.RAW);
        List<String> keys = List.copyOf(svd.keySet());
        double[] expected = {2.9108180837520563, 0.9212209307072254, 0.14735327830509498, 0.02060770723562417};
        for (int k = 0; k < expected.length; k++) {
            assertClose(expected[k], Double.parseDouble(keys.get(k)), 1e-9, "singular value " + k);
        }
        // numpy: the dominant attributes of v₁…v₄ are 2, 1, 0, 3
        assertEquals(List.of("petal_length", "sepal_width", "sepal_length", "petal_width"), List.copyOf(svd.values()));
    }

    @Test
    void singularValuesThatPrintAlikeShareAKey() {
        Map<String, String> svd = SingularValues.ranked(IRIS, inputs("10", "11"), ExploreFormat.pattern("%.4f"));
        assertEquals(Map.of("2.0", "petal_width_b1", "0.0", "petal_width_b2"), svd);
    }

    @Test
    void featureSelectionDropsWhatIsALinearCombinationOfTheKept() {
        // petal_width_b2 = 1 − petal_width_b1; Iris_setosa = petal_width_b1 (same rows);
        // Iris_virginica = 1 − setosa − versicolor (numpy, reference.py's rule: kept [0, 1, 2, 3, 10, 13])
        Map<String, String> kept = SingularValues.selected(IRIS,
                inputs("0", "1", "2", "3", "10", "11", "12", "13", "14"), 1e-14);
        assertEquals(List.of("0", "1", "2", "3", "10", "13"), List.copyOf(kept.keySet()));
        assertEquals("petal_width_b1", kept.get("10"));
        MLContext strict = context(List.of("0", "2"), List.of(), Map.of(SingularValues.TOLERANCE_KEY, "0.5"));
        assertEquals(List.of("0"), List.copyOf(SingularValues.selected(IRIS, strict, 1e-14).keySet()));
    }
}
