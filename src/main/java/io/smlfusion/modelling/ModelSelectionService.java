package io.smlfusion.modelling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.engine.model.DiscriminantReduction;
import io.smlfusion.engine.model.ModelAlgorithm;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSelection;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.model.SelectionCandidate;
import io.smlfusion.engine.model.SelectionLimits;
import io.smlfusion.engine.model.SelectionOutcome;
import io.smlfusion.engine.model.SelectionSettings;
import io.smlfusion.engine.model.SelectionTask;
import io.smlfusion.engine.model.ValidationRows;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.exploration.MLContexts;
import io.smlfusion.ingest.DataFrameReader;
import io.smlfusion.ingest.PredictionRows;
import io.smlfusion.jobs.JobResult;
import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectService;
import io.smlfusion.project.StoredModel;
import io.smlfusion.refusal.RequestRefused;

/**
 * Model selection and reduction (spec §8.3) over any {@link Project}, a cell or a fusion (whose
 * statistics are the merge of its cells'): {@code selectModel}, {@code autoSelect} and
 * {@code reduce} check the request at once (400) and answer the work to run as a job, which
 * searches on a copy of the statistics (learning goes on meanwhile) and stores the chosen model
 * under {@code modelid} as an ordinary model. The selection job's JobInfo {@code details} list every
 * candidate with its score.
 */
@ApplicationScoped
public class ModelSelectionService {

    @Inject
    ProjectService projects;

    @Inject
    ModelService models;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "smlfusion.selection.max.threads", defaultValue = "2")
    int maxThreads;

    @Inject
    @ConfigProperty(name = "smlfusion.selection.max.candidates", defaultValue = "5000")
    int maxCandidates;

    @Inject
    @ConfigProperty(name = "smlfusion.selection.brute.max.subsets", defaultValue = "4096")
    int maxBruteSubsets;

    @Inject
    @ConfigProperty(name = "smlfusion.selection.max.seconds", defaultValue = "600")
    long maxSeconds;

    @Inject
    @ConfigProperty(name = "smlfusion.selection.validation.max.rows", defaultValue = "100000")
    int maxValidationRows;

    /** {@code selectModel?modelid=&algo=}: the input subset of one algorithm. */
    public Supplier<JobResult> selectModel(String cid, String pid, String modelId, String algo, String body) {
        if (algo == null || algo.isBlank()) {
            throw RequestRefused.invalid("The query parameter algo is missing");
        }
        ModelAlgorithm algorithm = ModelService.translated(() -> ModelAlgorithm.forId(algo.strip()).requireSupported());
        SelectionTask task = ModelService.translated(() -> SelectionTask.of(algorithm));
        return select(cid, pid, modelId, task, List.of(algorithm), "selectModel", body);
    }

    /** {@code autoSelect?modelid=&task=}: the algorithms of the task × input subsets × parameter grids. */
    public Supplier<JobResult> autoSelect(String cid, String pid, String modelId, String task, String body) {
        if (task == null || task.isBlank()) {
            throw RequestRefused.invalid("The query parameter task is missing; use binary_classifier, regression "
                    + "or multiclass_classifier");
        }
        SelectionTask selectionTask = ModelService.translated(() -> SelectionTask.forWireName(task));
        return select(cid, pid, modelId, selectionTask, selectionTask.algorithms(), "autoSelect", body);
    }

    /** {@code selectModel/{dsid}} and {@code autoSelect/{dsid}}: 400, as every data-source call. */
    public RequestRefused dataSourcesRefused(String cid, String pid) {
        return projects.dataSourcesRefused(cid, pid);
    }

    /** {@code reduce?heuristic=default&modelid=&algo=lda&delta=&numIterations=}: see {@link DiscriminantReduction}. */
    public Supplier<JobResult> reduce(String cid, String pid, String heuristic, String modelId, String algo,
                                      String delta, String numIterations, String body) {
        Project project = projects.project(cid, pid);
        ModelService.requireModelId(modelId);
        if (heuristic != null && !heuristic.isBlank() && !heuristic.strip().equals("default")) {
            throw RequestRefused.invalid("The query parameter heuristic = '" + heuristic + "' is not supported; use default");
        }
        if (algo != null && !algo.isBlank() && !algo.strip().equals("lda")) {
            throw RequestRefused.invalid("reduce supports algo lda only, not '" + algo + "'");
        }
        double relativeLoss = number("delta", delta, 0.01, 0, 1);
        MLContext context = MLContexts.readOne(body);
        ModelOptions options = ModelOptions.of(context.extraParameters());
        ModelSpec spec = project.read(statistics -> ModelService.spec(statistics.schema(), ModelAlgorithm.LDA, context, options));
        double removals = number("numIterations", numIterations, spec.inputs().size() - 1, 0, spec.inputs().size() - 1);
        if (removals != Math.rint(removals)) {
            throw RequestRefused.invalid("The query parameter numIterations = '" + numIterations + "' is not a whole number");
        }
        return () -> {
            ProjectStatistics statistics = project.read(ProjectStatistics::copy);
            long start = System.nanoTime();
            DiscriminantReduction.Result reduced = ModelService.translated(() ->
                    DiscriminantReduction.reduce(statistics, spec, relativeLoss, (int) removals));
            long nanos = System.nanoTime() - start;
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("reduce_heuristic", "default");
            notes.put("reduce_delta", Double.toString(relativeLoss));
            notes.put("reduce_removed", String.join(", ", reduced.removed()));
            notes.put("reduce_distance_all_inputs", Double.toString(reduced.fullDistance()));
            models.store(project, StoredModel.of(modelId, reduced.model(), options, notes, clock.instant(), nanos,
                    statistics.schema()));
            return JobResult.finished(Map.of());
        };
    }

    private Supplier<JobResult> select(String cid, String pid, String modelId, SelectionTask task,
                                       List<ModelAlgorithm> algorithms, String call, String body) {
        Project project = projects.project(cid, pid);
        ModelService.requireModelId(modelId);
        SelectionBody request = SelectionBody.read(body);
        MLContext context = request.context();
        ModelOptions options = ModelOptions.of(context.extraParameters());
        ModelSpec attributes = project.read(statistics -> ModelService.spec(statistics.schema(), algorithms.get(0), context, options));
        if (attributes.targets().size() != 1) {
            throw RequestRefused.invalid(call + " needs exactly one target attribute; got " + attributes.targets().size());
        }
        String target = attributes.targets().get(0);
        ValidationRows validation = request.validationFrame() == null ? null
                : validation(request.validationFrame(), attributes.inputs(), target);
        SelectionLimits limits = new SelectionLimits(Math.max(maxThreads, 1), maxCandidates, maxBruteSubsets,
                maxSeconds * 1000);
        SelectionSettings settings = ModelService.translated(() ->
                SelectionSettings.of(options, task, validation != null, limits));
        ModelSelection.Request selection = ModelService.translated(() -> new ModelSelection.Request(task, algorithms,
                target, attributes.inputs(), options, settings, validation));
        return () -> {
            ProjectStatistics statistics = project.read(ProjectStatistics::copy);
            long start = System.nanoTime();
            SelectionOutcome outcome = ModelService.translated(() -> ModelSelection.select(statistics, selection));
            long nanos = System.nanoTime() - start;
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("selected_by", call + " " + task.wireName());
            notes.put("selection_assessment", outcome.assessment().id());
            notes.put("selection_score", Double.toString(outcome.best().score()));
            notes.put("selection_candidates", Integer.toString(outcome.candidates().size()));
            models.store(project, StoredModel.of(modelId, outcome.model(), outcome.spec().options(), notes,
                    clock.instant(), nanos, statistics.schema()));
            return JobResult.finishedWithDetails(details(modelId, task, settings, outcome));
        };
    }

    private ValidationRows validation(byte[] frame, List<String> inputs, String target) {
        PredictionRows rows = DataFrameReader.readPredictionRows(frame, inputs, List.of(target));
        if (rows.rowCount() > maxValidationRows) {
            throw RequestRefused.invalid("The validation frame has " + rows.rowCount() + " rows; this server reads at most "
                    + maxValidationRows + " (smlfusion.selection.validation.max.rows)");
        }
        List<double[]> values = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            String text = rows.kept(r).get(target);
            if (text == null || text.isBlank()) {
                continue;
            }
            double[] row = rows.values(r);
            boolean[] missing = rows.missing(r);
            for (int k = 0; k < row.length; k++) {
                if (missing[k]) {
                    row[k] = Double.NaN;
                }
            }
            values.add(row);
            truth.add(text);
        }
        return ModelService.translated(() -> new ValidationRows(inputs, values.toArray(double[][]::new),
                truth.toArray(String[]::new)));
    }

    private static Map<String, Object> details(String modelId, SelectionTask task, SelectionSettings settings,
                                               SelectionOutcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("modelid", modelId);
        details.put("task", task.wireName());
        details.put("sml_model_assessment_type", outcome.assessment().id());
        details.put("criterion", outcome.criterion());
        details.put("selector_type", settings.selector().id());
        details.put("autoselect_grid_type", settings.grid().id());
        details.put("autoselect_thread_pool_size", settings.threads());
        details.put("selected", candidate(outcome.best()));
        details.put("candidateCount", outcome.candidates().size());
        details.put("candidates", outcome.candidates().stream().map(ModelSelectionService::candidate).toList());
        details.put("notes", outcome.notes());
        return details;
    }

    private static Map<String, Object> candidate(SelectionCandidate candidate) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("number", candidate.number());
        entry.put("algo", candidate.algorithm().id());
        entry.put("parameters", candidate.parameters());
        entry.put("inputs", candidate.inputs());
        if (!Double.isNaN(candidate.score())) {
            entry.put("score", candidate.score());
        }
        if (candidate.error() != null) {
            entry.put("error", candidate.error());
        }
        return entry;
    }

    private static double number(String name, String value, double defaultValue, double minimum, double maximum) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= minimum && number <= maximum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RequestRefused.invalid("The query parameter " + name + " = '" + value + "' is not a number between "
                + minimum + " and " + maximum);
    }
}
