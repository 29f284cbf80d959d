package io.smlfusion.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.disclosure.ExportPolicy;
import io.smlfusion.disclosure.ExportRelease;
import io.smlfusion.disclosure.ReleaseHistory;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.refusal.RequestRefused;

/**
 * Disclosure control on the exports of cell projects (docs/operations.md): the server's default
 * {@link ExportPolicy}, each project's stricter one, and each project's {@link ReleaseHistory}.
 * A history lives as long as its project object: a rename keeps it, a delete, an unload or a restart
 * drops it (see the operations guide for what that means).
 */
@ApplicationScoped
public class ProjectExports {

    static final String MIN_ROWS_KEY = "smlfusion.export.min.rows";
    static final String MIN_DELTA_ROWS_KEY = "smlfusion.export.min.delta.rows";
    private static final Set<String> POLICY_OPTIONS = Set.of(ExportPolicy.MIN_ROWS_OPTION, ExportPolicy.MIN_DELTA_ROWS_OPTION);

    @Inject
    @ConfigProperty(name = MIN_ROWS_KEY, defaultValue = "10")
    int minRows;

    @Inject
    @ConfigProperty(name = MIN_DELTA_ROWS_KEY, defaultValue = "10")
    int minDeltaRows;

    @Inject
    ProjectStore store;

    private ExportPolicy serverDefault;
    /** Weak keys: a history goes with its project (identity, never equality: projects do not override equals). */
    private final Map<CellProject, ReleaseHistory> histories = new WeakHashMap<>();

    @PostConstruct
    void init() {
        try {
            serverDefault = new ExportPolicy(minRows, minDeltaRows);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid " + MIN_ROWS_KEY + " or " + MIN_DELTA_ROWS_KEY + ": " + e.getMessage(), e);
        }
    }

    /**
     * The release of an export of {@code project} now: a new one, the previous one again, or a 409
     * refusal; {@linkplain ExportRelease#notModified not modified} when {@code ifNoneMatch} names the
     * version of the release (the previous one's, when it is sent again).
     *
     * @param ifNoneMatch the caller's {@code If-None-Match} header, or null
     * @param releasing   what a new release makes of the exact statistics (e.g. differential privacy's noise)
     */
    public ExportRelease release(CellProject project, String ifNoneMatch, UnaryOperator<ProjectStatistics> releasing) {
        ExportPolicy policy = policyOf(project);
        ReleaseHistory history = historyOf(project);
        String pid = project.header().pid();
        return project.read(statistics ->
                history.next(pid, policy, statistics, project.snapshotVersion(), project.rowsChanged(), ifNoneMatch, releasing));
    }

    public ExportPolicy serverDefault() {
        return serverDefault;
    }

    /** The policy {@code project}'s exports obey: its own options, never below the server's. */
    public ExportPolicy policyOf(Project project) {
        return ExportPolicy.of(project.header().settings().options(), serverDefault);
    }

    /**
     * Sets {@code project}'s own thresholds ({@link ExportPolicy#MIN_ROWS_OPTION},
     * {@link ExportPolicy#MIN_DELTA_ROWS_OPTION}; one or both), saved at once when the project is
     * persisted. A value below the server's default is refused rather than ignored: the default is the
     * floor for every project, and whoever holds the project's key (its fusions do) must not lower it.
     */
    public ExportPolicy setPolicy(Project project, Map<String, String> asked) {
        if (asked.isEmpty() || !POLICY_OPTIONS.containsAll(asked.keySet())) {
            throw RequestRefused.invalid("An export policy takes " + ExportPolicy.MIN_ROWS_OPTION + " and/or "
                    + ExportPolicy.MIN_DELTA_ROWS_OPTION + ", not " + asked.keySet());
        }
        ExportPolicy policy;
        try {
            policy = ExportPolicy.of(asked, new ExportPolicy(0, 0));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("Option " + e.getMessage());
        }
        requireAtLeast(ExportPolicy.MIN_ROWS_OPTION, asked, policy.minRows(), serverDefault.minRows(), MIN_ROWS_KEY);
        requireAtLeast(ExportPolicy.MIN_DELTA_ROWS_OPTION, asked, policy.minDeltaRows(), serverDefault.minDeltaRows(), MIN_DELTA_ROWS_KEY);
        Map<String, String> changes = new LinkedHashMap<>(policy.asOptions());
        changes.keySet().retainAll(asked.keySet());
        project.header().putOptions(changes);
        if (project.header().settings().persisted()) {
            store.save(project);
        }
        return policyOf(project);
    }

    private static void requireAtLeast(String option, Map<String, String> asked, int value, int floor, String key) {
        if (asked.containsKey(option) && value < floor) {
            throw RequestRefused.invalid("Option '" + option + "' cannot be " + value + ": this server's " + key + " is "
                    + floor + ", and a project may only be stricter");
        }
    }

    private ReleaseHistory historyOf(CellProject project) {
        synchronized (histories) {
            return histories.computeIfAbsent(project, p -> new ReleaseHistory());
        }
    }
}
