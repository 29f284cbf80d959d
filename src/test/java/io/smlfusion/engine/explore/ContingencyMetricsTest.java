package io.smlfusion.engine.explore;

import static io.smlfusion.engine.explore.ExploreTestData.assertValues;
import static io.smlfusion.engine.explore.ExploreTestData.context;
import static io.smlfusion.engine.explore.ExploreTestData.explore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code chi2} against scipy.stats.chi2_contingency(correction=False) and {@code gain} against
 * scipy.stats.entropy(base=2), both on tables counted from the raw rows (reference.py).
 */
class ContingencyMetricsTest {

    private static final ProjectStatistics IRIS = ExploreTestData.iris(false);

    @Test
    void chiSquareOfBinaryAttributes() {
        assertValues(explore(IRIS, "chi2", context(List.of("4", "5"), List.of("12", "13", "14"), Map.of())), 1e-9,
                "chiStat", 75.14835461247976, "df", 2, "pval", 4.805539306160254e-17, "coef", 0.5951913481757823,
                "obs$4:12", 50, "obs$4:13", 26, "obs$4:14", 7, "obs$5:12", 0, "obs$5:13", 24, "obs$5:14", 43);
    }

    @Test
    void chiSquareReproducesTheProductSample() {
        // spec §7.3/§7.6 sample 1: χ² = 150, N = 150, 2×3, coef 0.8409, obs$10:12 = 50
        assertValues(explore(IRIS, "chi2", context(List.of("10", "11"), List.of("12", "13", "14"), Map.of())), 1e-9,
                "chiStat", 150, "df", 2, "pval", 2.678636961808087e-33, "coef", 0.8408964152537145,
                "obs$10:12", 50, "obs$10:13", 0, "obs$10:14", 0, "obs$11:12", 0, "obs$11:13", 50, "obs$11:14", 50);
    }

    @Test
    void chiSquareOfCategoriesOverTheirValues() {
        // rows q1, q2, q3; columns a, b, c, d (q3 has no c, q1 and q2 no d); the empty cells count 0
        assertValues(explore(ExploreTestData.categories(), "chi2", context(List.of("q1", "q2", "q3"), List.of(), Map.of())),
                1e-9, "chiStat", 103.92857142857143, "df", 6, "pval", 3.79567038308431e-20, "coef", 0.4855046722287242,
                "obs$q1:a", 20, "obs$q1:b", 24, "obs$q1:c", 16, "obs$q1:d", 0,
                "obs$q2:a", 0, "obs$q2:b", 20, "obs$q2:c", 40, "obs$q2:d", 0,
                "obs$q3:a", 20, "obs$q3:b", 20, "obs$q3:c", 0, "obs$q3:d", 20);
    }

    @Test
    void chiSquareErrors() {
        ExploreException unknownCategory = assertThrows(ExploreException.class, () -> explore(
                ExploreTestData.categories(), "chi2", context(List.of("q1", "q9"), List.of(), Map.of())));
        assertEquals("values[0]: chi2: 'q9' is neither an attribute nor a category of this project (no attribute is"
                + " named q9$<value>)", unknownCategory.getMessage());
        ExploreException continuous = assertThrows(ExploreException.class,
                () -> explore(IRIS, "chi2", context(List.of("0", "4"), List.of("12", "13"), Map.of())));
        assertEquals("values[0]: chi2 expects inputAttributes of >= 2 binary attributes and targets of >= 2 binary"
                + " attributes, or inputAttributes naming >= 2 categories (T columns) without targets; got"
                + " inputAttributes ['sepal_length' (0, C), 'sepal_lengt_b1' (4, B)] and targets"
                + " ['Iris_setosa' (12, B), 'Iris_versicolor' (13, B)]", continuous.getMessage());
    }

    @Test
    void informationGainOfOneBinarySplit() {
        assertValues(explore(IRIS, "gain", context(List.of("4"), List.of("12", "13", "14"), Map.of())), 1e-9,
                "gain", 0.46408225086675814, "entropy", 1.584962500721156, "conditionalEntropy", 1.120880249854398,
                "splitInfo", 0.9917770334127775, "gainRatio", 0.46793002381776994);
    }

    @Test
    void informationGainOfOneHotSplitAndBinaryTarget() {
        assertValues(explore(IRIS, "gain", context(List.of("10", "11"), List.of("12", "13", "14"), Map.of())), 1e-9,
                "gain", 0.9182958340544894, "entropy", 1.584962500721156, "conditionalEntropy", 0.6666666666666666,
                "splitInfo", 0.9182958340544894, "gainRatio", 1.0);
        assertValues(explore(IRIS, "gain", context(List.of("4"), List.of("12"), Map.of())), 1e-9,
                "gain", 0.3818261182262924, "entropy", 0.9182958340544894, "conditionalEntropy", 0.536469715828197,
                "splitInfo", 0.9917770334127775, "gainRatio", 0.3849918937045767);
    }

    @Test
    void informationGainNeedsBinaryAttributes() {
        ExploreException e = assertThrows(ExploreException.class,
                () -> explore(IRIS, "gain", context(List.of("0"), List.of("12"), Map.of())));
        assertEquals("values[0]: gain expects inputAttributes of >= 1 binary attributes (the split) and targets of >= 1"
                + " binary attributes (the classes); got inputAttributes ['sepal_length' (0, C)] and targets"
                + " ['Iris_setosa' (12, B)]", e.getMessage());
    }
}
