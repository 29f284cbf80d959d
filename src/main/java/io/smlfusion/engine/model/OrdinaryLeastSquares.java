package io.smlfusion.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code mlr}: ordinary least squares with intercept, from the statistics alone, solved in
 * centred form (spec §10.2). With S = Σ(x − x̄)(x − x̄)ᵀ over the k inputs, s = Σ(x − x̄)(y − ȳ)
 * and Syy = Σ(y − ȳ)² (all from the centred co-moments):
 * <pre>
 * β  = S⁻¹ s,  β₀ = ȳ − βᵀx̄               (the normal equations with the intercept eliminated)
 * SSE = Syy − βᵀs,  df = n − r − 1          (r = rank of S, = k unless collinear)
 * σ² = SSE / df,  se(βⱼ) = σ √(S⁻¹)ⱼⱼ,  se(β₀) = σ √(1/n + x̄ᵀ S⁻¹ x̄)
 * (β₀ and SSE are differences of large terms, summed by {@link CompensatedDot})
 * t = β / se,  p = 2 P(T_df ≤ −|t|),  CI95 = β ± t_df;0.975 · se
 * R² = 1 − SSE/Syy,  adjusted R² = 1 − (1 − R²)(n − 1)/df,  F = ((Syy − SSE)/r) / σ²
 * P(F_r,df &gt; F) = I_{df/(df + rF)}(df/2, r/2)   (regularised incomplete beta, no cancellation)
 * </pre>
 * (e.g. N. R. Draper, H. Smith, "Applied Regression Analysis", 3rd ed., Wiley 1998, ch. 5; the
 * centred form is their §5.2 "centering the data"). S⁻¹ is applied by {@link ScatterInverse}:
 * a refined Cholesky solve, (S⁻¹)ⱼⱼ and x̄ᵀS⁻¹x̄ from solves too, never an explicit inverse; for
 * collinear inputs the pseudo-inverse or an error naming them ({@link RankPolicy}); under the
 * pseudo-inverse a constant input gets β = 0 and se = 0, and its t and p are NaN (not estimable,
 * R's NA). t quantiles and probabilities, and the incomplete beta, from Hipparchus.
 *
 * <p>Info: {@code model}, {@code model_bias}, {@code r2}, {@code adjusted_r2},
 * {@code residual_se}, {@code sse}, {@code df}, {@code rank}, {@code n}, {@code f_statistic},
 * {@code f_p_value}; extra {@code coefficients}: columns {@code coefficient}, {@code std.error},
 * {@code scores} (t), {@code p.values}, {@code ci.low}, {@code ci.high}, {@code mean_<TARGET>}.
 */
final class OrdinaryLeastSquares {

    private static final double CONFIDENCE = 0.95;

    private OrdinaryLeastSquares() {
    }

    static LinearRegressionModel fit(BuildContext context) {
        int target = context.target();
        int[] inputs = context.inputs();
        context.requireRowsAbove(inputs.length + 1L, "more than inputs + 1 for the intercept "
                + "and the residual variance");
        Moments moments = context.total();
        double n = moments.count();
        double syy = moments.m2(target);
        if (!(syy > 0)) {
            throw context.failure("needs a target that varies; '" + context.targetName()
                    + "' is constant");
        }
        ScatterInverse inverse = ScatterInverse.of(ScatterMatrices.scatter(moments, inputs),
                context.inputNames(), RankPolicy.from(context.options()));
        double[] cross = ScatterMatrices.crossScatter(moments, inputs, target);
        double[] beta = inverse.solve(cross);
        double[] means = ScatterMatrices.means(moments, inputs);
        double intercept = LinearRegressionModel.intercept(context, beta);

        double sse = Math.max(CompensatedDot.residual(syy, beta, cross), 0);
        int rank = inverse.rank();
        double df = n - rank - 1;
        double variance = sse / df;
        double r2 = 1 - sse / syy;
        double fStatistic = (syy - sse) / rank / variance;

        double[] inverseDiagonal = inverse.inverseDiagonal();
        double[] estimate = new double[inputs.length + 1];
        double[] stdError = new double[estimate.length];
        estimate[0] = intercept;
        stdError[0] = Math.sqrt(variance * (1 / n + inverse.quadraticForm(means)));
        for (int j = 0; j < inputs.length; j++) {
            estimate[j + 1] = beta[j];
            stdError[j + 1] = Math.sqrt(variance * Math.max(inverseDiagonal[j], 0));
        }
        TDistribution t = new TDistribution(df);
        double quantile = t.inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[] scores = new double[estimate.length];
        double[] pValues = new double[estimate.length];
        double[] low = new double[estimate.length];
        double[] high = new double[estimate.length];
        for (int r = 0; r < estimate.length; r++) {
            scores[r] = estimate[r] / stdError[r];
            pValues[r] = 2 * t.cumulativeProbability(-Math.abs(scores[r]));
            low[r] = estimate[r] - quantile * stdError[r];
            high[r] = estimate[r] + quantile * stdError[r];
        }
        columns.put("std.error", stdError);
        columns.put("scores", scores);
        columns.put("p.values", pValues);
        columns.put("ci.low", low);
        columns.put("ci.high", high);

        ModelDescription.Builder details = new ModelDescription.Builder()
                .info("r2", r2)
                .info("adjusted_r2", 1 - (1 - r2) * (n - 1) / df)
                .info("residual_se", Math.sqrt(variance))
                .info("sse", sse)
                .info("df", df)
                .info("rank", rank)
                .info("n", (long) n)
                .info("f_statistic", fStatistic)
                .info("f_p_value", Beta.regularizedBeta(df / (df + rank * fStatistic), df / 2,
                        rank / 2.0))
                .info("confidence_level", CONFIDENCE)
                .table("coefficients", LinearRegressionModel.coefficientTable(context, intercept,
                        beta, columns));
        return LinearRegressionModel.of(context, intercept, beta, details);
    }
}
