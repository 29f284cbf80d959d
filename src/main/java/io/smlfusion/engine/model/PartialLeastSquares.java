package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code plsq}: partial least squares regression of one target by SIMPLS (S. de Jong, "SIMPLS: an
 * alternative approach to partial least squares regression", Chemometr. Intell. Lab. 18(3), 1993,
 * Appendix), which needs only the cross-products C = X̃ᵀX̃ and s = X̃ᵀỹ — so only the co-moments
 * of the statistics, and a fusion's model is that of the union of its cells' rows. X̃ holds the
 * centred inputs, divided by their population standard deviations with {@code standardize=true}
 * (default), ỹ the centred target ({@link ScatterMatrices#standardised}). For one response,
 * component a takes
 * <pre>
 * r = sₐ / √(sₐᵀ C sₐ);   p = C r;   qₐ = sᵀr;   v = p − V Vᵀp, normalised, appended to V;
 * sₐ₊₁ = sₐ − v (vᵀ sₐ);   w = Σₐ qₐ r
 * </pre>
 * (s₁ = s), then βⱼ = wⱼ/sⱼ and β₀ = ȳ − βᵀx̄. With as many components as the rank of C this is
 * ordinary least squares. {@code q} components (default 2, at most the number of inputs); fewer
 * when the target is fully explained (or the inputs exhausted) before — the info's {@code q} says
 * how many were used. {@code oneq=true} (the default and the only one supported) gives the one
 * prediction {@code res} of the q-component model. {@code ddof} only changes the reported
 * {@code sig} (sⱼ = √(Sⱼⱼ/(n − ddof))): the coefficients do not depend on the scaling.
 *
 * <p>Info (spec §8.5): {@code model}, {@code model_bias}, {@code standardize}, {@code muy},
 * {@code mux}, {@code sig}, {@code ddof}, {@code oneq}, {@code q}; extra {@code coefficients} and
 * {@code W} (the SIMPLS weights r, attribute × component).
 */
final class PartialLeastSquares {

    /** sₐ below this share of ‖s‖: the target is explained, further components are noise. */
    private static final double EXPLAINED = 1e-12;

    private PartialLeastSquares() {
    }

    static LinearRegressionModel fit(BuildContext context) {
        int target = context.target();
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        if (!options.flag("oneq", true)) {
            throw ModelOptions.invalid("oneq", options.text("oneq"), "is not supported: this server "
                    + "predicts with the q-component model only; build one model per q instead");
        }
        int q = options.wholeNumber("q", Math.min(2, inputs.length), 1);
        if (q > inputs.length) {
            throw ModelOptions.invalid("q", options.text("q"), "exceeds the " + inputs.length + " inputs");
        }
        int ddof = options.wholeNumber("ddof", 0, 0);
        context.requireRowsAbove(ddof + 1L, "to centre the data (more than ddof + 1)");
        boolean standardize = options.flag("standardize", true);
        Moments moments = context.total();
        ScatterMatrices.Standardised problem = ScatterMatrices.standardised(moments, inputs, target,
                standardize);
        Components fitted = simpls(problem.gram(), problem.cross(), q, RankPolicy.from(options).tolerance());
        List<double[]> weights = fitted.weights();
        if (weights.isEmpty()) {
            throw context.failure("finds no component: the inputs are constant or uncorrelated with '"
                    + context.targetName() + "'");
        }
        double[][] table = new double[inputs.length][weights.size()];
        for (int a = 0; a < weights.size(); a++) {
            for (int j = 0; j < inputs.length; j++) {
                table[j][a] = weights.get(a)[j];
            }
        }
        double[] beta = problem.unscaled(fitted.coefficients());
        double intercept = LinearRegressionModel.intercept(context, beta);
        double n = moments.count();
        double[] sig = new double[inputs.length];
        for (int j = 0; j < sig.length; j++) {
            sig[j] = standardize ? Math.sqrt(moments.m2(inputs[j]) / (n - ddof)) : 1;
        }
        List<String> components = new ArrayList<>();
        for (int a = 1; a <= weights.size(); a++) {
            components.add("C" + a);
        }
        ModelDescription.Builder details = new ModelDescription.Builder()
                .info("q", weights.size())
                .info("oneq", true)
                .info("standardize", standardize)
                .info("ddof", ddof)
                .info("muy", moments.mean(target))
                .info("mux", context.signature().inputMeans())
                .info("sig", sig)
                .table("coefficients", LinearRegressionModel.coefficientTable(context, intercept, beta))
                .table("W", new ModelTable("attribute", components, context.inputNames(), table));
        return LinearRegressionModel.of(context, intercept, beta, details);
    }

    /** The SIMPLS weight vectors r and the y-loadings qₐ, one per component. */
    record Components(List<double[]> weights, double[] yLoadings) {

        /** w = Σₐ qₐ rₐ: the coefficients on the (standardised) inputs. */
        double[] coefficients() {
            double[] w = new double[weights.isEmpty() ? 0 : weights.get(0).length];
            for (int a = 0; a < weights.size(); a++) {
                for (int j = 0; j < w.length; j++) {
                    w[j] += yLoadings[a] * weights.get(a)[j];
                }
            }
            return w;
        }
    }

    /**
     * SIMPLS for one response from C (p × p) and s (p), up to {@code q} components. The search
     * stops early when sₐ is negligible (the target is explained) or rᵀCr ≤ τ·tr(C)·‖r‖² (no
     * variance left along r).
     */
    static Components simpls(DMatrixRMaj c, double[] s, int q, double tolerance) {
        int p = s.length;
        double trace = 0;
        for (int j = 0; j < p; j++) {
            trace += c.unsafe_get(j, j);
        }
        double norm = Math.sqrt(ScatterMatrices.dot(s, s));
        List<double[]> weights = new ArrayList<>();
        List<double[]> basis = new ArrayList<>();
        double[] loadings = new double[q];
        double[] deflated = s.clone();
        for (int a = 0; a < q; a++) {
            double remaining = Math.sqrt(ScatterMatrices.dot(deflated, deflated));
            if (remaining <= EXPLAINED * norm || norm == 0) {
                break;
            }
            double[] r = deflated.clone();
            double variance = ScatterMatrices.dot(r, ScatterMatrices.times(c, r));
            if (variance <= tolerance * trace * remaining * remaining) {
                break;
            }
            double scale = Math.sqrt(variance);
            for (int j = 0; j < p; j++) {
                r[j] /= scale;
            }
            double[] v = ScatterMatrices.times(c, r);
            loadings[a] = ScatterMatrices.dot(s, r);
            // Gram–Schmidt twice against the earlier loadings keeps V orthonormal in floating point
            for (int pass = 0; pass < 2; pass++) {
                for (double[] earlier : basis) {
                    double projection = ScatterMatrices.dot(earlier, v);
                    for (int j = 0; j < p; j++) {
                        v[j] -= projection * earlier[j];
                    }
                }
            }
            double length = Math.sqrt(ScatterMatrices.dot(v, v));
            for (int j = 0; j < p; j++) {
                v[j] /= length;
            }
            double projection = ScatterMatrices.dot(v, deflated);
            for (int j = 0; j < p; j++) {
                deflated[j] -= projection * v[j];
            }
            basis.add(v);
            weights.add(r);
        }
        double[] used = new double[weights.size()];
        System.arraycopy(loadings, 0, used, 0, used.length);
        return new Components(weights, used);
    }
}
