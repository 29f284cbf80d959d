package io.smlfusion.modelling;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.smlfusion.refusal.RequestRefused;

/** The query parameters of the modelling and prediction calls, read strictly: a typo is a 400, never a default. */
final class ModelRequests {

    private ModelRequests() {
    }

    /** {@code true} or {@code false} in any case; absent or blank is {@code defaultValue}. */
    static boolean flag(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestRefused.invalid("The query parameter " + name + " = '" + value + "' is not true or false");
        };
    }

    /** A comma-separated list of names, each stripped; empty entries are dropped. */
    static List<String> names(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    }
}
