package io.smlfusion.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

import io.smlfusion.project.ProjectService;

/**
 * A stream attached to a cell project and, while it runs, its consumer. Its state changes under its
 * own lock, but stopping waits for the consumer outside it: the consumer reports its own failure
 * ({@link #failed}) through the same lock as it ends.
 */
final class ProjectStream {

    private final String cid;
    private final String pid;
    private final StreamTask task;
    private final boolean persisted;
    private final boolean exactlyOnce;
    private final StreamMetrics metrics;
    private StreamState state = StreamState.STOPPED;
    private StreamConsumer consumer;

    /**
     * @param persisted   whether the definition is stored (the project is persisted)
     * @param exactlyOnce whether the project journals its changes, and so the offsets with them
     */
    ProjectStream(String cid, String pid, StreamTask task, boolean persisted, boolean exactlyOnce, StreamMetrics metrics) {
        this.cid = cid;
        this.pid = pid;
        this.task = task;
        this.persisted = persisted;
        this.exactlyOnce = exactlyOnce;
        this.metrics = metrics;
    }

    StreamTask task() {
        return task;
    }

    boolean persisted() {
        return persisted;
    }

    synchronized StreamState state() {
        return state;
    }

    /** @return false when it was running already */
    synchronized boolean start(ThreadFactory threads, ProjectService projects, StreamSettings settings) {
        if (state == StreamState.RUNNING) {
            return false;
        }
        StreamConsumer started = new StreamConsumer(cid, pid, task, projects, settings, metrics, this::failed);
        consumer = started;
        state = StreamState.RUNNING;
        Thread thread = threads.newThread(started);
        thread.setName("sml-stream-" + cid + "-" + pid + "-" + task.streamId());
        thread.start();
        return true;
    }

    /** Asks the consumer to end; {@link #awaitStopped} waits for it. */
    StreamConsumer requestStop() {
        StreamConsumer running;
        synchronized (this) {
            running = consumer;
            consumer = null;
            if (state == StreamState.RUNNING) {
                state = StreamState.STOPPED;
            }
        }
        if (running != null) {
            running.requestStop();
        }
        return running;
    }

    void stop() {
        StreamConsumer running = requestStop();
        if (running != null) {
            running.awaitEnd();
        }
    }

    private synchronized void failed(StreamConsumer ended) {
        if (consumer == ended) {
            consumer = null;
            state = StreamState.FAILED;
        }
    }

    Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>(task.description());
        description.put("state", state().name());
        description.put("persisted", persisted);
        return description;
    }

    Map<String, Object> metrics() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("sid", task.streamId());
        snapshot.put("state", state().name());
        snapshot.put("delivery", exactlyOnce ? "exactly-once" : "at-least-once");
        snapshot.putAll(metrics.snapshot());
        return snapshot;
    }

    StreamMetrics metricsLog() {
        return metrics;
    }
}
