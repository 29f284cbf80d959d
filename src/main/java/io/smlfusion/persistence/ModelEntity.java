package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A model of a persisted project: the model in its versioned binary format ({@code ModelCodec})
 * and what the server knows about it beyond the model itself (when and how it was built, the
 * attribute indexes and types it was built on). One row per (customer, project, model id); the
 * rows of a project are renamed and deleted with its {@link ProjectEntity} by
 * {@link ProjectRepository}, in the same transaction.
 */
@Entity
@Table(name = "SML_MODEL")
@IdClass(ModelKey.class)
public class ModelEntity {

    @Id
    @Column(name = "CID", nullable = false, length = 64)
    private String cid;

    @Id
    @Column(name = "PID", nullable = false, length = 128)
    private String pid;

    @Id
    @Column(name = "MODEL_ID", nullable = false, length = 128)
    private String modelId;

    @Column(name = "ALGO", nullable = false, length = 32)
    private String algorithm;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "BUILD_TIME_NS", nullable = false)
    private long buildTimeNanos;

    /** attribute indexes and types at build time, build options: a JSON object */
    @Lob
    @Column(name = "METADATA_JSON", nullable = false)
    private String metadataJson;

    /** the model in the ModelCodec format */
    @Lob
    @Column(name = "MODEL_BYTES", nullable = false)
    private byte[] model;

    protected ModelEntity() {
    }

    public ModelEntity(String cid, String pid, String modelId) {
        this.cid = cid;
        this.pid = pid;
        this.modelId = modelId;
    }

    /** The same model under another project id: the id is part of the key, so a rename is a new row. */
    public ModelEntity renamedTo(String newPid) {
        ModelEntity renamed = new ModelEntity(cid, newPid, modelId);
        renamed.update(algorithm, createdAt, buildTimeNanos, metadataJson, model);
        return renamed;
    }

    /** Copies everything a save writes. */
    public void update(String algorithm, Instant createdAt, long buildTimeNanos, String metadataJson, byte[] model) {
        this.algorithm = algorithm;
        this.createdAt = createdAt;
        this.buildTimeNanos = buildTimeNanos;
        this.metadataJson = metadataJson;
        this.model = model;
    }

    public String getCid() {
        return cid;
    }

    public String getPid() {
        return pid;
    }

    public String getModelId() {
        return modelId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getBuildTimeNanos() {
        return buildTimeNanos;
    }

    public String getMetadataJson() {
        return metadataJson;
    }

    public byte[] getModel() {
        return model;
    }
}
