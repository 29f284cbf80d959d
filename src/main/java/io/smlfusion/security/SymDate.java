package io.smlfusion.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sym-date} header value (spec §2.2, §2.4): UTC {@code yyyy-MM-dd HH:mm:ss}, optionally
 * followed by {@code ;} and the nanosecond of the second as a plain integer.
 *
 * <p>The fraction is written the way the vendor client writes it ({@code ;294669000}, not
 * zero-padded) and read as a count of nanoseconds, so {@code ;1245} (the doc sample) means 1245 ns.
 * It is optional on input because pre-2015 clients omit it (spec §14.11). A fraction of more than
 * nine digits cannot be a nanosecond count and is refused, as is {@code ;} without digits.
 */
public final class SymDate {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern VALUE = Pattern.compile("([^;]*)(?:;(\\d{1,9}))?");

    private SymDate() {
    }

    /** The header value for the current instant of {@code clock}. */
    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /** The header value for {@code instant}; {@link #parse} gives the same instant back. */
    public static String format(Instant instant) {
        return SECONDS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + ";" + instant.getNano();
    }

    /**
     * Reads a header value.
     *
     * @throws DateTimeParseException when the value is not in the documented format
     */
    public static Instant parse(String value) {
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            throw new DateTimeParseException("sym-date must be 'yyyy-MM-dd HH:mm:ss[;nanos]'", value, 0);
        }
        Instant seconds = LocalDateTime.parse(m.group(1), SECONDS).toInstant(ZoneOffset.UTC);
        return m.group(2) == null ? seconds : seconds.plusNanos(Long.parseLong(m.group(2)));
    }
}
