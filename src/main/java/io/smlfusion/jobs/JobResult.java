package io.smlfusion.jobs;

import java.util.Map;

/**
 * What a finished job answers: its entity map and its {@code statusString}, which is
 * {@value #FINISHED} unless the work had something to add (e.g. values answered as null).
 */
public record JobResult(String statusString, Map<String, Object> values) {

    public static final String FINISHED = "Job is finished";

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
