package io.smlfusion.project;

import java.util.Map;
import java.util.TreeMap;

import io.smlfusion.refusal.RequestRefused;

/**
 * What a project was created with: its type, the flags of the create call, and the body's options
 * map (spec §5.2), of which this server acts on {@code partitionSplit} and {@code sml_project_autosave}.
 */
public record ProjectSettings(ProjectType type, boolean persisted, boolean histogramEnabled, Map<String, String> options) {

    public static final String PARTITION_SPLIT = "partitionSplit";
    public static final String AUTOSAVE = "sml_project_autosave";

    public ProjectSettings {
        options = Map.copyOf(new TreeMap<>(options));
        if (type == ProjectType.PARTITION && partitionColumn() == null) {
            throw RequestRefused.invalid("A partition project needs the option '" + PARTITION_SPLIT + "' naming its partition column");
        }
        String autosave = options.get(AUTOSAVE);
        if (autosave != null && !autosave.equalsIgnoreCase("true") && !autosave.equalsIgnoreCase("false")) {
            throw RequestRefused.invalid("Option '" + AUTOSAVE + "' must be true or false, not [" + autosave + "]");
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

    public ProjectSettings withPersisted(boolean persist) {
        return new ProjectSettings(type, persist, histogramEnabled, options);
    }
}
