package io.smlfusion.project;

import java.util.Map;
import java.util.TreeMap;

import io.smlfusion.disclosure.ExportPolicy;
import io.smlfusion.refusal.RequestRefused;

/**
 * What a project was created with: its type, the flags of the create call, and the body's options
 * map (spec §5.2), of which this server acts on {@code partitionSplit}, {@code sml_project_autosave},
 * {@code enable_histogram} (how the vendor's client asks for histograms: {@code --params="enable_histogram=true"})
 * and the export's disclosure controls ({@link ExportPolicy#MIN_ROWS_OPTION}, {@link ExportPolicy#MIN_DELTA_ROWS_OPTION}).
 */
public record ProjectSettings(ProjectType type, boolean persisted, boolean histogramEnabled, Map<String, String> options) {

    public static final String PARTITION_SPLIT = "partitionSplit";
    public static final String AUTOSAVE = "sml_project_autosave";
    public static final String ENABLE_HISTOGRAM = "enable_histogram";

    public ProjectSettings {
        options = Map.copyOf(new TreeMap<>(options));
        if (type == ProjectType.PARTITION && partitionColumn() == null) {
            throw RequestRefused.invalid("A partition project needs the option '" + PARTITION_SPLIT + "' naming its partition column");
        }
        requireBoolean(options, AUTOSAVE);
        requireBoolean(options, ENABLE_HISTOGRAM);
        String exportProblem = ExportPolicy.problemIn(options);
        if (exportProblem != null) {
            throw RequestRefused.invalid("Option " + exportProblem);
        }
    }

    /**
     * The settings of a project being created: histograms when the query flag
     * {@code enableHistogram} or the body option {@value #ENABLE_HISTOGRAM} asks for them.
     */
    public static ProjectSettings forCreation(ProjectType type, boolean persist, boolean enableHistogram, Map<String, String> options) {
        requireBoolean(options, ENABLE_HISTOGRAM);
        return new ProjectSettings(type, persist, enableHistogram || "true".equalsIgnoreCase(options.get(ENABLE_HISTOGRAM)), options);
    }

    private static void requireBoolean(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw RequestRefused.invalid("Option '" + key + "' must be true or false, not [" + value + "]");
        }
    }

    public String partitionColumn() {
        String column = options.get(PARTITION_SPLIT);
        return type == ProjectType.PARTITION && column != null && !column.isBlank() ? column.trim() : null;
    }

    /** Default true (spec §5.2): a persisted project saves itself after every update. */
    public boolean autoSave() {
        return !"false".equalsIgnoreCase(options.get(AUTOSAVE));
    }

    public ProjectSettings withHistogramEnabled(boolean enabled) {
        return new ProjectSettings(type, persisted, enabled, options);
    }

    public ProjectSettings withPersisted(boolean persist) {
        return new ProjectSettings(type, persist, histogramEnabled, options);
    }

    /** These settings with {@code changes} put into the options map. */
    public ProjectSettings withOptions(Map<String, String> changes) {
        Map<String, String> changed = new TreeMap<>(options);
        changed.putAll(changes);
        return new ProjectSettings(type, persisted, histogramEnabled, changed);
    }
}
