package io.smlfusion.audit;

import java.time.DateTimeException;
import java.time.Instant;

import io.smlfusion.refusal.RequestRefused;

/**
 * The parameters of an audit read, validated: entries recorded in [{@code from}, {@code to}),
 * newest first, page {@code page} of {@code size} entries.
 */
record AuditQuery(Instant from, Instant to, int page, int size) {

    static final int DEFAULT_SIZE = 100;
    /** Deeper pages make the database skip more rows; past this, narrow {@code from}/{@code to} instead. */
    static final int MAX_OFFSET = 100_000;
    /** 9999-12-31T23:59:59Z: SQL timestamps go no further. */
    private static final long LAST_SECOND = 253_402_300_799L;

    /**
     * @param from    ISO-8601 instant or epoch milliseconds; default the epoch
     * @param to      the same, exclusive; default {@code now} plus a second
     * @param page    from 0; default 0
     * @param size    1 to {@code maxSize}; default {@value #DEFAULT_SIZE} or {@code maxSize} if smaller
     */
    static AuditQuery parse(String from, String to, String page, String size, int maxSize, Instant now) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? now.plusSeconds(1) : instant("to", to);
        if (!start.isBefore(end)) {
            throw RequestRefused.invalid("Audit: from (" + start + ") must be before to (" + end + ")");
        }
        int pageSize = size == null ? Math.min(DEFAULT_SIZE, maxSize) : integer("size", size, 1, maxSize);
        int pageNumber = page == null ? 0 : integer("page", page, 0, MAX_OFFSET / pageSize);
        return new AuditQuery(start, end, pageNumber, pageSize);
    }

    int offset() {
        return page * size;
    }

    private static Instant instant(String name, String text) {
        String value = text.strip();
        try {
            Instant parsed = value.matches("[0-9]{1,15}") ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
            if (parsed.getEpochSecond() > LAST_SECOND) {
                throw new DateTimeException("out of range");
            }
            return parsed;
        } catch (DateTimeException e) {
            throw RequestRefused.invalid("Audit: " + name + " must be an ISO-8601 instant (2026-01-31T00:00:00Z) or epoch"
                    + " milliseconds between 1970 and 9999, not [" + abbreviated(text) + "]");
        }
    }

    private static int integer(String name, String text, int min, int max) {
        String value = text.strip();
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw RequestRefused.invalid("Audit: " + name + " must be an integer from " + min + " to " + max
                    + ", not [" + abbreviated(text) + "]");
        }
        return Integer.parseInt(value);
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
