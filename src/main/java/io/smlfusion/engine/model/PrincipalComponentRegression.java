package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code pcr}: principal components regression (I. T. Jolliffe, "Principal Component Analysis",
 * 2nd ed., Springer 2002, §8.1). With {@code standardize=true} (default) the components are those
 * of the correlation matrix of the inputs (x̃ⱼ = (xⱼ − x̄ⱼ)/sⱼ, population sⱼ), otherwise of their
 * covariance matrix; M = X̃ᵀX̃/n = V Λ Vᵀ ({@link PrincipalAxes}). The first q components are kept
 * ({@code q}, or the fewest explaining {@code explained_variance}, default 0.95, of the total).
 * Component scores are uncorrelated, so the regression of ỹ = y − ȳ on them is one ratio each:
 * <pre>
 * γₖ = vₖᵀc / λₖ,  c = X̃ᵀỹ/n;   w = Σₖ≤q γₖ vₖ;   βⱼ = wⱼ/sⱼ,  β₀ = ȳ − βᵀx̄
 * </pre>
 * ({@code pcr_type=full}, the only one supported: one prediction {@code res}). With q = p this
 * is ordinary least squares.
 *
 * <p>Info: {@code model}, {@code model_bias}, {@code q}, {@code standardize},
 * {@code explained_variance} (share held by the kept components), {@code eigenvalues},
 * {@code muy}, {@code mux}, {@code sig} (the sⱼ; 1 without standardisation), {@code pcr_type};
 * extra {@code coefficients} and {@code W} (attribute × component loadings vₖ, kept components).
 */
final class PrincipalComponentRegression {

    private PrincipalComponentRegression() {
    }

    static LinearRegressionModel fit(BuildContext context) {
        int target = context.target();
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        String type = options.text("pcr_type", "full");
        if (!type.equals("full")) {
            throw ModelOptions.invalid("pcr_type", type, "is not supported; supported: full");
        }
        context.requireRowsAbove(2, "to centre the data");
        boolean standardize = options.flag("standardize", true);
        Moments moments = context.total();
        ScatterMatrices.Standardised problem = ScatterMatrices.standardised(moments, inputs,
                target, standardize);
        PrincipalAxes axes = PrincipalAxes.of(problem.gram());
        int q = axes.componentsToKeep(context);
        double[] eigenvalues = axes.eigenvalues();
        double[] weights = new double[inputs.length];
        double[][] loadings = new double[inputs.length][q];
        for (int k = 0; k < q; k++) {
            double[] axis = axes.vector(k);
            double gamma = ScatterMatrices.dot(axis, problem.cross()) / eigenvalues[k];
            for (int j = 0; j < weights.length; j++) {
                weights[j] += gamma * axis[j];
                loadings[j][k] = axis[j];
            }
        }
        double[] beta = problem.unscaled(weights);
        double[] means = ScatterMatrices.means(moments, inputs);
        double intercept = LinearRegressionModel.intercept(context, beta);
        List<String> components = new ArrayList<>();
        for (int k = 1; k <= q; k++) {
            components.add("PC" + k);
        }
        ModelDescription.Builder details = new ModelDescription.Builder()
                .info("pcr_type", type)
                .info("q", q)
                .info("standardize", standardize)
                .info("explained_variance", axes.explained(q))
                .info("eigenvalues", eigenvalues)
                .info("muy", moments.mean(target))
                .info("mux", means)
                .info("sig", problem.scales())
                .table("coefficients",
                        LinearRegressionModel.coefficientTable(context, intercept, beta))
                .table("W", new ModelTable("attribute", components, context.inputNames(),
                        loadings));
        return LinearRegressionModel.of(context, intercept, beta, details);
    }
}
