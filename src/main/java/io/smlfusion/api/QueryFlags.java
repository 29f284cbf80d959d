package io.smlfusion.api;

import java.util.Locale;

import io.smlfusion.refusal.RequestRefused;

/**
 * Boolean query parameters, read strictly. JAX-RS reads a {@code boolean} parameter with
 * {@link Boolean#valueOf(String)}, so {@code async=maybe} or {@code persist=yes} would silently
 * mean false; here they are a 400 naming the parameter.
 */
final class QueryFlags {

    private QueryFlags() {
    }

    /**
     * @param whenAbsent the value of a missing or empty parameter
     * @throws RequestRefused 400 when {@code value} is not {@code true} or {@code false} (any case)
     */
    static boolean flag(String name, String value, boolean whenAbsent) {
        if (value == null || value.isEmpty()) {
            return whenAbsent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestRefused.invalid("Query parameter " + name + " must be true or false, not ["
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "]");
        };
    }
}
