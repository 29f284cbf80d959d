package io.smlfusion.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.persistence.StreamDefinitionEntity;
import io.smlfusion.persistence.StreamRepository;
import io.smlfusion.security.Sealer;

/**
 * The definitions of the streams of persisted projects: each TaskInfo sealed as a whole
 * ({@link Sealer}, bound to its customer, project and stream id), since it may hold SASL or key
 * store passwords, with whether the stream should run when the server starts.
 */
@ApplicationScoped
public class StreamStore {

    @Inject
    StreamRepository repository;

    @Inject
    Sealer sealer;

    /** A stored definition, opened. */
    record Stored(String cid, String pid, String streamId, String taskJson, boolean running) {
    }

    void save(String cid, String pid, StreamTask task, boolean running) {
        String sealed = sealer.seal(owner(cid, pid, task.streamId()), task.taskJson().getBytes(StandardCharsets.UTF_8));
        repository.save(new StreamDefinitionEntity(cid, pid, task.streamId(), sealed, running));
    }

    void setRunning(String cid, String pid, String streamId, boolean running) {
        repository.setRunning(cid, pid, streamId, running);
    }

    /** @param journalId the project's journal id, whose offsets of this stream go too; null to keep offsets */
    void delete(String cid, String pid, String streamId, String journalId) {
        repository.delete(cid, pid, streamId, journalId);
    }

    /** @throws IllegalStateException for a definition this server's sealing key does not open */
    List<Stored> all() {
        return repository.all().stream().map(entity -> new Stored(entity.getCid(), entity.getPid(), entity.getStreamId(),
                new String(sealer.unseal(owner(entity.getCid(), entity.getPid(), entity.getStreamId()), entity.getSealedTask()),
                        StandardCharsets.UTF_8), entity.isRunning())).toList();
    }

    private static String owner(String cid, String pid, String streamId) {
        return "stream:" + cid + "/" + pid + "/" + streamId;
    }
}
