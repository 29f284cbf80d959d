package io.smlfusion.project;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.audit.AuditTrail;
import io.smlfusion.disclosure.ExportPolicy;
import io.smlfusion.disclosure.ExportRelease;
import io.smlfusion.engine.stats.AttributeNames;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.FrameOptions;
import io.smlfusion.ingest.ParsedFrame;
import io.smlfusion.journal.ConsumedOffsets;
import io.smlfusion.journal.ProjectJournal;
import io.smlfusion.observability.IngestMetrics;
import io.smlfusion.refusal.RequestRefused;

/** The project lifecycle and ingestion of spec §5.2–5.3, with the product's status strings. */
@ApplicationScoped
public class ProjectService {

    /** Ids appear in paths and in the product's bracketed status strings; these would collide with fixed paths. */
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Set<String> RESERVED = Set.of("list", "info", "fusion", "dataDrift", "dsbrowse");
    private static final String NO_DATA_SOURCES =
            "Data sources are not supported by this server: send rows to projects/{pid}/learn as DataFrames";

    @Inject
    ProjectRegistry registry;

    @Inject
    ProjectStore store;

    @Inject
    ProjectAutosave autosave;

    @Inject
    ProjectJournal journal;

    @Inject
    Clock clock;

    @Inject
    ProjectLimits limits;

    @Inject
    ProjectQuota quota;

    @Inject
    ProjectExports exports;

    @Inject
    ExportMechanism mechanism;

    @Inject
    AuditTrail audit;

    @Inject
    FusionExporter fusionExporter;

    @Inject
    AttachedStreams streams;

    @Inject
    IngestMetrics ingestMetrics;

    public String create(String cid, String pid, String type, boolean persist, boolean enableHistogram,
                         Map<String, String> options) {
        validatePid(pid);
        ProjectSettings settings = ProjectSettings.forCreation(ProjectType.forCreation(type), persist, enableHistogram, options);
        Instant now = clock.instant();
        ProjectHeader header = new ProjectHeader(cid, pid, settings, now, now, false);
        CellProject project = new CellProject(header,
                new ProjectStatistics(settings.type() == ProjectType.PARTITION, settings.histogramEnabled()));
        register(project);
        return "Project Created with id:" + pid;
    }

    public List<String> list(String cid) {
        Set<String> pids = new TreeSet<>(registry.pids(cid));
        pids.addAll(store.pids(cid));
        return List.copyOf(pids);
    }

    /** The project, from memory or (persisted and unloaded) from the database. */
    public Project project(String cid, String pid) {
        return registry.get(cid, pid).orElseGet(() -> {
            Project loaded = store.load(cid, pid).orElseThrow(() -> unknown(cid, pid));
            registry.add(loaded);
            return registry.get(cid, pid).orElseThrow(() -> unknown(cid, pid));
        });
    }

    /** Deletes the project and its models; a model being stored meanwhile waits on the models' monitor. */
    public String delete(String cid, String pid) {
        streams.deleteAll(cid, pid);
        Object models = registry.get(cid, pid).map(p -> (Object) p.models()).orElseGet(Object::new);
        synchronized (models) {
            boolean inMemory = registry.remove(cid, pid).isPresent();
            boolean stored = store.exists(cid, pid);
            if (stored) {
                store.delete(cid, pid);
            }
            if (!inMemory && !stored) {
                throw RequestRefused.invalid("Customer[" + cid + "] does not have Project with id[" + pid + "], ");
            }
        }
        return "deleted Project with id[" + pid + "] from Customer[" + cid + "] store";
    }

    /** Renames the project and moves its stored models; no model is stored under either id meanwhile. */
    public String rename(String cid, String pid, String newPid) {
        validatePid(newPid);
        Project project = project(cid, pid);
        streams.requireNone(cid, pid, "renamed");
        synchronized (project.models()) {
            if (store.exists(cid, newPid) || !registry.rename(project, newPid, clock.instant())) {
                throw duplicate(cid, newPid);
            }
            store.rename(cid, pid, newPid);
        }
        return "Project [" + pid + "] renamed to [" + newPid + "]";
    }

    /** Persists the project and all its models (replacing the stored ones). */
    public void save(String cid, String pid) {
        Project project = project(cid, pid);
        synchronized (project.models()) {
            project.header().setPersisted(true);
            store.save(project);
            store.saveModels(project);
        }
    }

    public void setFrozen(String cid, String pid, boolean frozen) {
        Project project = project(cid, pid);
        project.header().setFrozen(frozen, clock.instant());
        if (project instanceof CellProject cell) {
            autosave.changed(cell);
        }
    }

    /**
     * {@code histogramEnable}: histograms from the next learn on, or none. A persisted project is
     * saved at once, so that the journal's later changes replay onto statistics with (or without)
     * histograms. A fusion's histograms come from its cells, so it is refused.
     */
    public void setHistogramEnabled(String cid, String pid, boolean enabled) {
        CellProject project = cell(cid, pid, "given histograms (a fusion's histograms come from its cells: enable them there)");
        synchronized (project.models()) {
            project.setHistograms(enabled, clock.instant());
            if (project.header().settings().persisted()) {
                store.save(project);
            }
        }
    }

    /** Frees the memory; a persisted project comes back from the database on next use, another is gone. */
    public void unload(String cid, String pid) {
        project(cid, pid);
        registry.remove(cid, pid);
    }

    /** @param rows the DataFrame's bytes in {@code format}, read whole by the caller */
    public ParsedFrame learn(String cid, String pid, byte[] rows, FrameFormat format) {
        return ingest(cid, pid, rows, format, true);
    }

    /** @param rows the DataFrame's bytes in {@code format}, read whole by the caller */
    public ParsedFrame forget(String cid, String pid, byte[] rows, FrameFormat format) {
        return ingest(cid, pid, rows, format, false);
    }

    private ParsedFrame ingest(String cid, String pid, byte[] rows, FrameFormat format, boolean learn) {
        CellProject project = cell(cid, pid, learn ? "taught rows (learn)" : "asked to forget rows");
        long started = System.nanoTime();
        ParsedFrame frame = format.read(rows, limits.frameOptions(project.header().settings().partitionColumn()));
        if (frame.block().rowCount() > 0) {
            if (learn) {
                journal.learn(project, frame.block(), clock.instant(), quota);
            } else {
                journal.forget(project, frame.block(), clock.instant());
            }
            autosave.changed(project);
        }
        ingestMetrics.ingested(cid, pid, learn, frame.block().rowCount(), frame.rowsSkipped(), frame.firstSkipReason(),
                Duration.ofNanos(System.nanoTime() - started));
        return frame;
    }

    /** The cell project a stream feeds; a fusion is refused as it is for learn. */
    public CellProject streamed(String cid, String pid) {
        return cell(cid, pid, "fed by a stream");
    }

    /** How a stream reads its records into DataFrames for {@code project}: the limits of learn. */
    public FrameOptions frameOptions(CellProject project) {
        return limits.frameOptions(project.header().settings().partitionColumn());
    }

    /**
     * Learns rows a stream read (with {@link #frameOptions}) like {@link #learn} — journal, quota,
     * autosave — and stores the offsets after them with their journal entry; for a frame without
     * rows or none ({@code frame} null: every record skipped) the offsets alone.
     *
     * @return whether the offsets are durable with the statistics (false: the project has no journal)
     */
    public boolean learnConsumed(String cid, String pid, ParsedFrame frame, ConsumedOffsets consumed) {
        CellProject project = streamed(cid, pid);
        if (frame == null || frame.block().rowCount() == 0) {
            if (frame != null) {
                ingestMetrics.ingested(cid, pid, true, 0, frame.rowsSkipped(), frame.firstSkipReason(), Duration.ZERO);
            }
            return journal.consumed(project, consumed);
        }
        long started = System.nanoTime();
        boolean durable = journal.learn(project, frame.block(), clock.instant(), quota, consumed);
        autosave.changed(project);
        ingestMetrics.ingested(cid, pid, true, frame.block().rowCount(), frame.rowsSkipped(), frame.firstSkipReason(),
                Duration.ofNanos(System.nanoTime() - started));
        return durable;
    }

    /** partition → the offset of the first record of the stream that the project's statistics do not hold */
    public Map<Integer, Long> consumedOffsets(String cid, String pid, String streamId) {
        return journal.consumedOffsets(streamed(cid, pid), streamId);
    }

    /** Adds {@code other}'s statistics into {@code pid}; {@code other} is unchanged. */
    public void merge(String cid, String pid, String other) {
        if (other == null || other.isBlank()) {
            throw RequestRefused.invalid("merge needs the query parameter otherProjectName");
        }
        CellProject target = cell(cid, pid, "merged into");
        Project source = project(cid, other);
        if (source == target) {
            throw RequestRefused.invalid("A project cannot be merged into itself");
        }
        ProjectStatistics copy = source.read(ProjectStatistics::copy);
        journal.merge(target, copy, clock.instant(), quota);
        autosave.changed(target);
    }

    /**
     * A cell project's statistics as its disclosure control releases them ({@link ProjectExports}):
     * exact, or noisy when differential privacy is on for it ({@link ExportMechanism}) — noise is drawn,
     * and budget spent, only for a new release, never for a release sent again — with the version
     * that is its {@code ETag}, or no bytes when {@code ifNoneMatch} names it. A fusion's export is
     * its current merge ({@link FusionExporter}, hierarchical fusions): its cells applied their own
     * controls. Every release with bytes is recorded in the audit trail (hashed outside the project's
     * lock) before it leaves; a {@code 304} releases nothing.
     */
    public ExportRelease export(String cid, String pid, String ifNoneMatch) {
        Project project = project(cid, pid);
        ExportRelease release = project instanceof CellProject cell
                ? exports.release(cell, ifNoneMatch, statistics -> mechanism.released(cell, statistics))
                : fusionExporter.export(project);
        if (!release.unchanged()) {
            audit.released(cid, pid, release.snapshot(), release.rowCount());
        }
        return release;
    }

    public ExportPolicy exportPolicy(String cid, String pid) {
        return exports.policyOf(cell(cid, pid, "exported"));
    }

    public ExportPolicy setExportPolicy(String cid, String pid, Map<String, String> policy) {
        return exports.setPolicy(cell(cid, pid, "exported"), policy);
    }

    public String importProject(String cid, String pid, boolean persist, byte[] snapshot) {
        validatePid(pid);
        ProjectStatistics statistics;
        try {
            statistics = StatisticsCodec.decode(snapshot);
        } catch (SnapshotFormatException e) {
            throw RequestRefused.invalid("Cannot import project [" + pid + "]: " + e.getMessage());
        }
        String badName = AttributeNames.problemIn(statistics);
        if (badName != null) {
            throw RequestRefused.invalid("Cannot import project [" + pid + "]: " + badName);
        }
        quota.admitNew(cid, pid, statistics.footprint());
        Instant now = clock.instant();
        ProjectType type = statistics.partitioned() ? ProjectType.PARTITION : ProjectType.CPU;
        ProjectSettings settings = new ProjectSettings(type, persist, statistics.histogramsEnabled(), Map.of());
        register(new CellProject(new ProjectHeader(cid, pid, settings, now, now, false), statistics));
        return "Project Created with id:" + pid;
    }

    /**
     * Registers a project built elsewhere (a fusion, by {@code FusionService}) under the rules of
     * {@link #create}: a valid id, 409 when it is taken, saved at once when persisted.
     */
    public void add(Project project) {
        validatePid(project.header().pid());
        register(project);
    }

    private void register(Project project) {
        ProjectHeader header = project.header();
        if (store.exists(header.cid(), header.pid()) || !registry.add(project)) {
            throw duplicate(header.cid(), header.pid());
        }
        if (header.settings().persisted()) {
            store.save(project);
        }
    }

    /**
     * Data sources (spec §5.3, the DSS API) are not implemented: a cell project learns DataFrames,
     * and a fusion project takes no data at all, so it gets the fusion's own reason.
     */
    public RequestRefused dataSourcesRefused(String cid, String pid) {
        cell(cid, pid, "given data sources");
        return RequestRefused.invalid(NO_DATA_SOURCES);
    }

    /**
     * The cell project {@code pid}; a fusion is refused (400) with a text saying it cannot be
     * {@code action} ("exported", "merged into", …).
     */
    public CellProject cell(String cid, String pid, String action) {
        Project project = project(cid, pid);
        if (project instanceof CellProject cell) {
            return cell;
        }
        throw RequestRefused.invalid("Project [" + pid + "] is a " + project.header().settings().type().wireName()
                + " project and cannot be " + action + ": a fusion holds no rows of its own");
    }

    private static void validatePid(String pid) {
        String problem = pidProblem(pid);
        if (problem != null) {
            throw RequestRefused.invalid(problem);
        }
    }

    /** @return why {@code pid} is not a valid project id (here, or of a fusion's cell elsewhere), or null when it is */
    public static String pidProblem(String pid) {
        if (pid == null || !PID.matcher(pid).matches() || pid.equals(".") || pid.equals("..")) {
            return "Invalid project id [" + pid + "]: use 1 to 128 letters, digits, '.', '_' or '-', other than . and ..";
        }
        if (RESERVED.contains(pid)) {
            return "Invalid project id [" + pid + "]: reserved names are " + new TreeSet<>(RESERVED);
        }
        return null;
    }

    static RequestRefused unknown(String cid, String pid) {
        return RequestRefused.invalid("Cannot Find SYMETRYML id[" + pid + "] for Customer id [" + cid + "]");
    }

    private static RequestRefused duplicate(String cid, String pid) {
        return RequestRefused.conflict("Customer [" + cid + "] already have SYMETRYML with id[" + pid + "], ");
    }
}
