package io.smlfusion.engine.model;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Builds a {@link Model} from a project's statistics alone — never from rows — in time that
 * depends on the number of inputs, not on the number of rows. The entry point of the REST layer:
 * <pre>
 * ModelSpec spec = new ModelSpec(ModelAlgorithm.forId(algo), targets, inputs,
 *         ModelOptions.of(extraParameters));
 * Model model = ModelBuilder.build(statistics, spec);
 * </pre>
 * Statistics are read, never changed; the caller passes a snapshot no writer changes meanwhile.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * @throws ModelBuildException when the spec does not fit the statistics (unknown attribute,
     *     wrong target, too few rows, collinear inputs without pseudo-inverse, bad option)
     */
    public static Model build(ProjectStatistics statistics, ModelSpec spec) {
        BuildContext context = new BuildContext(statistics, spec);
        return switch (spec.algorithm()) {
            case MLR -> OrdinaryLeastSquares.fit(context);
            case RIDGE, LASSO, ELASTICNET -> PenalizedRegression.fit(context);
            case PCR -> PrincipalComponentRegression.fit(context);
            case LDA -> LinearDiscriminantModel.fit(context);
            case BAYES -> NaiveBayesModel.fit(context);
            case MLDA, MQDA -> DiscriminantScoresModel.fit(context);
            case COVEST -> CovarianceModel.fit(context);
            case PLSQ -> PartialLeastSquares.fit(context);
            case HBA -> HistogramAnomalyModel.fit(context);
            case ECOD -> EcodModel.fit(context);
            case OOSPCA -> ResidualPcaModel.fit(context);
            default -> throw new IllegalStateException("ModelSpec admitted unsupported "
                    + spec.algorithm());
        };
    }
}
