package io.smlfusion.engine.model;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * Regularised covariance estimates Ĉ of a sample covariance C (p × p, from n rows), selected by
 * {@code estimate_type} (spec §8.2); used by {@code covest} and, when {@code estimate_type} is
 * given, by {@code lda} for its pooled covariance.
 *
 * <ul>
 * <li>{@code l2_reg_sig} (default) — shrinkage towards a scaled identity:
 *     Ĉ = (1 − ρ)C + ρ μ I, μ = tr(C)/p (O. Ledoit, M. Wolf, "A well-conditioned estimator for
 *     large-dimensional covariance matrices", J. Multivariate Anal. 88(2), 2004). ρ is
 *     {@code lambda} when given (0 … 1), otherwise chosen by {@code tuning_type=oas} (the
 *     default, and the only tuning supported): the oracle approximating shrinkage of Y. Chen, A.
 *     Wiesel, Y. C. Eldar, A. O. Hero, "Shrinkage algorithms for MMSE covariance estimation",
 *     IEEE Trans. Signal Process. 58(10), 2010, in the form of the authors' implementation that
 *     scikit-learn 1.2 uses ({@code sklearn.covariance.oas}):
 *     ρ = min(1, (tr(C²) + tr²(C)) / ((n + 1)(tr(C²) − tr²(C)/p))).</li>
 * <li>{@code eigen_trunc} — eigenvalue truncation: keep the q leading eigenpairs of C and replace
 *     the other eigenvalues by their mean σ², Ĉ = V_q Λ_q V_qᵀ + σ²(I − V_q V_qᵀ) — the
 *     maximum-likelihood covariance of probabilistic PCA (M. E. Tipping, C. M. Bishop,
 *     "Probabilistic principal component analysis", J. R. Stat. Soc. B 61(3), 1999, eqs. 7–8;
 *     scikit-learn's {@code PCA(q).get_covariance()}). q is {@code q}, or the fewest components
 *     explaining {@code explained_variance} (default 0.95) of the trace.</li>
 * </ul>
 * The other estimate types of the spec ({@code graph_lasso}, {@code l2_reg_thinkhonov},
 * {@code identity_mixture}) and tunings ({@code ebic}, {@code rblw}) are refused by name.
 */
final class CovarianceEstimator {

    static final List<String> SUPPORTED = List.of("l2_reg_sig", "eigen_trunc");
    private static final List<String> KNOWN = List.of("graph_lasso", "l2_reg_thinkhonov",
            "identity_mixture");

    private CovarianceEstimator() {
    }

    /**
     * The estimate selected by the options; its parameters are added to {@code details}
     * ({@code estimate_type}, and {@code tuning_type} and {@code lambda} = ρ, or {@code q},
     * {@code explained_variance} and {@code sigma2} = σ²).
     */
    static DMatrixRMaj estimate(DMatrixRMaj covariance, double n, BuildContext context,
                                ModelDescription.Builder details) {
        String type = context.options().text("estimate_type", "l2_reg_sig");
        details.info("estimate_type", type);
        return switch (type) {
            case "l2_reg_sig" -> shrunk(covariance, n, context.options(), details);
            case "eigen_trunc" -> truncated(covariance, context, details);
            default -> throw ModelOptions.invalid("estimate_type", type,
                    (KNOWN.contains(type) ? "is not supported" : "is unknown")
                            + "; supported: " + String.join(", ", SUPPORTED));
        };
    }

    private static DMatrixRMaj shrunk(DMatrixRMaj covariance, double n, ModelOptions options,
                                      ModelDescription.Builder details) {
        int p = covariance.numRows;
        double trace = 0;
        double squares = 0;
        for (int i = 0; i < p; i++) {
            trace += covariance.unsafe_get(i, i);
        }
        for (double value : covariance.data) {
            squares += value * value;
        }
        double shrinkage;
        if (options.has("lambda")) {
            shrinkage = options.number("lambda", 0, 0, 1);
        } else {
            String tuning = options.text("tuning_type", "oas");
            if (!tuning.equals("oas")) {
                throw ModelOptions.invalid("tuning_type", tuning,
                        "is not supported for l2_reg_sig; supported: oas, or give lambda");
            }
            details.info("tuning_type", tuning);
            double denominator = (n + 1) * (squares - trace * trace / p);
            shrinkage = denominator == 0 ? 1
                    : Math.min(1, (squares + trace * trace) / denominator);
        }
        details.info("lambda", shrinkage);
        DMatrixRMaj estimate = covariance.copy();
        for (int k = 0; k < estimate.data.length; k++) {
            estimate.data[k] *= 1 - shrinkage;
        }
        for (int i = 0; i < p; i++) {
            estimate.unsafe_set(i, i, estimate.unsafe_get(i, i) + shrinkage * trace / p);
        }
        return estimate;
    }

    private static DMatrixRMaj truncated(DMatrixRMaj covariance, BuildContext context,
                                         ModelDescription.Builder details) {
        int p = covariance.numRows;
        PrincipalAxes axes = PrincipalAxes.of(covariance);
        int q = axes.componentsToKeep(context);
        double[] eigenvalues = axes.eigenvalues();
        double residual = 0;
        for (int k = q; k < p; k++) {
            residual += eigenvalues[k];
        }
        residual = q == p ? 0 : residual / (p - q);
        DMatrixRMaj estimate = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            estimate.unsafe_set(i, i, residual);
        }
        for (int k = 0; k < q; k++) {
            double[] axis = axes.vector(k);
            double weight = eigenvalues[k] - residual;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    estimate.unsafe_set(i, j, estimate.unsafe_get(i, j)
                            + weight * axis[i] * axis[j]);
                }
            }
        }
        details.info("q", q).info("explained_variance", axes.explained(q))
                .info("sigma2", residual);
        return estimate;
    }
}
