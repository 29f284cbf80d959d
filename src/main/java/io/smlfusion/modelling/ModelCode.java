package io.smlfusion.modelling;

import java.util.List;
import java.util.Locale;

import io.smlfusion.engine.model.LinearDiscriminantModel;
import io.smlfusion.engine.model.LinearRegressionModel;
import io.smlfusion.engine.model.Model;
import io.smlfusion.refusal.RequestRefused;

/**
 * Source code that computes a model's score from its inputs ({@code models/{id}/code}, spec §8.3),
 * for the linear models: {@code mlr}, {@code ridge}, {@code lasso}, {@code elasticnet},
 * {@code pcr} (score {@code res} = β₀ + Σ βⱼxⱼ, clipped at 0 when the model clips) and
 * {@code lda} (score {@code normZ} = 1/(1 + exp(−(Σ wⱼxⱼ − z0 + ln(n₁/n₀))))). Parameters are
 * written with {@link Double#toString} (they read back bit for bit) and in the server's order of
 * operations, so the code gives the server's prediction exactly (up to the last bit of
 * {@code exp} in SQL). Like the server's default, a missing input is replaced by its training
 * mean: NaN in Java, NULL in SQL.
 * <ul>
 * <li>{@link Language#JAVA}: one self-contained {@code public static double predict_<id>(double[] x)}
 *     method, {@code x} holding the inputs in the model's order (listed in its comment);</li>
 * <li>{@link Language#SQL}: one SQL expression over columns named like the inputs (delimited
 *     identifiers), e.g. for {@code SELECT <expression> AS "res" FROM t}; standard SQL
 *     ({@code COALESCE}, {@code CASE}, {@code EXP}), checked on Apache Derby.</li>
 * </ul>
 */
public final class ModelCode {

    public enum Language {
        JAVA, SQL;

        /** {@code java} (also when absent) or {@code sql}, in any case. */
        public static Language of(String language) {
            if (language == null || language.isBlank()) {
                return JAVA;
            }
            return switch (language.strip().toLowerCase(Locale.ROOT)) {
                case "java" -> JAVA;
                case "sql" -> SQL;
                default -> throw RequestRefused.invalid("language = '" + language + "' is not supported: use java or sql");
            };
        }
    }

    private ModelCode() {
    }

    /**
     * @throws RequestRefused 400 when the model is not one of the linear models above
     */
    public static String generate(String modelId, Model model, Language language) {
        Linear linear = linear(modelId, model);
        return language == Language.JAVA ? java(modelId, model, linear) : sql(model, linear);
    }

    /** A linear score: a weighted sum of the inputs, then either β₀ + sum (clipped) or the LDA posterior. */
    private record Linear(double[] weights, boolean discriminant, double constant, double logPriorRatio, boolean clip) {
    }

    private static Linear linear(String modelId, Model model) {
        Linear linear;
        if (model instanceof LinearRegressionModel regression) {
            boolean clip = Boolean.parseBoolean(model.description().info().get("clip_negative_predictions"));
            linear = new Linear(regression.coefficients(), false, regression.intercept(), 0, clip);
        } else if (model instanceof LinearDiscriminantModel lda) {
            linear = new Linear(lda.direction(), true, lda.threshold(), lda.logPriorRatio(), false);
        } else {
            throw RequestRefused.invalid("Model [" + modelId + "] is " + model.algorithm().id()
                    + ": code is generated for mlr, ridge, lasso, elasticnet, pcr and lda models");
        }
        double[] all = new double[linear.weights().length + 2];
        System.arraycopy(linear.weights(), 0, all, 0, linear.weights().length);
        all[all.length - 2] = linear.constant();
        all[all.length - 1] = linear.logPriorRatio();
        for (double value : all) {
            if (!Double.isFinite(value)) {
                throw RequestRefused.invalid("Model [" + modelId + "] has a parameter that is not a finite number;"
                        + " no code can compute it");
            }
        }
        return linear;
    }

    private static String java(String modelId, Model model, Linear linear) {
        List<String> inputs = model.inputs();
        double[] means = model.inputMeans();
        String score = model.description().scoreInfo().isEmpty() ? "res" : model.description().scoreInfo().get(0);
        StringBuilder code = new StringBuilder();
        code.append("/**\n * ").append(comment(model.algorithm().id())).append(" model '").append(comment(modelId))
                .append("'");
        if (!model.targets().isEmpty()) {
            code.append(" of ").append(comment(String.join(", ", model.targets())));
        }
        code.append(": returns its score '").append(comment(score)).append("'");
        if (linear.discriminant()) {
            code.append(", P(class 1 | x); the class 'res' is 1 when resZ = Σ w·x > z0 = ")
                    .append(linear.constant());
        }
        code.append(".\n * x holds the inputs in this order; a NaN is replaced by the input's mean:\n");
        for (int j = 0; j < inputs.size(); j++) {
            code.append(" *   x[").append(j).append("] = ").append(comment(inputs.get(j)))
                    .append(" (mean ").append(means[j]).append(")\n");
        }
        code.append(" */\npublic static double predict_").append(identifier(modelId)).append("(double[] x) {\n");
        code.append("    double sum = 0.0;\n");
        for (int j = 0; j < inputs.size(); j++) {
            code.append("    sum += ").append(linear.weights()[j]).append(" * (Double.isNaN(x[").append(j)
                    .append("]) ? ").append(means[j]).append(" : x[").append(j).append("]);\n");
        }
        if (linear.discriminant()) {
            code.append("    double logOdds = sum - ").append(literal(linear.constant())).append(" + ")
                    .append(literal(linear.logPriorRatio())).append(";\n");
            code.append("    return 1 / (1 + Math.exp(-logOdds));\n");
        } else {
            code.append("    double res = ").append(linear.constant()).append(" + sum;\n");
            code.append(linear.clip() ? "    return Math.max(0, res);\n" : "    return res;\n");
        }
        return code.append("}\n").toString();
    }

    private static String sql(Model model, Linear linear) {
        List<String> inputs = model.inputs();
        double[] means = model.inputMeans();
        StringBuilder sum = new StringBuilder("(");
        for (int j = 0; j < inputs.size(); j++) {
            if (j > 0) {
                sum.append(" + ");
            }
            sum.append(sqlNumber(linear.weights()[j])).append(" * COALESCE(").append(sqlIdentifier(inputs.get(j)))
                    .append(", ").append(sqlNumber(means[j])).append(")");
        }
        sum.append(")");
        if (linear.discriminant()) {
            return "1.0E0 / (1.0E0 + EXP(-((" + sum + " - " + sqlNumber(linear.constant()) + ") + "
                    + sqlNumber(linear.logPriorRatio()) + ")))";
        }
        String res = "(" + sqlNumber(linear.constant()) + " + " + sum + ")";
        return linear.clip() ? "CASE WHEN " + res + " < 0.0E0 THEN 0.0E0 ELSE " + res + " END" : res;
    }

    /** A Java literal that reads back exactly, parenthesised when negative. */
    private static String literal(double value) {
        String text = Double.toString(value);
        return value < 0 || text.startsWith("-") ? "(" + text + ")" : text;
    }

    /** An approximate-numeric SQL literal (typed DOUBLE, not DECIMAL) that reads back exactly. */
    static String sqlNumber(double value) {
        String text = Double.toString(value);
        if (!text.contains("E")) {
            text += "E0";
        }
        return text.startsWith("-") ? "(" + text + ")" : text;
    }

    /** A delimited SQL identifier: the attribute name in double quotes, inner quotes doubled. */
    static String sqlIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A model id as a Java identifier part (model ids are letters, digits, '.', '_' and '-'). */
    static String identifier(String modelId) {
        StringBuilder id = new StringBuilder();
        modelId.codePoints().forEach(c -> id.appendCodePoint(Character.isJavaIdentifierPart(c) && c < 128 ? c : '_'));
        return id.toString();
    }

    /** Text safe inside a Java comment: no comment end, no line break, no unicode escape. */
    private static String comment(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return safe.toString().replace("\\", "\\\\").replace("*/", "*\\/");
    }
}
