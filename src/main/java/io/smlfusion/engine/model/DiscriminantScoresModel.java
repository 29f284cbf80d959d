package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code mlda} and {@code mqda}: multi-class linear and quadratic discriminant analysis on a
 * partitioned project, one class per partition value k with its own block of statistics (nₖ rows,
 * means μₖ, scatter Sₖ), priors πₖ = nₖ/n (ESL §4.3). Each class gets a discriminant function
 * δₖ(x) = −½ xᵀAₖx + bₖᵀx + cₖ, and a row is assigned the class of the largest δₖ:
 * <pre>
 * mlda: Σ = Σₖ Sₖ / (n − K)  (pooled, unbiased);  Aₖ = 0,  bₖ = Σ⁻¹μₖ,  cₖ = −½ μₖᵀΣ⁻¹μₖ + ln πₖ
 * mqda: Σₖ = Sₖ / (nₖ − 1);  Aₖ = Σₖ⁻¹,  bₖ = Σₖ⁻¹μₖ,
 *       cₖ = −½ μₖᵀΣₖ⁻¹μₖ − ½ ln|Σₖ| + ln πₖ       (δₖ = ln πₖ − ½ ln|Σₖ| − ½ (x − μₖ)ᵀΣₖ⁻¹(x − μₖ))
 * </pre>
 * (the mqda values equal scikit-learn's {@code QuadraticDiscriminantAnalysis} decision function).
 * Inverses and log-determinants per {@link ScatterInverse}; for a singular Σₖ the
 * log pseudo-determinant. The targets of the spec are informative only: the classes are the
 * partitions.
 *
 * <p>Prediction keys: one per class name, its δₖ(x), then {@code res}, the predicted class name.
 * Info: {@code classes}, {@code priors}, {@code n}, {@code rank} (pooled, mlda) or
 * {@code rank_<class>} (mqda); extra {@code class_means} (attribute × class). Parameters in the
 * model format: int32 K, then per class: text name, flag quadratic, [matrix Aₖ], float64[] bₖ,
 * float64 cₖ.
 */
public final class DiscriminantScoresModel extends Model {

    /** The discriminant function of one class; {@code quadratic} is null for mlda. */
    private record ClassScore(String name, DMatrixRMaj quadratic, double[] linear,
                              double constant) {

        double at(double[] x) {
            double value = ScatterMatrices.dot(linear, x) + constant;
            if (quadratic != null) {
                value -= 0.5 * ScatterMatrices.dot(x, ScatterMatrices.times(quadratic, x));
            }
            return value;
        }
    }

    private final List<ClassScore> classes;

    private DiscriminantScoresModel(ModelSignature signature, ModelDescription description,
                                    List<ClassScore> classes) {
        super(signature, description);
        this.classes = List.copyOf(classes);
    }

    static DiscriminantScoresModel fit(BuildContext context) {
        Map<String, Moments> blocks = context.classes();
        int[] inputs = context.inputs();
        boolean quadratic = context.algorithm() == ModelAlgorithm.MQDA;
        RankPolicy policy = RankPolicy.from(context.options());
        double n = blocks.values().stream().mapToDouble(Moments::count).sum();
        int classCount = blocks.size();
        ModelDescription.Builder description = new ModelDescription.Builder();
        ScatterInverse pooled = null;
        if (!quadratic) {
            if (n - classCount <= inputs.length) {
                throw context.failure("needs more than inputs + classes rows for the pooled "
                        + "covariance; the project has " + (long) n + " rows for "
                        + inputs.length + " inputs and " + classCount + " classes");
            }
            pooled = ScatterInverse.of(ScatterMatrices.divided(
                    ScatterMatrices.pooledScatter(blocks.values(), inputs), n - classCount),
                    context.inputNames(), policy);
            description.info("rank", pooled.rank());
        }
        List<ClassScore> scores = new ArrayList<>();
        Map<String, double[]> means = new LinkedHashMap<>();
        double[] priors = new double[classCount];
        for (Map.Entry<String, Moments> entry : blocks.entrySet()) {
            String name = entry.getKey();
            Moments block = entry.getValue();
            if (name.equals("res")) {
                throw context.failure("cannot name a class 'res': that key holds the predicted "
                        + "class");
            }
            double[] mean = ScatterMatrices.means(block, inputs);
            double prior = block.count() / n;
            ScatterInverse inverse = pooled;
            if (quadratic) {
                if (block.count() <= inputs.length) {
                    throw context.failure("needs more rows than inputs in every class; class '"
                            + name + "' has " + block.count() + " rows for " + inputs.length
                            + " inputs");
                }
                inverse = ScatterInverse.of(ScatterMatrices.divided(
                        ScatterMatrices.scatter(block, inputs), block.count() - 1.0),
                        context.inputNames(), policy);
                description.info("rank_" + name, inverse.rank());
            }
            DMatrixRMaj precision = inverse.inverse();
            double[] linear = ScatterMatrices.times(precision, mean);
            double constant = -0.5 * ScatterMatrices.dot(mean, linear) + Math.log(prior);
            if (quadratic) {
                constant -= 0.5 * inverse.logDeterminant();
            }
            scores.add(new ClassScore(name, quadratic ? precision : null, linear, constant));
            means.put(name, mean);
            priors[scores.size() - 1] = prior;
        }
        List<String> keys = new ArrayList<>(blocks.keySet());
        keys.add("res");
        description.info("classes", String.join(", ", blocks.keySet()))
                .info("priors", priors)
                .info("n", (long) n)
                .table("class_means", ModelTable.ofColumns("attribute", context.inputNames(),
                        means))
                .predicts(keys, List.of());
        return new DiscriminantScoresModel(context.signature(), description.build(), scores);
    }

    @Override
    Prediction score(double[] row) {
        Prediction.Builder prediction = Prediction.builder();
        ClassScore best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (ClassScore score : classes) {
            double value = score.at(row);
            prediction.put(score.name(), value);
            if (best == null || value > bestValue) {
                best = score;
                bestValue = value;
            }
        }
        return prediction.put("res", best.name()).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.int32(classes.size());
        for (ClassScore score : classes) {
            out.utf8(score.name());
            out.flag(score.quadratic() != null);
            if (score.quadratic() != null) {
                out.matrix(score.quadratic());
            }
            out.float64s(score.linear());
            out.float64(score.constant());
        }
    }

    static DiscriminantScoresModel read(ModelReader in, ModelSignature signature,
                                        ModelDescription description) throws ModelFormatException {
        int count = in.int32();
        if (count < 1) {
            throw in.malformed("a discriminant model needs at least one class, not " + count);
        }
        int p = signature.inputs().size();
        List<ClassScore> classes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String name = in.utf8();
            DMatrixRMaj quadratic = in.flag() ? in.matrix() : null;
            double[] linear = in.float64s();
            if (linear.length != p || (quadratic != null
                    && (quadratic.numRows != p || quadratic.numCols != p))) {
                throw in.malformed("class '" + name + "' does not match the " + p + " inputs");
            }
            classes.add(new ClassScore(name, quadratic, linear, in.float64()));
        }
        return new DiscriminantScoresModel(signature, description, classes);
    }
}
