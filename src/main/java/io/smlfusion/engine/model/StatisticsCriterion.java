package io.smlfusion.engine.model;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Scores a candidate without a validation frame, from the project's statistics alone, by an
 * information criterion of a least-squares fit of the target (C. M. Hurvich, C.-L. Tsai,
 * Biometrika 76(2), 1989, for AICc; G. Schwarz, Ann. Statist. 6(2), 1978, for BIC):
 * <pre>
 * AICc = n ln(SSE/n) + 2k + 2k(k + 1)/(n − k − 1),   BIC = n ln(SSE/n) + k ln n
 * SSE  = Σ(y − β₀ − βᵀx)² = Syy − 2βᵀs + βᵀSβ + n(ȳ − β₀ − βᵀx̄)²
 * </pre>
 * with S, s, Syy the centred scatter of the inputs, their cross-scatter with the target and the
 * target's, so SSE is exact for any linear model — the penalised ones included. k counts the
 * intercept and the model's degrees of freedom: the rank for {@code mlr}, the effective degrees of
 * freedom for {@code ridge}, {@code lasso} and {@code elasticnet}, q for {@code pcr}.
 *
 * <p>A binary {@code lda} candidate is scored by the same criterion of the least-squares fit of its
 * 0/1 target on its inputs: that fit's coefficients are proportional to Fisher's discriminant
 * direction (R. A. Fisher, 1936; T. Hastie et al., "The Elements of Statistical Learning",
 * 2nd ed., ex. 4.2), so the criterion compares how much of the class each input subset explains.
 * {@code bayes} and the multi-class models have no such criterion: they need a validation frame.
 */
final class StatisticsCriterion implements CandidateScorer {

    private final ProjectStatistics statistics;
    private final Assessment assessment;

    StatisticsCriterion(ProjectStatistics statistics, Assessment assessment) {
        this.statistics = statistics;
        this.assessment = assessment;
    }

    @Override
    public Scored score(ModelSpec spec) {
        Model model = ModelBuilder.build(statistics, spec);
        return switch (spec.algorithm()) {
            case MLR, RIDGE, LASSO, ELASTICNET, PCR, PLSQ -> new Scored(model, criterion(spec, (LinearRegressionModel) model));
            case LDA -> {
                ModelSpec leastSquares = new ModelSpec(ModelAlgorithm.MLR, spec.targets(), spec.inputs(), spec.options());
                yield new Scored(model, criterion(leastSquares,
                        (LinearRegressionModel) ModelBuilder.build(statistics, leastSquares)));
            }
            default -> throw new ModelBuildException(spec.algorithm().id() + " has no criterion from the statistics "
                    + "alone; send a validation frame {\"dataframe\":DataFrame,\"mlcontext\":MLContext}");
        };
    }

    private double criterion(ModelSpec spec, LinearRegressionModel model) {
        Moments moments = statistics.total();
        int target = statistics.schema().indexOf(spec.targets().get(0));
        int[] inputs = spec.inputs().stream().mapToInt(statistics.schema()::indexOf).toArray();
        double n = moments.count();
        double[] beta = model.coefficients();
        DMatrixRMaj scatter = ScatterMatrices.scatter(moments, inputs);
        double[] cross = ScatterMatrices.crossScatter(moments, inputs, target);
        double offset = moments.mean(target) - model.intercept()
                - ScatterMatrices.dot(beta, ScatterMatrices.means(moments, inputs));
        double sse = moments.m2(target) - 2 * ScatterMatrices.dot(beta, cross)
                + ScatterMatrices.dot(beta, ScatterMatrices.times(scatter, beta)) + n * offset * offset;
        double k = degreesOfFreedom(model) + 1;
        if (!(sse > 0) || n - k - 1 <= 0) {
            return Double.NaN;
        }
        double fit = n * Math.log(sse / n);
        return assessment == Assessment.BIC ? fit + k * Math.log(n) : fit + 2 * k + 2 * k * (k + 1) / (n - k - 1);
    }

    private static double degreesOfFreedom(LinearRegressionModel model) {
        var info = model.description().info();
        return Double.parseDouble(switch (model.algorithm()) {
            case MLR -> info.get("rank");
            case PCR, PLSQ -> info.get("q");
            default -> info.get("df");
        });
    }
}
