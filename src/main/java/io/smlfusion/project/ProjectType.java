package io.smlfusion.project;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.smlfusion.refusal.RequestRefused;

/** The {@code type} of a project as ProjectInfo shows it (spec §5.1). */
public enum ProjectType {
    /** the default: one representation over all rows */
    CPU("cpu"),
    /** one representation per value of the {@code partitionSplit} column */
    PARTITION("partition"),
    /** no rows of its own: the merge of its cells (spec §6) */
    FUSION("fusion");

    private final String wireName;

    ProjectType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the {@code type} query parameter of project creation; a fusion is created through its own endpoint. */
    public static ProjectType forCreation(String type) {
        if (type == null || type.isBlank() || type.equalsIgnoreCase("dynamic")) {
            return CPU;
        }
        String wanted = type.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(CPU.wireName)) {
            return CPU;
        }
        if (wanted.equals(PARTITION.wireName)) {
            return PARTITION;
        }
        String reason = switch (wanted) {
            case "gpu", "mgpuf", "mgpud" -> "GPU projects are not supported by this server";
            case "sequence" -> "sequence projects are not supported yet";
            case "fusion" -> "fusion projects are created with POST projects/fusion/create";
            default -> "unknown project type";
        };
        throw RequestRefused.invalid("Invalid project type [" + type + "]: " + reason + "; supported: "
                + Arrays.stream(new ProjectType[] {CPU, PARTITION}).map(ProjectType::wireName).collect(Collectors.joining(", ")));
    }

    public static ProjectType fromWireName(String wireName) {
        for (ProjectType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown project type " + wireName);
    }
}
