package io.smlfusion.fusion;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.smlfusion.refusal.RequestRefused;

/**
 * The longest a calling fusion waits for a cell's answer, sent as {@value #HEADER} (whole
 * milliseconds) on every call to a cell: what is left of the call's deadline, and never more than
 * the socket read timeout, since a fusion sends nothing until its snapshot is ready. A plain cell
 * ignores it. A fusion that is a cell of another fusion waits for its own refresh at most
 * {@link #ownShare three quarters} of it, so it answers its caller (from a new merge, the last good
 * one, or with a 503) in time, leaving a quarter for the answer to travel; the refresh itself goes
 * on with the fusion's own deadline and serves the next call. Each level of a hierarchy thus
 * answers inside the wait of the level above it, whatever the deadlines configured on each server.
 *
 * <p>Hostile input, but it can only make this server wait less than its own deadline; a value that
 * is not 1 to 9 digits is refused (400).
 */
final class FusionBudget {

    static final String HEADER = "sym-fusion-budget-ms";

    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,9}");

    private FusionBudget() {
    }

    /** @throws RequestRefused 400 for anything but 1 to 9 digits */
    static Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!MILLIS.matcher(header.strip()).matches()) {
            throw RequestRefused.invalid("The " + HEADER + " header must be a whole number of milliseconds (1 to 9 digits)");
        }
        return Optional.of(Duration.ofMillis(Long.parseLong(header.strip())));
    }

    /** What a fusion answering a call with this budget may spend on its refresh. */
    static Duration ownShare(Duration budget) {
        return budget.multipliedBy(3).dividedBy(4);
    }

    /** The header of a call bounded by {@code deadline} and by {@code readTimeout} per socket read. */
    static String header(Deadline deadline, Duration readTimeout) {
        Duration left = deadline.remaining();
        return Long.toString((readTimeout.compareTo(left) < 0 ? readTimeout : left).toMillis());
    }
}
