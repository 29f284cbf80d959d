package io.smlfusion.stream;

import java.util.Locale;

/**
 * What a stream does with a record it cannot read: skip it (logged in the error log, counted) or
 * stop, leaving it unconsumed so that it is read again when the stream starts again. The
 * DataFrame's {@code errorHandling} numbers are accepted too: 0 stops, 1 skips.
 */
public enum ErrorHandling {
    STOP,
    SKIP;

    /** @return the policy named {@code text}, or null */
    static ErrorHandling of(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "stop", "0" -> STOP;
            case "skip", "1" -> SKIP;
            default -> null;
        };
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
