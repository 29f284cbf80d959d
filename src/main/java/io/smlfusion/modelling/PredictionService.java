package io.smlfusion.modelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.engine.model.EvtThreshold;
import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.RegressionImputer;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.ingest.DataFrameReader;
import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.PredictionRows;
import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectService;
import io.smlfusion.project.StoredModel;
import io.smlfusion.refusal.RequestRefused;

/**
 * The Prediction API (spec §9): scores the rows of a DataFrame with a stored model, one string map
 * per row with the model's {@code predictInfo} keys, numbers with full double precision. Inputs are
 * read by {@link DataFrameReader#readPredictionRows} (extra columns ignored, types advisory,
 * categories expanded as learned). A missing input is the model's training mean, or with
 * {@code impute=true} the {@link RegressionImputer}'s value from the project's statistics now.
 *
 * <p>Predicting reads only the stored model: on a fusion it calls no cell — except
 * {@code impute=true} on a row that lacks an input, which reads the fusion's statistics (and so
 * may refresh them like any read).
 */
@ApplicationScoped
public class PredictionService {

    @Inject
    ProjectService projects;

    @Inject
    ModelService models;

    /** What a prediction call answers: the status string and the KSVSMap rows. */
    public record Answer(String statusString, List<Map<String, String>> rows) {
    }

    /** {@code predict/{modelid}?impute=}. */
    public Answer predict(String cid, String pid, String modelId, String impute, byte[] dataFrame, FrameFormat format) {
        boolean regressionImpute = ModelRequests.flag("impute", impute, false);
        Project project = projects.project(cid, pid);
        StoredModel stored = project.models().require(modelId);
        PredictionRows rows = format.readPredictionRows(dataFrame, stored.model().inputs(), List.of());
        return new Answer("OK", scoreAndWatch(project, stored, rows, regressionImpute));
    }

    /**
     * {@code learnpredict/{modelid}?keepColumns=&predictBeforeLearn=&rebuildModel=&impute=}: learns the
     * DataFrame into the (cell) project and predicts its rows — with the model as it was before
     * learning ({@code predictBeforeLearn=true}, the default) or after ({@code false}). With
     * {@code rebuildModel=true} the model is rebuilt on the statistics that include the new rows
     * (and predicts with them when {@code predictBeforeLearn=false}); when the rebuild fails the
     * model is kept and the status string says why. Each row's map starts with the text of the
     * {@code keepColumns}, then the prediction keys (which win over a kept column of the same name).
     * {@code impute} is predict's: a missing input from the statistics the prediction is made on
     * (before or after the learn). A DataFrame that cannot be learned or predicted is refused whole: nothing is learned.
     */
    public Answer learnPredict(String cid, String pid, String modelId, String keepColumns, String predictBeforeLearn,
                               String rebuildModel, String impute, byte[] dataFrame, FrameFormat format) {
        boolean before = ModelRequests.flag("predictBeforeLearn", predictBeforeLearn, true);
        boolean regressionImpute = ModelRequests.flag("impute", impute, false);
        boolean rebuild = ModelRequests.flag("rebuildModel", rebuildModel, false);
        Project project = projects.project(cid, pid);
        StoredModel stored = project.models().require(modelId);
        PredictionRows rows = format.readPredictionRows(dataFrame, stored.model().inputs(), ModelRequests.names(keepColumns));
        List<Map<String, String>> answers = before ? scoreAndWatch(project, stored, rows, regressionImpute) : null;
        projects.learn(cid, pid, dataFrame, format);
        String status = "OK";
        StoredModel current = stored;
        if (rebuild) {
            try {
                current = models.rebuild(project, stored);
            } catch (RequestRefused e) {
                status = "OK; model [" + modelId + "] was not rebuilt: " + e.getMessage();
            }
        }
        if (!before) {
            answers = scoreAndWatch(project, current, rows, regressionImpute);
        }
        return new Answer(status, answers);
    }

    /**
     * The predictions; a model with an EVT threshold also feeds it each row's watched value, in row
     * order, and adds its outputs (spec §8.3), the threshold's new state then saved like the model.
     */
    private List<Map<String, String>> scoreAndWatch(Project project, StoredModel stored, PredictionRows rows,
                                                    boolean regressionImpute) {
        List<Map<String, String>> answers = score(project, stored.model(), rows, regressionImpute);
        EvtThreshold threshold = stored.evtThreshold();
        if (threshold == null) {
            return answers;
        }
        String key = threshold.settings().resKey();
        for (int r = 0; r < answers.size(); r++) {
            Map<String, String> answer = answers.get(r);
            answer.putAll(threshold.observe(watchedValue(answer.get(key), key, r)));
        }
        models.saveEvtState(project, stored);
        return answers;
    }

    private static double watchedValue(String text, String key, int row) {
        try {
            return Double.parseDouble(text == null ? "" : text);
        } catch (NumberFormatException e) {
            throw RequestRefused.invalid("row " + (row + 1) + ": the EVT wrapper watches '" + key
                    + "', which is not a number: " + text);
        }
    }

    private static List<Map<String, String>> score(Project project, Model model, PredictionRows rows,
                                                   boolean regressionImpute) {
        boolean anyMissing = false;
        for (int r = 0; r < rows.rowCount() && !anyMissing; r++) {
            anyMissing = rows.anyMissing(r);
        }
        if (regressionImpute && anyMissing) {
            return ModelService.translated(() -> project.read(statistics -> score(statistics, model, rows)));
        }
        return score(null, model, rows);
    }

    /** @param statistics the project's statistics for the regression imputer, or null for mean imputation */
    private static List<Map<String, String>> score(ProjectStatistics statistics, Model model, PredictionRows rows) {
        double[] means = model.inputMeans();
        List<Map<String, String>> answers = new ArrayList<>(rows.rowCount());
        for (int r = 0; r < rows.rowCount(); r++) {
            double[] values = rows.values(r);
            if (rows.anyMissing(r)) {
                boolean[] missing = rows.missing(r);
                if (statistics != null) {
                    values = imputed(statistics, model, values, missing);
                } else {
                    for (int k = 0; k < values.length; k++) {
                        if (missing[k]) {
                            values[k] = means[k];
                        }
                    }
                }
            }
            Map<String, String> answer = new LinkedHashMap<>(rows.kept(r));
            try {
                answer.putAll(model.predict(values).asText());
            } catch (IllegalArgumentException e) {
                throw RequestRefused.invalid("row " + (r + 1) + ": " + e.getMessage());
            }
            answers.add(answer);
        }
        return answers;
    }

    private static double[] imputed(ProjectStatistics statistics, Model model, double[] values, boolean[] missing) {
        try {
            return RegressionImputer.impute(statistics, model.inputs(), values, missing);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("impute=true cannot impute for this model: " + e.getMessage());
        }
    }
}
