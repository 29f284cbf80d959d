package io.smlfusion.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smlfusion.observability.StreamLagGauges;
import io.smlfusion.project.AttachedStreams;
import io.smlfusion.project.CellProject;
import io.smlfusion.project.ProjectService;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.refusal.RequestRefused;

/**
 * Kafka streams attached to cell projects (the spec's Streams endpoints): create, list, start,
 * stop, metrics, error log, delete. One consumer thread per running stream, at most
 * {@code smlfusion.stream.max.per.server} at once. The streams of persisted projects are stored
 * ({@link StreamStore}) and those that ran start again with the server; stopping the server stops
 * every consumer (each commits and leaves its group within the close timeout).
 */
@ApplicationScoped
public class StreamService implements AttachedStreams {

    private static final Logger LOG = Logger.getLogger(StreamService.class.getName());

    @Inject
    ProjectService projects;

    @Inject
    StreamSettings settings;

    @Inject
    StreamStore store;

    @Inject
    Clock clock;

    @Inject
    StreamLagGauges lagGauges;

    @Resource
    ManagedThreadFactory threads;

    private final Map<StreamKey, ProjectStream> streams = new ConcurrentHashMap<>();

    private record StreamKey(String cid, String pid, String streamId) {
    }

    /** Starts the stored streams that were running when the server stopped. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<StreamStore.Stored> stored;
        try {
            stored = store.all();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not read the stored streams; none was started", e);
            return;
        }
        for (StreamStore.Stored definition : stored) {
            try {
                restore(definition);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Stream [" + definition.streamId() + "] of project [" + definition.pid()
                        + "] of customer [" + definition.cid() + "] could not be restored", e);
            }
        }
    }

    private synchronized void restore(StreamStore.Stored definition) {
        if (!projects.list(definition.cid()).contains(definition.pid())) {
            store.delete(definition.cid(), definition.pid(), definition.streamId(), null);
            return;
        }
        StreamTask task = StreamTask.parse(definition.taskJson(), settings.taskBounds());
        ProjectSettings projectSettings = projects.streamed(definition.cid(), definition.pid()).header().settings();
        ProjectStream stream = register(definition.cid(), definition.pid(), task, true, projectSettings.autoSave());
        if (definition.running()) {
            stream.start(threads, projects, settings);
        }
    }

    @PreDestroy
    void stopAll() {
        streams.values().stream().map(ProjectStream::requestStop).filter(Objects::nonNull).toList()
                .forEach(StreamConsumer::awaitEnd);
    }

    /** @return the status string of the 201 answer */
    public synchronized String create(String cid, String pid, String taskJson) {
        CellProject project = projects.streamed(cid, pid);
        StreamTask task = StreamTask.parse(taskJson, settings.taskBounds());
        if (streams.containsKey(new StreamKey(cid, pid, task.streamId()))) {
            throw RequestRefused.conflict("Project [" + pid + "] already has a stream with id[" + task.streamId() + "]");
        }
        ProjectSettings projectSettings = project.header().settings();
        boolean persisted = projectSettings.persisted();
        if (persisted) {
            store.save(cid, pid, task, false);
        }
        register(cid, pid, task, persisted, persisted && projectSettings.autoSave());
        return "Stream Created with id:" + task.streamId();
    }

    private ProjectStream register(String cid, String pid, StreamTask task, boolean persisted, boolean exactlyOnce) {
        StreamMetrics metrics = new StreamMetrics(clock, settings.errorLogSize());
        ProjectStream stream = new ProjectStream(cid, pid, task, persisted, exactlyOnce, metrics);
        streams.put(new StreamKey(cid, pid, task.streamId()), stream);
        lagGauges.register(lagLabel(cid, pid, task.streamId()), metrics::totalLag);
        return stream;
    }

    /** Names a stream in the lag gauge by its project and id: neither broker addresses nor credentials. */
    private static String lagLabel(String cid, String pid, String streamId) {
        return cid + "/" + pid + "/" + streamId;
    }

    public List<Map<String, Object>> list(String cid, String pid) {
        projects.streamed(cid, pid);
        List<Map<String, Object>> list = new ArrayList<>();
        streams.entrySet().stream().filter(e -> e.getKey().cid().equals(cid) && e.getKey().pid().equals(pid))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(StreamKey::streamId)))
                .forEach(e -> list.add(e.getValue().description()));
        return list;
    }

    public synchronized void start(String cid, String pid, String streamId) {
        ProjectStream stream = stream(cid, pid, streamId);
        if (stream.state() == StreamState.RUNNING) {
            return;
        }
        long running = streams.values().stream().filter(s -> s.state() == StreamState.RUNNING).count();
        if (running >= settings.maxPerServer()) {
            throw new RequestRefused(RequestRefused.Reason.TOO_MANY, "This server runs " + running
                    + " streams already, its limit (smlfusion.stream.max.per.server); stop one first");
        }
        if (stream.persisted()) {
            store.setRunning(cid, pid, streamId, true);
        }
        stream.start(threads, projects, settings);
    }

    public void stop(String cid, String pid, String streamId) {
        ProjectStream stream = stream(cid, pid, streamId);
        if (stream.persisted()) {
            store.setRunning(cid, pid, streamId, false);
        }
        stream.stop();
    }

    public Map<String, Object> metrics(String cid, String pid, String streamId) {
        return stream(cid, pid, streamId).metrics();
    }

    public List<Map<String, Object>> errorLog(String cid, String pid, String streamId) {
        return stream(cid, pid, streamId).metricsLog().errorLog();
    }

    public void delete(String cid, String pid, String streamId) {
        ProjectStream stream = stream(cid, pid, streamId);
        stream.stop();
        synchronized (this) {
            if (streams.remove(new StreamKey(cid, pid, streamId), stream)) {
                lagGauges.unregister(lagLabel(cid, pid, streamId));
                if (stream.persisted()) {
                    store.delete(cid, pid, streamId, projects.streamed(cid, pid).journalId());
                }
            }
        }
    }

    @Override
    public void requireNone(String cid, String pid, String action) {
        List<String> attached = streamIds(cid, pid);
        if (!attached.isEmpty()) {
            throw RequestRefused.invalid("Project [" + pid + "] has the streams " + attached + " and cannot be " + action
                    + ": delete them first");
        }
    }

    @Override
    public void deleteAll(String cid, String pid) {
        for (String streamId : streamIds(cid, pid)) {
            ProjectStream stream = streams.get(new StreamKey(cid, pid, streamId));
            if (stream != null) {
                stream.stop();
                synchronized (this) {
                    if (streams.remove(new StreamKey(cid, pid, streamId), stream)) {
                        lagGauges.unregister(lagLabel(cid, pid, streamId));
                        if (stream.persisted()) {
                            // the project's deletion removes the offsets of its journal in its own transaction
                            store.delete(cid, pid, streamId, null);
                        }
                    }
                }
            }
        }
    }

    private List<String> streamIds(String cid, String pid) {
        return streams.keySet().stream().filter(k -> k.cid().equals(cid) && k.pid().equals(pid)).map(StreamKey::streamId)
                .sorted().toList();
    }

    private ProjectStream stream(String cid, String pid, String streamId) {
        projects.streamed(cid, pid);
        ProjectStream stream = streams.get(new StreamKey(cid, pid, streamId));
        if (stream == null) {
            throw new RequestRefused(RequestRefused.Reason.NOT_FOUND, "Project [" + pid + "] has no stream with id[" + streamId + "]");
        }
        return stream;
    }
}
