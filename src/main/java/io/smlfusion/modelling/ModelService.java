package io.smlfusion.modelling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.smlfusion.engine.explore.ExploreException;
import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.engine.explore.SingularValues;
import io.smlfusion.engine.model.EvtSettings;
import io.smlfusion.engine.model.EvtThreshold;
import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelAlgorithm;
import io.smlfusion.engine.model.ModelBuildException;
import io.smlfusion.engine.model.ModelBuilder;
import io.smlfusion.engine.model.ModelCodec;
import io.smlfusion.engine.model.ModelFormatException;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;
import io.smlfusion.exploration.ExplorationService;
import io.smlfusion.exploration.MLContexts;
import io.smlfusion.jobs.JobResult;
import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.project.ProjectModels;
import io.smlfusion.project.ProjectRegistry;
import io.smlfusion.project.ProjectService;
import io.smlfusion.project.StoredModel;
import io.smlfusion.refusal.RequestRefused;

/**
 * The Modeling API (spec §8) over any {@link Project} — a cell or a fusion, read through the same
 * seam: build (validated at once, built as a job), model info, delete, code, export and import.
 * A project's models live in its {@link ProjectModels}; those of a persisted project with autosave
 * are also written to the database whenever one is built, imported or deleted (without autosave,
 * by the project's {@code save}).
 */
@ApplicationScoped
public class ModelService {

    /** Model ids appear in paths and in status strings, like project ids. */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    @Inject
    ProjectService projects;

    @Inject
    ProjectRegistry registry;

    @Inject
    ModelStore store;

    @Inject
    Clock clock;

    @Inject
    Config config;

    /**
     * {@code build?modelid=&algo=&svdreduce=}: checks the project, the model id, the algorithm, the
     * MLContext and its attributes at once (400), and answers the build to run as a job. The job
     * fails with 400 and the builder's message when the statistics do not fit the request (target
     * not binary, too few rows, collinear inputs without pseudo-inverse, bad option); the model of
     * that id, if any, is then unchanged.
     *
     * <p>{@code svdreduce=true} first reduces the inputs as {@code exploresvdfs} selects them (each
     * input kept while the correlation matrix of the kept ones stays well conditioned, tolerance
     * {@code sml_rcond_tolerance} or the server's {@value ExplorationService#TOLERANCE_KEY}), then
     * builds on the kept inputs; the model's info names the dropped ones.
     */
    public Supplier<JobResult> build(String cid, String pid, String modelId, String algo, String svdreduce,
                                     String body) {
        Project project = projects.project(cid, pid);
        requireModelId(modelId);
        ModelAlgorithm algorithm = algorithm(algo);
        boolean reduce = ModelRequests.flag("svdreduce", svdreduce, false);
        MLContext context = MLContexts.readOne(body);
        ModelOptions options = ModelOptions.of(context.extraParameters());
        ModelSpec spec = project.read(statistics -> spec(statistics.schema(), algorithm, context, options));
        double tolerance = config.getOptionalValue(ExplorationService.TOLERANCE_KEY, Double.class).orElse(1e-14);
        return () -> {
            StoredModel built = translated(() -> project.read(statistics -> {
                ModelSpec used = reduce ? reduced(statistics, spec, tolerance) : spec;
                long start = System.nanoTime();
                Model model = ModelBuilder.build(statistics, used);
                long nanos = System.nanoTime() - start;
                return StoredModel.of(modelId, model, options, notes(spec, used, reduce), clock.instant(), nanos,
                        statistics.schema()).withEvtThreshold(evtOfBuild(model, options));
            }));
            store(project, built);
            return JobResult.finished(Map.of());
        };
    }

    /** Rebuilds a model with its own algorithm, attributes and options on the project's statistics now. */
    StoredModel rebuild(Project project, StoredModel old) {
        StoredModel rebuilt = translated(() -> project.read(statistics -> {
            long start = System.nanoTime();
            Model model = ModelBuilder.build(statistics, old.spec());
            long nanos = System.nanoTime() - start;
            return StoredModel.of(old.id(), model, old.options(), old.notes(), clock.instant(), nanos,
                    statistics.schema()).withEvtThreshold(old.evtThreshold());
        }));
        ProjectModels models = project.models();
        synchronized (models) {
            if (!models.replace(old, rebuilt)) {
                throw RequestRefused.invalid("Model [" + old.id() + "] was replaced or deleted meanwhile");
            }
            persistIfAutosaved(project, rebuilt);
        }
        return rebuilt;
    }

    /** {@code models/{modelid}}: the ModelInfo entity. */
    public Map<String, Object> info(String cid, String pid, String modelId) {
        return ModelInfo.of(projects.project(cid, pid).models().require(modelId));
    }

    /** {@code DELETE models/{modelid}}. */
    public void delete(String cid, String pid, String modelId) {
        Project project = projects.project(cid, pid);
        ProjectModels models = project.models();
        synchronized (models) {
            models.require(modelId);
            ProjectHeader header = project.header();
            if (autosaved(header)) {
                store.delete(header.cid(), header.pid(), modelId);
            }
            models.remove(modelId);
        }
    }

    /** {@code models/{modelid}/code?language=}: Java method or SQL expression of the score. */
    public String code(String cid, String pid, String modelId, String language) {
        ModelCode.Language parsed = ModelCode.Language.of(language);
        StoredModel stored = projects.project(cid, pid).models().require(modelId);
        return ModelCode.generate(modelId, stored.model(), parsed);
    }

    /** {@code model/export?modelid=}: the model in its versioned binary format, Base64. */
    public String export(String cid, String pid, String modelId) {
        requireParameter(modelId);
        StoredModel stored = projects.project(cid, pid).models().require(modelId);
        return Base64.getEncoder().encodeToString(ModelCodec.encode(stored.model(), stored.evtThreshold()));
    }

    /**
     * {@code model/import?modelid=}: a model exported by this server (any project, any server of the
     * same format version), under {@code modelid}, replacing one of that id. Its attributes must be
     * attributes of the project.
     */
    public String importModel(String cid, String pid, String modelId, byte[] bytes) {
        Project project = projects.project(cid, pid);
        requireModelId(modelId);
        ModelCodec.Decoded decoded;
        try {
            decoded = ModelCodec.decodeWithEvt(bytes);
        } catch (ModelFormatException e) {
            throw RequestRefused.invalid("Cannot import model [" + modelId + "]: " + e.getMessage());
        }
        Model model = decoded.model();
        StoredModel imported = project.read(statistics -> {
            Schema schema = statistics.schema();
            List<String> unknown = new ArrayList<>();
            model.inputs().stream().filter(name -> schema.indexOf(name) < 0).forEach(unknown::add);
            model.targets().stream().filter(name -> schema.indexOf(name) < 0).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw RequestRefused.invalid("Cannot import model [" + modelId + "]: project [" + pid
                        + "] has no attribute " + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList()));
            }
            return StoredModel.of(modelId, model, ModelOptions.none(), Map.of("imported", "true"), clock.instant(), 0,
                    schema).withEvtThreshold(decoded.evtThreshold());
        });
        store(project, imported);
        return "Model [" + modelId + "] imported into project [" + pid + "]";
    }

    /**
     * {@code POST {modelid}/evtwrapper}: puts a new EVT threshold on the model's predictions (spec
     * §8.3), replacing one it had; the body's parameters per {@link EvtSettings}.
     */
    public String addEvtWrapper(String cid, String pid, String modelId, Map<String, String> body) {
        Project project = projects.project(cid, pid);
        ProjectModels models = project.models();
        synchronized (models) {
            StoredModel stored = models.require(modelId);
            Model model = stored.model();
            EvtSettings settings = translated(() -> EvtSettings.ofWrapper(body, scoreKey(model),
                    model.description().predictInfo()));
            StoredModel wrapped = stored.withEvtThreshold(new EvtThreshold(settings));
            persistIfAutosaved(project, wrapped);
            models.put(wrapped);
        }
        return "EVT Wrapper Created";
    }

    /** {@code DELETE {modelid}/evtwrapper}: the model's predictions lose their EVT threshold. */
    public String deleteEvtWrapper(String cid, String pid, String modelId) {
        Project project = projects.project(cid, pid);
        ProjectModels models = project.models();
        synchronized (models) {
            StoredModel stored = models.require(modelId);
            if (stored.evtThreshold() == null) {
                throw new RequestRefused(RequestRefused.Reason.NOT_FOUND, "Model [" + modelId + "] has no EVT wrapper");
            }
            StoredModel unwrapped = stored.withEvtThreshold(null);
            persistIfAutosaved(project, unwrapped);
            models.put(unwrapped);
        }
        return "EVT Wrapper Deleted";
    }

    /**
     * Writes the state an EVT threshold gained from a prediction call to the database, when the project
     * autosaves and the model is still the one that predicted (one write per call, not per row).
     */
    void saveEvtState(Project project, StoredModel predicted) {
        ProjectModels models = project.models();
        synchronized (models) {
            if (predicted.evtThreshold() != null && models.find(predicted.id()).orElse(null) == predicted) {
                persistIfAutosaved(project, predicted);
            }
        }
    }

    /** The EVT threshold a build's {@code evt_anomaly_enabled=true} asks for, or null. */
    private static EvtThreshold evtOfBuild(Model model, ModelOptions options) {
        EvtSettings settings = EvtSettings.ofBuild(options, scoreKey(model), model.description().predictInfo());
        return settings == null ? null : new EvtThreshold(settings);
    }

    private static String scoreKey(Model model) {
        List<String> scores = model.description().scoreInfo();
        return scores.isEmpty() ? model.description().predictInfo().get(0) : scores.get(0);
    }

    /** Adds the model to its project (and the database) unless the project was deleted or unloaded meanwhile. */
    void store(Project project, StoredModel model) {
        ProjectModels models = project.models();
        synchronized (models) {
            ProjectHeader header = project.header();
            if (registry.get(header.cid(), header.pid()).orElse(null) != project) {
                throw RequestRefused.invalid("Project [" + header.pid() + "] was deleted or unloaded meanwhile; model ["
                        + model.id() + "] was not stored");
            }
            persistIfAutosaved(project, model);
            models.put(model);
        }
    }

    private void persistIfAutosaved(Project project, StoredModel model) {
        ProjectHeader header = project.header();
        if (autosaved(header)) {
            store.save(header.cid(), header.pid(), model);
        }
    }

    private static boolean autosaved(ProjectHeader header) {
        return header.settings().persisted() && header.settings().autoSave();
    }

    static ModelSpec spec(Schema schema, ModelAlgorithm algorithm, MLContext context, ModelOptions options) {
        return translated(() -> new ModelSpec(algorithm, names(schema, context.targetIndexes(schema)),
                names(schema, context.inputIndexes(schema)), options));
    }

    private static List<String> names(Schema schema, int[] indexes) {
        return Arrays.stream(indexes).mapToObj(schema::name).toList();
    }

    private static ModelSpec reduced(ProjectStatistics statistics, ModelSpec spec, double tolerance) {
        MLContext inputs = new MLContext(List.of(), List.of(), spec.inputs(), List.of(), spec.options().asMap());
        List<String> kept = List.copyOf(SingularValues.selected(statistics, inputs, tolerance).values());
        return new ModelSpec(spec.algorithm(), spec.targets(), kept, spec.options());
    }

    private static Map<String, String> notes(ModelSpec requested, ModelSpec used, boolean reduce) {
        Map<String, String> notes = new LinkedHashMap<>();
        if (reduce) {
            List<String> dropped = requested.inputs().stream().filter(name -> !used.inputs().contains(name)).toList();
            notes.put("svdreduce", "true");
            notes.put("svdreduce_dropped", String.join(", ", dropped));
        }
        return notes;
    }

    private static ModelAlgorithm algorithm(String algo) {
        if (algo == null || algo.isBlank()) {
            throw RequestRefused.invalid("The query parameter algo is missing; supported: "
                    + String.join(", ", ModelAlgorithm.supported().stream().map(ModelAlgorithm::id).toList()));
        }
        return translated(() -> ModelAlgorithm.forId(algo.strip()).requireSupported());
    }

    static void requireModelId(String modelId) {
        requireParameter(modelId);
        if (!MODEL_ID.matcher(modelId).matches()) {
            throw RequestRefused.invalid("Invalid model id [" + modelId + "]: use 1 to 128 letters, digits, '.', '_' or '-'");
        }
    }

    private static void requireParameter(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw RequestRefused.invalid("The query parameter modelid is missing");
        }
    }

    /** Runs {@code computation}, a build or MLContext error becoming a 400 with its message. */
    static <T> T translated(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (ModelBuildException | ExploreException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }
}
