package io.smlfusion.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The zCDP accounting against values computed by hand (python3, math.log and math.sqrt):
 * ε = 1, δ = 10⁻⁶: L = ln(10⁶) = 13.815510557964274, ρ = (√(L + 1) − √L)² = 0.017468904769123432.
 */
class PrivacyBudgetTest {

    private static final double TOTAL_RHO = 0.017468904769123432;

    @Test
    void theBudgetIsTheRhoWhoseEpsilonIsTheConfiguredOne() {
        PrivacyBudget budget = new PrivacyBudget(1, 1e-6, 0.25);
        assertEquals(TOTAL_RHO, budget.totalRho(), 1e-15);
        assertEquals(TOTAL_RHO / 4, budget.perExportRho(), 1e-15);
        assertEquals(1, budget.epsilonOf(budget.totalRho()), 1e-12, "the conversion ε = ρ + 2√(ρ ln 1/δ) inverts the budget");
        // one export: ρ/4 = 0.004367226192280858, ε = ρ/4 + 2√(ρ/4 · L) = 0.49557...
        assertEquals(0.004367226192280858 + 2 * Math.sqrt(0.004367226192280858 * 13.815510557964274),
                budget.epsilonOf(budget.perExportRho()), 1e-15);
    }

    @Test
    void exportsComposeByAddingRhoUntilTheBudgetIsSpent() {
        PrivacyBudget budget = new PrivacyBudget(1, 1e-6, 0.1);
        double spent = 0;
        int exports = 0;
        while (budget.allowsExportAfter(spent)) {
            assertEquals(10 - exports, budget.exportsLeftAfter(spent));
            spent += budget.perExportRho();
            exports++;
        }
        assertEquals(10, exports, "⌊1/share⌋ exports, the tenth despite the rounding of 10 × 0.1");
        assertEquals(0, budget.exportsLeftAfter(spent));
        assertFalse(budget.allowsExportAfter(spent));
        assertEquals(1, budget.epsilonOf(spent), 1e-8);
    }

    @Test
    void aSmallerDeltaOrEpsilonLeavesLessRho() {
        assertTrue(new PrivacyBudget(1, 1e-9, 1).totalRho() < TOTAL_RHO);
        assertTrue(new PrivacyBudget(0.5, 1e-6, 1).totalRho() < TOTAL_RHO);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(0, 1e-6, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(Double.NaN, 1e-6, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(1, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(1, 1e-6, 0));
        assertThrows(IllegalArgumentException.class, () -> new PrivacyBudget(1, 1e-6, 1.5));
    }
}
