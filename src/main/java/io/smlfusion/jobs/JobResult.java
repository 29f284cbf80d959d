package io.smlfusion.jobs;

import java.util.Map;

/**
 * What a finished job answers: its entity map and its {@code statusString}, which is
 * {@value #FINISHED} unless the work had something to add (e.g. values answered as null), and the
 * {@code details} of its JobInfo (spec §5.4: an auto-select job reports there, and its finished
 * answer is then its JobInfo).
 */
public record JobResult(String statusString, Map<String, Object> values, Map<String, Object> details) {

    public static final String FINISHED = "Job is finished";

    public JobResult(String statusString, Map<String, Object> values) {
        this(statusString, values, Map.of());
    }

    /** A finished job whose answer is its JobInfo, with these details. */
    public static JobResult finishedWithDetails(Map<String, Object> details) {
        return new JobResult(FINISHED, Map.of(), details);
    }

    public static JobResult finished(Map<String, Object> values) {
        return new JobResult(FINISHED, values);
    }

    /** A finished job whose work would have answered {@code "OK; <note>"} synchronously keeps the note. */
    public static JobResult finished(String synchronousStatus, Map<String, Object> values) {
        String prefix = "OK; ";
        return new JobResult(synchronousStatus.startsWith(prefix)
                ? FINISHED + "; " + synchronousStatus.substring(prefix.length()) : FINISHED, values);
    }
}
