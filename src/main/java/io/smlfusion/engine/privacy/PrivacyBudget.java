package io.smlfusion.engine.privacy;

/**
 * The (ε, δ) a project may spend over all its exports, accounted in zero-concentrated differential
 * privacy (zCDP), and the share of it each export spends.
 *
 * <p>Sources: M. Bun, T. Steinke, "Concentrated Differential Privacy: Simplifications, Extensions,
 * and Lower Bounds", TCC 2016 (arXiv:1605.02065). Proposition 1.6: the Gaussian mechanism with L2
 * sensitivity Δ and noise N(0, σ²) is ρ-zCDP with ρ = Δ² / (2σ²). Lemma 1.7: the composition of a
 * ρ₁-zCDP and a ρ₂-zCDP mechanism is (ρ₁ + ρ₂)-zCDP, so the ρ of the exports adds up. Proposition
 * 1.3: ρ-zCDP implies (ε, δ)-DP for every δ > 0 with ε = ρ + 2√(ρ ln(1/δ)). The budget is the
 * largest ρ whose ε does not exceed the configured one: with L = ln(1/δ), solving
 * ε = ρ + 2√(ρL) for √ρ gives √ρ = √(L + ε) − √L.
 *
 * @param epsilon     the ε of the whole budget, &gt; 0
 * @param delta       the δ, in (0, 1)
 * @param exportShare the fraction of the budget's ρ one export spends, in (0, 1]: ⌊1/share⌋ exports
 */
public record PrivacyBudget(double epsilon, double delta, double exportShare) {

    /** Relative slack for the rounding of k × share: the k-th of ⌊1/share⌋ exports must still fit. */
    private static final double ROUNDING_SLACK = 1e-9;

    public PrivacyBudget {
        if (!(epsilon > 0 && epsilon <= 1e6)) {
            throw new IllegalArgumentException("epsilon must be positive and at most 1e6, not " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must lie strictly between 0 and 1, not " + delta);
        }
        if (!(exportShare > 0 && exportShare <= 1)) {
            throw new IllegalArgumentException("the per-export share must lie in (0, 1], not " + exportShare);
        }
    }

    /** The ρ of the whole budget: (√(L + ε) − √L)², L = ln(1/δ). */
    public double totalRho() {
        double l = Math.log(1 / delta);
        double root = Math.sqrt(l + epsilon) - Math.sqrt(l);
        return root * root;
    }

    /** The ρ one export spends. */
    public double perExportRho() {
        return exportShare * totalRho();
    }

    /** The ε that {@code rho} of spent zCDP amounts to at this δ: ρ + 2√(ρ ln(1/δ)). */
    public double epsilonOf(double rho) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /** Whether one more export fits after {@code spentRho} was spent. */
    public boolean allowsExportAfter(double spentRho) {
        return spentRho + perExportRho() <= spendableRho();
    }

    /** The ρ up to which exports may spend: the total, with a relative slack for the rounding of k × share. */
    public double spendableRho() {
        return totalRho() * (1 + ROUNDING_SLACK);
    }

    /** How many more exports fit after {@code spentRho} was spent. */
    public long exportsLeftAfter(double spentRho) {
        return Math.max(0, (long) Math.floor((spendableRho() - spentRho) / perExportRho()));
    }
}
