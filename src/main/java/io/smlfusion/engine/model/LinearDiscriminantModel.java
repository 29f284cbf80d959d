package io.smlfusion.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code lda}: Fisher's linear discriminant for a binary (0/1) target, from the statistics alone
 * (spec §10.2; T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical Learning", 2nd
 * ed., §4.3). With the class moments of {@link BinaryClassMoments} (n₁, n₀, μ₁, μ₀, s):
 * <pre>
 * T = Σ(x − x̄)(x − x̄)ᵀ   total scatter            B = s sᵀ n/(n₁n₀)   between-class scatter
 * W = T − B              within-class scatter      Σ = W/(n − 2)       pooled covariance
 * w = Σ⁻¹(μ₁ − μ₀)       discriminant direction (solved by {@link ScatterInverse})
 * z₁ = wᵀμ₁, zc₀ = wᵀμ₀  projected class means;    z0 = (z₁ + zc₀)/2    threshold
 * </pre>
 * With {@code estimate_type} given, Σ is replaced by D R̂ D, where R̂ is the
 * {@link CovarianceEstimator} estimate of the correlation matrix R = D⁻¹ΣD⁻¹, D = diag(√Σⱼⱼ) —
 * regularising the standardised matrix, as scikit-learn's {@code LinearDiscriminantAnalysis(
 * shrinkage=…)} does, so the result does not depend on the units of the inputs.
 *
 * <p>Prediction keys (spec §9), for a row x:
 * <ul>
 * <li>{@code resZ} = wᵀx, the discriminant score;</li>
 * <li>{@code z0}, the threshold: the midpoint of the projected class means (equal priors);</li>
 * <li>{@code z1LTz0}: whether class 1 projects below the threshold (z₁ &lt; z0); false whenever
 *     Σ is positive semi-definite, as it is here — kept because clients read it;</li>
 * <li>{@code res}: the predicted class, 1 when resZ lies on class 1's side of z0, else 0;</li>
 * <li>{@code normZ}: the posterior probability P(y = 1 | x) of the Gaussian model with common
 *     covariance Σ and priors n₁/n, n₀/n: 1/(1 + exp(−(resZ − z0 + ln(n₁/n₀)))) (ESL eq. 4.9);
 *     the score;</li>
 * <li>{@code resU}: the class with the threshold adjusted for class imbalance, zU = z0 − ln(n₁/n₀):
 *     1 when normZ &gt; 0.5, else 0.</li>
 * </ul>
 * Info: {@code z} (w, R-like), {@code z0}, {@code z1}, {@code zU}, {@code z1LTz0},
 * {@code distance} = √((μ₁ − μ₀)ᵀΣ⁻¹(μ₁ − μ₀)) (Mahalanobis distance of the class means),
 * {@code OverallContribution}: |wⱼ|sⱼ / Σₖ|wₖ|sₖ with sⱼ the input's standard deviation (the
 * share of each input in the spread of resZ), {@code prior1}, {@code rank}, {@code n};
 * extra {@code coefficients} ({@code coefficient}, {@code mean_1}, {@code mean_0},
 * {@code contribution}). Parameters in the model format: float64[] w, float64 z0, float64 z1,
 * float64 ln(n₁/n₀).
 */
public final class LinearDiscriminantModel extends Model {

    private static final List<String> KEYS = List.of("res", "resZ", "z0", "normZ", "resU",
            "z1LTz0");

    private final double[] direction;
    private final double threshold;
    private final double projectedMean1;
    private final double logPriorRatio;

    private LinearDiscriminantModel(ModelSignature signature, ModelDescription description,
                                    double[] direction, double threshold, double projectedMean1,
                                    double logPriorRatio) {
        super(signature, description);
        this.direction = direction.clone();
        this.threshold = threshold;
        this.projectedMean1 = projectedMean1;
        this.logPriorRatio = logPriorRatio;
    }

    static LinearDiscriminantModel fit(BuildContext context) {
        int target = context.binaryTarget();
        int[] inputs = context.inputs();
        context.requireRowsAbove(inputs.length + 1L, "more than inputs + 1 for the class means "
                + "and the pooled covariance");
        Moments moments = context.total();
        BinaryClassMoments classes = BinaryClassMoments.of(moments, inputs, target);
        double n = classes.count();
        DMatrixRMaj within = ScatterMatrices.scatter(moments, inputs);
        double[] cross = classes.cross();
        double between = n / (classes.ones() * classes.zeros());
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < inputs.length; j++) {
                within.unsafe_set(i, j, within.unsafe_get(i, j) - cross[i] * cross[j] * between);
            }
        }
        DMatrixRMaj covariance = ScatterMatrices.divided(within, n - 2);
        ModelDescription.Builder description = new ModelDescription.Builder();
        if (context.options().has("estimate_type")) {
            double[] scales = ScatterMatrices.rootDiagonal(covariance);
            double[] inverseScales = new double[scales.length];
            for (int j = 0; j < scales.length; j++) {
                inverseScales[j] = scales[j] == 0 ? 0 : 1 / scales[j];
            }
            DMatrixRMaj correlation = ScatterMatrices.rescaled(covariance, scales);
            covariance = ScatterMatrices.rescaled(
                    CovarianceEstimator.estimate(correlation, n, context, description),
                    inverseScales);
        }
        ScatterInverse inverse = ScatterInverse.of(covariance, context.inputNames(),
                RankPolicy.from(context.options()));
        double[] difference = classes.meanDifference();
        double[] w = inverse.solve(difference);
        double z1 = ScatterMatrices.dot(w, classes.mean1());
        double z0 = (z1 + ScatterMatrices.dot(w, classes.mean0())) / 2;
        double logPriorRatio = Math.log(classes.ones() / classes.zeros());

        double[] contribution = new double[inputs.length];
        double total = 0;
        for (int j = 0; j < inputs.length; j++) {
            contribution[j] = Math.abs(w[j]) * Math.sqrt(moments.m2(inputs[j]) / n);
            total += contribution[j];
        }
        for (int j = 0; j < inputs.length; j++) {
            contribution[j] = total == 0 ? 0 : contribution[j] / total;
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("coefficient", w);
        columns.put("mean_1", classes.mean1());
        columns.put("mean_0", classes.mean0());
        columns.put("contribution", contribution);
        description.info("z", w)
                .info("z0", z0)
                .info("z1", z1)
                .info("zU", z0 - logPriorRatio)
                .info("z1LTz0", z1 < z0)
                .info("distance", Math.sqrt(Math.max(ScatterMatrices.dot(w, difference), 0)))
                .info("OverallContribution", contribution)
                .info("prior1", classes.ones() / n)
                .info("rank", inverse.rank())
                .info("n", (long) n)
                .table("coefficients", ModelTable.ofColumns("attribute", context.inputNames(),
                        columns))
                .predicts(KEYS, List.of("normZ"));
        return new LinearDiscriminantModel(context.signature(), description.build(), w, z0, z1,
                logPriorRatio);
    }

    /** w, one weight per input. */
    public double[] direction() {
        return direction.clone();
    }

    /** z0, the threshold of {@code res}. */
    public double threshold() {
        return threshold;
    }

    /** ln(n₁/n₀): normZ = 1/(1 + exp(−(resZ − z0 + ln(n₁/n₀)))). */
    public double logPriorRatio() {
        return logPriorRatio;
    }

    @Override
    Prediction score(double[] row) {
        double z = ScatterMatrices.dot(direction, row);
        boolean below = projectedMean1 < threshold;
        double logOdds = z - threshold + logPriorRatio;
        double posterior = 1 / (1 + Math.exp(-logOdds));
        return Prediction.builder()
                .put("res", (z > threshold) != below ? 1L : 0L)
                .put("resZ", z)
                .put("z0", threshold)
                .put("normZ", posterior)
                .put("resU", logOdds > 0 ? 1L : 0L)
                .put("z1LTz0", below)
                .build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.float64s(direction);
        out.float64(threshold);
        out.float64(projectedMean1);
        out.float64(logPriorRatio);
    }

    static LinearDiscriminantModel read(ModelReader in, ModelSignature signature,
                                        ModelDescription description) throws ModelFormatException {
        double[] direction = in.float64s();
        if (direction.length != signature.inputs().size()) {
            throw in.malformed(direction.length + " weights for " + signature.inputs().size()
                    + " inputs");
        }
        return new LinearDiscriminantModel(signature, description, direction, in.float64(),
                in.float64(), in.float64());
    }
}
