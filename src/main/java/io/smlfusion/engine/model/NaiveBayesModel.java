package io.smlfusion.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code bayes}: Gaussian naive Bayes for a binary (0/1) target (e.g. ESL §6.6.3): inputs are
 * independent normals within each class, with the class means and population variances of
 * {@link BinaryClassMoments} (from the statistics alone) and priors πc = n_c/n:
 * <pre>
 * ln P(y = c, x) = ln πc − ½ Σⱼ [ ln(2π v_cj) + (xⱼ − μ_cj)² / v_cj ],   v_cj = var_cj + ε
 * Prob = P(y = 1 | x) = 1 / (1 + exp(ln P(y = 0, x) − ln P(y = 1, x)))
 * </pre>
 * Variance smoothing: ε = {@code laplace_factor} × 10⁻⁹ × maxⱼ varⱼ (varⱼ the input's variance
 * over all rows), so the default {@code laplace_factor} = 1 is scikit-learn's
 * {@code GaussianNB(var_smoothing=1e-9)}; 0 disables it, and then an input that is constant
 * within a class is an error naming it. {@code use_log_likelihood} (default true) combines the
 * class likelihoods in log space as above; false multiplies the densities directly, πc Πⱼ f_cj(xⱼ),
 * as the textbook writes it — those products underflow to 0 with many inputs, and when both do
 * (or either overflows) the log-space value is used instead.
 *
 * <p>Prediction keys {@code res} (1 when Prob &gt; 0.5, else 0) and {@code Prob}, the score.
 * Info: {@code laplace_factor}, {@code var_smoothing} (ε), {@code use_log_likelihood},
 * {@code prior1}, {@code n}; extra {@code class_moments} ({@code mean_0}, {@code variance_0},
 * {@code mean_1}, {@code variance_1}, smoothed). Parameters in the model format: flag
 * use_log_likelihood, float64 ln π₀, float64 ln π₁, float64[] μ₀, v₀, μ₁, v₁.
 */
public final class NaiveBayesModel extends Model {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final boolean logLikelihood;
    private final double logPrior0;
    private final double logPrior1;
    private final double[] mean0;
    private final double[] variance0;
    private final double[] mean1;
    private final double[] variance1;

    private NaiveBayesModel(ModelSignature signature, ModelDescription description,
                            boolean logLikelihood, double logPrior0, double logPrior1,
                            double[] mean0, double[] variance0, double[] mean1,
                            double[] variance1) {
        super(signature, description);
        this.logLikelihood = logLikelihood;
        this.logPrior0 = logPrior0;
        this.logPrior1 = logPrior1;
        this.mean0 = mean0.clone();
        this.variance0 = variance0.clone();
        this.mean1 = mean1.clone();
        this.variance1 = variance1.clone();
    }

    static NaiveBayesModel fit(BuildContext context) {
        int target = context.binaryTarget();
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        double laplace = options.number("laplace_factor", 1, 0, Double.MAX_VALUE);
        boolean logLikelihood = options.flag("use_log_likelihood", true);
        Moments moments = context.total();
        BinaryClassMoments classes = BinaryClassMoments.of(moments, inputs, target);
        double n = classes.count();
        double largest = 0;
        for (int input : inputs) {
            largest = Math.max(largest, moments.m2(input) / n);
        }
        double epsilon = laplace * 1e-9 * largest;
        double[] variance0 = classes.variance0();
        double[] variance1 = classes.variance1();
        for (int j = 0; j < inputs.length; j++) {
            variance0[j] += epsilon;
            variance1[j] += epsilon;
            if (!(variance0[j] > 0) || !(variance1[j] > 0)) {
                throw context.failure("input '" + context.inputNames().get(j) + "' is constant "
                        + "within class " + (variance1[j] > 0 ? 0 : 1) + " of '"
                        + context.targetName() + "'; set laplace_factor > 0 to smooth variances");
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("mean_0", classes.mean0());
        columns.put("variance_0", variance0);
        columns.put("mean_1", classes.mean1());
        columns.put("variance_1", variance1);
        ModelDescription description = new ModelDescription.Builder()
                .info("laplace_factor", laplace)
                .info("var_smoothing", epsilon)
                .info("use_log_likelihood", logLikelihood)
                .info("prior1", classes.ones() / n)
                .info("n", (long) n)
                .table("class_moments", ModelTable.ofColumns("attribute", context.inputNames(),
                        columns))
                .predicts(List.of("res", "Prob"), List.of("Prob"))
                .build();
        return new NaiveBayesModel(context.signature(), description, logLikelihood,
                Math.log(classes.zeros() / n), Math.log(classes.ones() / n), classes.mean0(),
                variance0, classes.mean1(), variance1);
    }

    @Override
    Prediction score(double[] row) {
        double log0 = logJoint(row, logPrior0, mean0, variance0);
        double log1 = logJoint(row, logPrior1, mean1, variance1);
        double probability = 1 / (1 + Math.exp(log0 - log1));
        if (!logLikelihood) {
            double joint0 = Math.exp(logPrior0) * density(row, mean0, variance0);
            double joint1 = Math.exp(logPrior1) * density(row, mean1, variance1);
            double direct = joint1 / (joint0 + joint1);
            if (Double.isFinite(direct)) {
                probability = direct;
            }
        }
        return Prediction.builder().put("res", probability > 0.5 ? 1L : 0L)
                .put("Prob", probability).build();
    }

    private static double logJoint(double[] row, double logPrior, double[] mean,
                                   double[] variance) {
        double sum = logPrior;
        for (int j = 0; j < row.length; j++) {
            double deviation = row[j] - mean[j];
            sum -= HALF_LOG_TWO_PI + 0.5 * Math.log(variance[j])
                    + deviation * deviation / (2 * variance[j]);
        }
        return sum;
    }

    private static double density(double[] row, double[] mean, double[] variance) {
        double product = 1;
        for (int j = 0; j < row.length; j++) {
            double deviation = row[j] - mean[j];
            product *= Math.exp(-deviation * deviation / (2 * variance[j]))
                    / Math.sqrt(2 * Math.PI * variance[j]);
        }
        return product;
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.flag(logLikelihood);
        out.float64(logPrior0);
        out.float64(logPrior1);
        out.float64s(mean0);
        out.float64s(variance0);
        out.float64s(mean1);
        out.float64s(variance1);
    }

    static NaiveBayesModel read(ModelReader in, ModelSignature signature,
                                ModelDescription description) throws ModelFormatException {
        boolean logLikelihood = in.flag();
        double logPrior0 = in.float64();
        double logPrior1 = in.float64();
        double[][] vectors = {in.float64s(), in.float64s(), in.float64s(), in.float64s()};
        for (double[] vector : vectors) {
            if (vector.length != signature.inputs().size()) {
                throw in.malformed("class moments of length " + vector.length + " for "
                        + signature.inputs().size() + " inputs");
            }
        }
        return new NaiveBayesModel(signature, description, logLikelihood, logPrior0, logPrior1,
                vectors[0], vectors[1], vectors[2], vectors[3]);
    }
}
