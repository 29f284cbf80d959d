package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code reduce?heuristic=default&algo=lda} on bank: backward elimination by the Mahalanobis distance. */
class DiscriminantReductionTest {

    private static final ModelSpec LDA = new ModelSpec(ModelAlgorithm.LDA, List.of(Bank.TARGET), Bank.INPUTS,
            ModelOptions.none());

    @Test
    void withoutLossOnlyTheCollinearOneHotColumnsGo() {
        int rank = Integer.parseInt(Bank.build(ModelAlgorithm.LDA, ModelOptions.none()).description().info().get("rank"));
        DiscriminantReduction.Result reduced = DiscriminantReduction.reduce(Bank.UNION, LDA, 1e-9, 51);

        assertEquals(51 - rank, reduced.removed().size(), "one column per exactly collinear one-hot group: "
                + reduced.removed());
        assertEquals(reduced.fullDistance(), reduced.distance(), 1e-6 * reduced.fullDistance());
        assertEquals(reduced.kept(), reduced.model().inputs());
    }

    @Test
    void aOnePercentLossOfSeparationDropsMoreInputsAndKeepsTheAuc() {
        DiscriminantReduction.Result reduced = DiscriminantReduction.reduce(Bank.UNION, LDA, 0.01, 51);

        double squaredRatio = Math.pow(reduced.distance() / reduced.fullDistance(), 2);
        assertTrue(squaredRatio >= 0.99, "Δ² kept within delta: " + squaredRatio);
        assertTrue(reduced.kept().size() < 40, reduced.kept().size() + " inputs kept");
        double all = Bank.testAuc(Bank.build(ModelAlgorithm.LDA, ModelOptions.none()), "normZ");
        double fewer = Bank.testAuc(reduced.model(), "normZ");
        assertTrue(fewer > all - 0.01, fewer + " vs " + all);
    }

    @Test
    void numIterationsBoundsTheRemovalsAndOnlyLdaIsReduced() {
        assertEquals(3, DiscriminantReduction.reduce(Bank.UNION, LDA, 0.5, 3).removed().size());
        assertEquals(Bank.INPUTS, DiscriminantReduction.reduce(Bank.UNION, LDA, 0.5, 0).kept());
        assertThrows(ModelBuildException.class, () -> DiscriminantReduction.reduce(Bank.UNION,
                new ModelSpec(ModelAlgorithm.MLR, List.of(Bank.TARGET), Bank.INPUTS, ModelOptions.none()), 0.01, 3));
    }
}
