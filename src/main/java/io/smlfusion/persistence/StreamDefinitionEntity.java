package io.smlfusion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A Kafka stream attached to a persisted cell project: its TaskInfo, sealed as a whole (it may hold
 * SASL passwords and key store passwords), and whether it should run, so that it starts again with
 * the server.
 */
@Entity
@Table(name = "SML_STREAM")
@IdClass(StreamDefinitionKey.class)
public class StreamDefinitionEntity {

    @Id
    @Column(name = "CID", nullable = false, length = 64)
    private String cid;

    @Id
    @Column(name = "PID", nullable = false, length = 128)
    private String pid;

    @Id
    @Column(name = "SID", nullable = false, length = 128)
    private String streamId;

    @Lob
    @Column(name = "SEALED_TASK", nullable = false)
    private String sealedTask;

    @Column(name = "RUNNING", nullable = false)
    private boolean running;

    protected StreamDefinitionEntity() {
    }

    public StreamDefinitionEntity(String cid, String pid, String streamId, String sealedTask, boolean running) {
        this.cid = cid;
        this.pid = pid;
        this.streamId = streamId;
        this.sealedTask = sealedTask;
        this.running = running;
    }

    public String getCid() {
        return cid;
    }

    public String getPid() {
        return pid;
    }

    public String getStreamId() {
        return streamId;
    }

    public String getSealedTask() {
        return sealedTask;
    }

    public boolean isRunning() {
        return running;
    }

    void setRunning(boolean running) {
        this.running = running;
    }
}
