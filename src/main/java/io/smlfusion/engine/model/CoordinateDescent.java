package io.smlfusion.engine.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The elastic-net problem on second moments, solved by cyclic coordinate descent with covariance
 * updates (J. Friedman, T. Hastie, R. Tibshirani, "Regularization paths for generalized linear
 * models via coordinate descent", J. Stat. Softw. 33(1), 2010, §2.2 "covariance updates"):
 * <pre>
 * minimise  (1/2n)‖ỹ − X̃w‖² + λ((1 − η)/2 ‖w‖² + η‖w‖₁)
 * given     G = X̃ᵀX̃/n (p × p) and c = X̃ᵀỹ/n       (X̃, ỹ centred; no rows needed)
 * update    wⱼ ← soft(cⱼ − Σₖ≠ⱼ Gⱼₖ wₖ, λη) / (Gⱼⱼ + λ(1 − η)),   soft(z, γ) = sign(z)(|z| − γ)₊
 * </pre>
 * keeping the gradient g = c − Gw current after each change (O(p) per change). A coordinate with
 * Gⱼⱼ = 0 (a constant input) stays 0. A sweep over all coordinates ends the descent when every
 * change moved the fit by at most the tolerance, √Gⱼⱼ·|Δwⱼ| ≤ tolerance·sd(y) — a
 * scale-free criterion in units of the target's standard deviation.
 */
final class CoordinateDescent {

    private final DMatrixRMaj gram;
    private final double[] cross;
    private final double targetVariance;

    /**
     * @param gram G = X̃ᵀX̃/n
     * @param cross c = X̃ᵀỹ/n
     * @param targetVariance ỹᵀỹ/n
     */
    CoordinateDescent(DMatrixRMaj gram, double[] cross, double targetVariance) {
        this.gram = gram;
        this.cross = cross;
        this.targetVariance = targetVariance;
    }

    /** A solution and how it was reached. */
    record Solution(double[] weights, int sweeps, boolean converged) {
    }

    /**
     * @param start the weights to start from (a warm start along a λ path), not changed
     */
    Solution solve(double lambda, double eta, double[] start, int maxSweeps, double tolerance) {
        int p = cross.length;
        double[] w = start.clone();
        double[] gradient = cross.clone();
        for (int k = 0; k < p; k++) {
            if (w[k] != 0) {
                for (int j = 0; j < p; j++) {
                    gradient[j] -= gram.unsafe_get(j, k) * w[k];
                }
            }
        }
        double l1 = lambda * eta;
        double l2 = lambda * (1 - eta);
        double threshold = tolerance * Math.sqrt(targetVariance);
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            double largestMove = 0;
            for (int j = 0; j < p; j++) {
                double curvature = gram.unsafe_get(j, j);
                if (curvature <= 0) {
                    continue;
                }
                double z = gradient[j] + curvature * w[j];
                double updated = Math.signum(z) * Math.max(Math.abs(z) - l1, 0) / (curvature + l2);
                double change = updated - w[j];
                if (change != 0) {
                    w[j] = updated;
                    for (int i = 0; i < p; i++) {
                        gradient[i] -= gram.unsafe_get(i, j) * change;
                    }
                    largestMove = Math.max(largestMove, Math.sqrt(curvature) * Math.abs(change));
                }
            }
            if (largestMove <= threshold) {
                return new Solution(w, sweep, true);
            }
        }
        return new Solution(w, maxSweeps, false);
    }

    /** (1/n)‖ỹ − X̃w‖² = ỹᵀỹ/n − 2wᵀc + wᵀGw, the mean squared residual. */
    double meanSquaredResidual(double[] w) {
        return Math.max(targetVariance - 2 * ScatterMatrices.dot(w, cross)
                + ScatterMatrices.dot(w, ScatterMatrices.times(gram, w)), 0);
    }

    DMatrixRMaj gram() {
        return gram;
    }
}
