package io.smlfusion.engine.model;

import java.util.List;

/**
 * The {@code task} of {@code autoSelect} (spec §8.3): which algorithms compete, and how a candidate
 * is judged by default. Only algorithms whose model follows from the additive statistics take part.
 */
public enum SelectionTask {
    BINARY_CLASSIFIER(List.of("binary_classifier", "binary_classification"),
            List.of(ModelAlgorithm.LDA, ModelAlgorithm.BAYES)),
    REGRESSION(List.of("regression"),
            List.of(ModelAlgorithm.MLR, ModelAlgorithm.RIDGE, ModelAlgorithm.LASSO, ModelAlgorithm.ELASTICNET)),
    MULTICLASS_CLASSIFIER(List.of("multiclass_classifier"),
            List.of(ModelAlgorithm.MLDA, ModelAlgorithm.MQDA));

    private final List<String> wireNames;
    private final List<ModelAlgorithm> algorithms;

    SelectionTask(List<String> wireNames, List<ModelAlgorithm> algorithms) {
        this.wireNames = wireNames;
        this.algorithms = algorithms;
    }

    /**
     * @throws ModelBuildException naming the accepted tasks
     */
    public static SelectionTask forWireName(String name) {
        for (SelectionTask task : values()) {
            if (name != null && task.wireNames.contains(name.strip())) {
                return task;
            }
        }
        throw new ModelBuildException("task '" + name + "' is unknown; use binary_classifier (or binary_classification), "
                + "regression or multiclass_classifier");
    }

    /** The task an algorithm's models solve, for {@code selectModel}. */
    public static SelectionTask of(ModelAlgorithm algorithm) {
        return switch (algorithm) {
            case LDA, BAYES -> BINARY_CLASSIFIER;
            case MLR, RIDGE, LASSO, ELASTICNET, PCR, PLSQ -> REGRESSION;
            case MLDA, MQDA -> MULTICLASS_CLASSIFIER;
            default -> throw new ModelBuildException("algo '" + algorithm.id() + "' makes no model that can be "
                    + "assessed on a target; selectModel supports lda, bayes, mlr, ridge, lasso, elasticnet, pcr, "
                    + "plsq, mlda and mqda");
        };
    }

    public String wireName() {
        return wireNames.get(0);
    }

    /** The algorithms that compete in {@code autoSelect}. */
    public List<ModelAlgorithm> algorithms() {
        return algorithms;
    }

    /**
     * The default assessment: a validation metric with a validation frame, otherwise a criterion of
     * the statistics alone.
     *
     * @throws ModelBuildException when the task has no criterion without a validation frame
     */
    public Assessment defaultAssessment(boolean withValidation) {
        if (withValidation) {
            return switch (this) {
                case BINARY_CLASSIFIER -> Assessment.AUC;
                case REGRESSION -> Assessment.RMSE;
                case MULTICLASS_CLASSIFIER -> Assessment.MF1_W;
            };
        }
        if (this == MULTICLASS_CLASSIFIER) {
            throw new ModelBuildException(wireName() + " needs a validation frame: send "
                    + "{\"dataframe\":DataFrame,\"mlcontext\":MLContext}; its statistics alone give no criterion "
                    + "to compare class-score models");
        }
        return this == REGRESSION ? Assessment.AICC : Assessment.BIC;
    }
}
