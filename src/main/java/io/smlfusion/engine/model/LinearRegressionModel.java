package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted linear model ŷ = β₀ + Σ βⱼ xⱼ in the units of the data: the model of {@code mlr},
 * {@code ridge}, {@code lasso}, {@code elasticnet} and {@code pcr} (their fitting is in
 * {@link OrdinaryLeastSquares}, {@link PenalizedRegression}, {@link PrincipalComponentRegression}).
 *
 * <p>Prediction key {@code res} = ŷ, also the score; with {@code clip_negative_predictions=true}
 * (default false) ŷ is clipped at 0. Parameters in the model format: float64 β₀, float64[] β,
 * flag clip.
 */
public final class LinearRegressionModel extends Model {

    private static final String RES = "res";
    private static final String INTERCEPT_ROW = "(Intercept)";

    private final double intercept;
    private final double[] coefficients;
    private final boolean clipNegative;

    private LinearRegressionModel(ModelSignature signature, ModelDescription description,
                                  double intercept, double[] coefficients, boolean clipNegative) {
        super(signature, description);
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.clipNegative = clipNegative;
    }

    /**
     * A model of the context's inputs. The description gets {@code model} (β as an R-like
     * vector), {@code model_bias} (β₀) and {@code clip_negative_predictions} first, then
     * {@code details}'s entries.
     */
    static LinearRegressionModel of(BuildContext context, double intercept, double[] coefficients,
                                    ModelDescription.Builder details) {
        boolean clip = context.options().flag("clip_negative_predictions", false);
        ModelDescription.Builder description = new ModelDescription.Builder()
                .info("model", coefficients)
                .info("model_bias", intercept)
                .info("clip_negative_predictions", clip);
        description.append(details.build()).predicts(List.of(RES), List.of(RES));
        return new LinearRegressionModel(context.signature(), description.build(), intercept,
                coefficients, clip);
    }

    /**
     * β₀ = ȳ − βᵀx̄: the intercept that makes the model pass through the means, summed by
     * {@link CompensatedDot} since β₀ is often a small difference of large terms.
     */
    static double intercept(BuildContext context, double[] coefficients) {
        return CompensatedDot.residual(context.total().mean(context.target()), coefficients,
                context.signature().inputMeans());
    }

    /**
     * The {@code coefficients} table of spec §8.5: one row for the intercept, then one per input;
     * columns {@code coefficient}, the given ones (each with a value per row), then
     * {@code mean_<TARGET>} — the mean of the row's attribute (the target's mean on the intercept
     * row).
     */
    static ModelTable coefficientTable(BuildContext context, double intercept,
                                       double[] coefficients, Map<String, double[]> columns) {
        List<String> labels = new ArrayList<>(List.of(INTERCEPT_ROW));
        labels.addAll(context.inputNames());
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put("coefficient", prepend(intercept, coefficients));
        all.putAll(columns);
        all.put("mean_" + context.targetName(), prepend(context.total().mean(context.target()),
                context.signature().inputMeans()));
        return ModelTable.ofColumns("attribute", labels, all);
    }

    private static double[] prepend(double first, double[] rest) {
        double[] values = new double[rest.length + 1];
        values[0] = first;
        System.arraycopy(rest, 0, values, 1, rest.length);
        return values;
    }

    /** A coefficient table with only the coefficients and means. */
    static ModelTable coefficientTable(BuildContext context, double intercept,
                                       double[] coefficients) {
        return coefficientTable(context, intercept, coefficients, new LinkedHashMap<>());
    }

    public double intercept() {
        return intercept;
    }

    /** β, one per input. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    Prediction score(double[] row) {
        double value = intercept + ScatterMatrices.dot(coefficients, row);
        return Prediction.builder().put(RES, clipNegative ? Math.max(0, value) : value).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.float64(intercept);
        out.float64s(coefficients);
        out.flag(clipNegative);
    }

    static LinearRegressionModel read(ModelReader in, ModelSignature signature,
                                      ModelDescription description) throws ModelFormatException {
        double intercept = in.float64();
        double[] coefficients = in.float64s();
        if (coefficients.length != signature.inputs().size()) {
            throw in.malformed(coefficients.length + " coefficients for "
                    + signature.inputs().size() + " inputs");
        }
        return new LinearRegressionModel(signature, description, intercept, coefficients,
                in.flag());
    }
}
