package io.smlfusion.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

import io.smlfusion.refusal.RequestRefused;

/** One asynchronous job of a customer: what it is, and once done, its result or its failure. */
public final class Job {

    private final long id;
    private final String owner;
    private final String type;
    private final Instant started;
    private volatile Future<?> future;
    private volatile JobResult result;
    private volatile RequestRefused failure;
    private volatile Instant finished;

    Job(long id, String owner, String type, Instant started) {
        this.id = id;
        this.owner = owner;
        this.type = type;
        this.started = started;
    }

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String type() {
        return type;
    }

    public boolean isDone() {
        return finished != null;
    }

    /** The answer of the finished job; its map is empty for jobs without an entity (learn, build). */
    public JobResult result() {
        return result;
    }

    /** Why the job failed, or null. */
    public RequestRefused failure() {
        return failure;
    }

    Instant finished() {
        return finished;
    }

    void attach(Future<?> future) {
        this.future = future;
    }

    boolean cancel() {
        Future<?> running = future;
        return running != null && running.cancel(true);
    }

    /** The first outcome stands: work that ends after its job was cancelled does not replace the cancellation. */
    synchronized void succeed(JobResult answer, Instant now) {
        if (finished != null) {
            return;
        }
        this.result = answer;
        this.finished = now;
    }

    synchronized void fail(RequestRefused reason, Instant now) {
        if (finished != null) {
            return;
        }
        this.failure = reason;
        this.finished = now;
    }

    /** The {@code JobInfo} entity of spec §4.7. */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("jobId", id);
        info.put("jobType", type);
        info.put("owner", owner);
        info.put("startingDate", started.toEpochMilli());
        info.put("current", isDone() ? 1 : 0);
        info.put("maximum", 1);
        info.put("isOnBoundedExecutor", true);
        info.put("isStarted", true);
        info.put("isDone", isDone());
        info.put("details", failure != null ? Map.of("error", failure.getMessage())
                : result != null ? result.details() : Map.of());
        return info;
    }

    /** The entity of the finished job's answer: its JobInfo when it reports details, else its result's values. */
    public Map<String, Object> answer() {
        return result.details().isEmpty() ? result.values() : Map.of("jobinfo", info());
    }
}
