package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code ridge}, {@code lasso} and {@code elasticnet}: the elastic-net linear model fitted by
 * {@link CoordinateDescent} on the (standardised) covariance of the inputs, with an intercept.
 *
 * <p>Problem. With {@code standardize=true} (default) each input is centred and divided by its
 * population standard deviation, x̃ⱼ = (xⱼ − x̄ⱼ)/sⱼ, sⱼ² = Sⱼⱼ/n; otherwise only centred. The
 * target is centred, ỹ = y − ȳ. The weights minimise (1/2n)‖ỹ − X̃w‖² + λ((1 − η)/2‖w‖² + η‖w‖₁)
 * — glmnet's parametrisation, and scikit-learn's {@code ElasticNet(alpha=λ, l1_ratio=η)} on X̃ —
 * so ridge is η = 0 (scikit-learn {@code Ridge(alpha=nλ)} on X̃) and lasso η = 1. The model in
 * data units is βⱼ = wⱼ/sⱼ, β₀ = ȳ − βᵀx̄. G = X̃ᵀX̃/n and c = X̃ᵀỹ/n come from the centred
 * co-moments, so the fit costs O(p²) per sweep whatever the number of rows.
 *
 * <p>Options: {@code lambda} (≥ 0; when absent, or with {@code aicc=true}, λ is searched),
 * {@code eta} (elasticnet only, 0 … 1; default 0.5, or searched with λ when absent), {@code
 * standardize} (true), {@code maxiter} (sweeps, 10000), {@code tolerance} (1e-5, see
 * {@link CoordinateDescent}); search grid {@code min_lambda_power} (−10), {@code max_lambda_power}
 * (3), {@code num_lambda} (100): λ = 10^t for t evenly spaced from max to min, each fit starting
 * from the previous one; for elasticnet without {@code eta} also {@code min_eta} (0),
 * {@code max_eta} (1), {@code num_eta} (11).
 *
 * <p>AICc search. Each candidate is scored by AICc = n ln(SSE/n) + 2k + 2k(k + 1)/(n − k − 1)
 * with k = df + 1 (the intercept) (C. M. Hurvich, C.-L. Tsai, "Regression and time series model
 * selection in small samples", Biometrika 76(2), 1989); candidates with n − k − 1 ≤ 0 are
 * skipped; the lowest AICc wins, ties to the larger λ. The degrees of freedom are those of the
 * elastic net on its active set A = {j : wⱼ ≠ 0}: df = tr(G_AA (G_AA + λ(1 − η)I)⁻¹) = Σ eᵢ/(eᵢ +
 * λ(1 − η)) over the eigenvalues eᵢ of G_AA (R. J. Tibshirani, J. Taylor, "Degrees of freedom in
 * lasso problems", Ann. Statist. 40(2), 2012, eq. 25 with X̃ scaled by 1/√n), which is |A| for
 * the lasso (H. Zou, T. Hastie, R. Tibshirani, "On the degrees of freedom of the lasso", Ann.
 * Statist. 35(5), 2007) and the usual tr(H) for ridge.
 *
 * <p>Info: {@code lambda}, {@code eta}, {@code standardize}, {@code maxiter}, {@code tolerance},
 * {@code iterations} (sweeps), {@code converged}, {@code df}, {@code aicc}; after a search also
 * {@code lambda_vec}, {@code eta_vec} and {@code aicc_vec} (one entry per candidate, in search
 * order); extra {@code coefficients} ({@code coefficient}, {@code mean_<TARGET>}).
 */
final class PenalizedRegression {

    private PenalizedRegression() {
    }

    /** One fitted candidate. */
    private record Candidate(double lambda, double eta, CoordinateDescent.Solution solution,
                             double df, double aicc) {
    }

    static LinearRegressionModel fit(BuildContext context) {
        int target = context.target();
        int[] inputs = context.inputs();
        context.requireRowsAbove(2, "to centre the data and estimate a residual variance");
        ModelOptions options = context.options();
        Moments moments = context.total();
        boolean standardize = options.flag("standardize", true);
        int maxSweeps = options.wholeNumber("maxiter", 10000, 1);
        double tolerance = options.number("tolerance", 1e-5, 0, 1);

        ScatterMatrices.Standardised problem = ScatterMatrices.standardised(moments, inputs,
                target, standardize);
        CoordinateDescent descent = new CoordinateDescent(problem.gram(), problem.cross(),
                problem.targetVariance());

        boolean search = !options.has("lambda") || options.flag("aicc", false);
        List<Candidate> candidates = candidates(context, descent, search, maxSweeps, tolerance);
        Candidate best = candidates.get(0);
        for (Candidate candidate : candidates) {
            if (candidate.aicc() < best.aicc()) {
                best = candidate;
            }
        }
        double[] beta = problem.unscaled(best.solution().weights());
        double intercept = LinearRegressionModel.intercept(context, beta);

        ModelDescription.Builder details = new ModelDescription.Builder()
                .info("lambda", best.lambda())
                .info("eta", best.eta())
                .info("standardize", standardize)
                .info("maxiter", maxSweeps)
                .info("tolerance", tolerance)
                .info("iterations", best.solution().sweeps())
                .info("converged", best.solution().converged())
                .info("df", best.df())
                .info("aicc", best.aicc());
        if (search) {
            details.info("lambda_vec", candidates.stream().mapToDouble(Candidate::lambda).toArray())
                    .info("eta_vec", candidates.stream().mapToDouble(Candidate::eta).toArray())
                    .info("aicc_vec", candidates.stream().mapToDouble(Candidate::aicc).toArray());
        }
        details.table("coefficients",
                LinearRegressionModel.coefficientTable(context, intercept, beta));
        return LinearRegressionModel.of(context, intercept, beta, details);
    }

    /** Every λ of the grid for each η (warm starts along each path), or the one λ given. */
    private static List<Candidate> candidates(BuildContext context, CoordinateDescent descent,
                                              boolean search, int maxSweeps, double tolerance) {
        ModelOptions options = context.options();
        double n = context.count();
        double[] etas = etas(context);
        int p = context.inputs().length;
        List<Candidate> candidates = new ArrayList<>();
        if (!search) {
            double lambda = options.number("lambda", 0, 0, Double.MAX_VALUE);
            candidates.add(candidate(descent, n, lambda, etas[0], new double[p], maxSweeps,
                    tolerance));
            return candidates;
        }
        double[] lambdas = lambdaGrid(options);
        for (double eta : etas) {
            double[] start = new double[p];
            for (double lambda : lambdas) {
                Candidate candidate = candidate(descent, n, lambda, eta, start, maxSweeps,
                        tolerance);
                candidates.add(candidate);
                start = candidate.solution().weights();
            }
        }
        return candidates;
    }

    private static Candidate candidate(CoordinateDescent descent, double n, double lambda,
                                       double eta, double[] start, int maxSweeps,
                                       double tolerance) {
        CoordinateDescent.Solution solution = descent.solve(lambda, eta, start, maxSweeps,
                tolerance);
        double df = degreesOfFreedom(descent.gram(), solution.weights(), lambda * (1 - eta));
        double k = df + 1;
        double sse = n * descent.meanSquaredResidual(solution.weights());
        double aicc = n - k - 1 <= 0 ? Double.POSITIVE_INFINITY
                : n * Math.log(sse / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1);
        return new Candidate(lambda, eta, solution, df, aicc);
    }

    /** df = Σ eᵢ/(eᵢ + ridge) over the eigenvalues of G on the active set (class comment). */
    private static double degreesOfFreedom(DMatrixRMaj gram, double[] weights, double ridge) {
        int[] active = IntStream.range(0, weights.length)
                .filter(j -> weights[j] != 0).toArray();
        if (active.length == 0) {
            return 0;
        }
        if (ridge == 0) {
            return active.length;
        }
        DMatrixRMaj restricted = new DMatrixRMaj(active.length, active.length);
        for (int r = 0; r < active.length; r++) {
            for (int c = 0; c < active.length; c++) {
                restricted.unsafe_set(r, c, gram.unsafe_get(active[r], active[c]));
            }
        }
        double df = 0;
        for (double eigenvalue : SingularOps_DDRM.singularValues(restricted)) {
            df += eigenvalue / (eigenvalue + ridge);
        }
        return df;
    }

    /** The η values to fit: fixed by the algorithm, given, defaulted or searched. */
    private static double[] etas(BuildContext context) {
        ModelOptions options = context.options();
        ModelAlgorithm algorithm = context.algorithm();
        if (algorithm != ModelAlgorithm.ELASTICNET) {
            double fixed = algorithm == ModelAlgorithm.RIDGE ? 0 : 1;
            OptionalDouble eta = options.number("eta");
            if (eta.isPresent() && eta.getAsDouble() != fixed) {
                throw context.failure("fixes eta = " + (int) fixed + "; use elasticnet for "
                        + "eta = " + options.text("eta"));
            }
            return new double[] {fixed};
        }
        if (options.has("eta")) {
            return new double[] {options.number("eta", 0.5, 0, 1)};
        }
        if (options.has("lambda") && !options.flag("aicc", false)) {
            return new double[] {0.5};
        }
        double min = options.number("min_eta", 0, 0, 1);
        double max = options.number("max_eta", 1, min, 1);
        int count = options.wholeNumber("num_eta", 11, 1);
        return grid(min, max, count);
    }

    /** λ = 10^t, t from max_lambda_power down to min_lambda_power. */
    private static double[] lambdaGrid(ModelOptions options) {
        double min = options.number("min_lambda_power", -10, -300, 300);
        double max = options.number("max_lambda_power", 3, min, 300);
        int count = options.wholeNumber("num_lambda", 100, 1);
        double[] powers = grid(max, min, count);
        double[] lambdas = new double[count];
        for (int k = 0; k < count; k++) {
            lambdas[k] = Math.pow(10, powers[k]);
        }
        return lambdas;
    }

    /** {@code count} evenly spaced values from {@code first} to {@code last}. */
    private static double[] grid(double first, double last, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = count == 1 ? first : first + (last - first) * k / (count - 1);
        }
        return values;
    }
}
