package io.smlfusion.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stream has done, for {@code metrics} and {@code errorLog}: written by its consumer thread,
 * read by requests, so every method is synchronized (one short lock per poll). The error log keeps
 * the last {@code errorLogSize} bad records, each with a bounded prefix of the record.
 */
final class StreamMetrics {

    /** Characters of a bad record shown in the error log. */
    static final int RECORD_PREFIX_CHARS = 200;
    /** Characters of a reason kept: reasons quote values only shortened, but a decoder's message is not ours. */
    static final int REASON_CHARS = 500;
    /** Seconds over which records/s is measured. */
    private static final int RATE_SECONDS = 10;

    private final Clock clock;
    private final int errorLogSize;
    private final Deque<Map<String, Object>> errorLog = new ArrayDeque<>();
    private final long[] recordsPerSecond = new long[RATE_SECONDS];
    private long rateSecond;
    private long recordsConsumed;
    private long rowsApplied;
    private long recordsSkipped;
    private long rowsSkipped;
    private Map<String, Long> lag = Map.of();
    private String lastError;
    private Instant lastErrorAt;

    StreamMetrics(Clock clock, int errorLogSize) {
        this.clock = clock;
        this.errorLogSize = errorLogSize;
    }

    synchronized void consumed(int records, long rows, long skippedRows) {
        tick();
        recordsPerSecond[(int) (rateSecond % RATE_SECONDS)] += records;
        recordsConsumed += records;
        rowsApplied += rows;
        rowsSkipped += skippedRows;
    }

    synchronized void rejected(ConsumedRecord record, String reason, boolean skipped) {
        if (skipped) {
            recordsSkipped++;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("partition", record.partition());
        entry.put("offset", record.offset());
        entry.put("reason", reason.length() > REASON_CHARS ? reason.substring(0, REASON_CHARS) + "…" : reason);
        entry.put("record", prefix(record.value()));
        entry.put("action", skipped ? "skipped" : "stopped");
        errorLog.addLast(entry);
        while (errorLog.size() > errorLogSize) {
            errorLog.removeFirst();
        }
    }

    synchronized void failed(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }

    synchronized void lag(Map<String, Long> byPartition) {
        lag = Map.copyOf(byPartition);
    }

    /** Records of every partition not yet applied, as last measured; what the Prometheus gauge shows. */
    synchronized long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<String, Object> snapshot() {
        tick();
        long recent = 0;
        for (long count : recordsPerSecond) {
            recent += count;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("recordsConsumed", recordsConsumed);
        metrics.put("recordsPerSecond", (double) recent / RATE_SECONDS);
        metrics.put("rowsApplied", rowsApplied);
        metrics.put("rowsSkipped", rowsSkipped);
        metrics.put("recordsSkipped", recordsSkipped);
        metrics.put("lag", new TreeMap<>(lag));
        metrics.put("lastError", lastError == null ? "" : lastError);
        metrics.put("lastErrorAt", lastErrorAt == null ? "" : lastErrorAt.toString());
        return metrics;
    }

    synchronized List<Map<String, Object>> errorLog() {
        return new ArrayList<>(errorLog);
    }

    /** Moves the rate's window to now, clearing the seconds that passed without records. */
    private void tick() {
        long now = clock.millis() / 1000;
        for (long second = Math.max(rateSecond + 1, now - RATE_SECONDS + 1); second <= now; second++) {
            recordsPerSecond[(int) (second % RATE_SECONDS)] = 0;
        }
        rateSecond = Math.max(rateSecond, now);
    }

    /** The record's first characters, as text with the non-printable ones replaced: never the whole of a large record. */
    static String prefix(byte[] value) {
        if (value == null) {
            return "";
        }
        int length = Math.min(value.length, RECORD_PREFIX_CHARS * 4);
        String text = new String(value, 0, length, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\\t]]", "?");
        if (text.length() > RECORD_PREFIX_CHARS) {
            return text.substring(0, RECORD_PREFIX_CHARS) + "…";
        }
        return length < value.length ? text + "…" : text;
    }
}
