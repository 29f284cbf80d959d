package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How model selection scores a candidate ({@code sml_model_assessment_type}, spec §8.4): a metric
 * of its predictions on an out-of-sample validation frame, or an information criterion of its fit
 * computed from the project's statistics alone ({@code aicc}, {@code bic}; see
 * {@link StatisticsCriterion}).
 */
public enum Assessment {
    AUC("auc", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER)),
    ACCURACY("accuracy", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER, SelectionTask.MULTICLASS_CLASSIFIER)),
    RECALL("recall", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER)),
    PRECISION("precision", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER)),
    F1("f1", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER)),
    MCC("mcc", true, true, EnumSet.of(SelectionTask.BINARY_CLASSIFIER)),
    RMSE("rmse", false, true, EnumSet.of(SelectionTask.REGRESSION)),
    MAE("mae", false, true, EnumSet.of(SelectionTask.REGRESSION)),
    R2("r2", true, true, EnumSet.of(SelectionTask.REGRESSION)),
    RMSLOGP1E("rmslogp1e", false, true, EnumSet.of(SelectionTask.REGRESSION)),
    MF1_W("mf1_w", true, true, EnumSet.of(SelectionTask.MULTICLASS_CLASSIFIER)),
    MKAPPA("mkappa", true, true, EnumSet.of(SelectionTask.MULTICLASS_CLASSIFIER)),
    AICC("aicc", false, false, EnumSet.of(SelectionTask.REGRESSION, SelectionTask.BINARY_CLASSIFIER)),
    BIC("bic", false, false, EnumSet.of(SelectionTask.REGRESSION, SelectionTask.BINARY_CLASSIFIER));

    private final String id;
    private final boolean higherIsBetter;
    private final boolean needsValidation;
    private final Set<SelectionTask> tasks;

    Assessment(String id, boolean higherIsBetter, boolean needsValidation, Set<SelectionTask> tasks) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.needsValidation = needsValidation;
        this.tasks = tasks;
    }

    public String id() {
        return id;
    }

    public boolean needsValidation() {
        return needsValidation;
    }

    /** Whether score {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /**
     * The assessment {@code sml_model_assessment_type} names for this task, or the task's default.
     *
     * @throws ModelBuildException when the name is unknown, does not fit the task, or needs a
     *     validation frame that was not sent
     */
    public static Assessment resolve(String id, SelectionTask task, boolean withValidation) {
        if (id == null || id.isBlank()) {
            return task.defaultAssessment(withValidation);
        }
        Assessment assessment = Arrays.stream(values()).filter(a -> a.id.equals(id.strip())).findFirst()
                .orElseThrow(() -> new ModelBuildException("extraParameters.sml_model_assessment_type = '" + id
                        + "' is unknown; for " + task.wireName() + " use " + ids(task)));
        if (!assessment.tasks.contains(task)) {
            throw new ModelBuildException("extraParameters.sml_model_assessment_type = '" + id + "' does not assess a "
                    + task.wireName() + "; use " + ids(task));
        }
        if (assessment.needsValidation && !withValidation) {
            throw new ModelBuildException("sml_model_assessment_type " + id + " needs a validation frame: send "
                    + "{\"dataframe\":DataFrame,\"mlcontext\":MLContext}, or use aicc or bic, which need none");
        }
        return assessment;
    }

    private static String ids(SelectionTask task) {
        return Arrays.stream(values()).filter(a -> a.tasks.contains(task)).map(Assessment::id)
                .collect(Collectors.joining(", "));
    }
}
