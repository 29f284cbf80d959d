package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The cells of one merge, stored once however many fused answers were computed from it: the
 * answers' {@link AuditEntryEntity} rows name the merge by its hash. Deleted with the last answer
 * that names it.
 */
@Entity
@Table(name = "SML_AUDIT_MERGE")
public class AuditMergeEntity {

    @Id
    @Column(name = "SHA256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    /** JSON array of {host, cid, pid, rowCount, sha256}, in merge order; bounded by the cells of a fusion. */
    @Lob
    @Column(name = "CELLS", nullable = false)
    private String cells;

    protected AuditMergeEntity() {
    }

    public AuditMergeEntity(String sha256, Instant recordedAt, String cells) {
        this.sha256 = sha256;
        this.recordedAt = recordedAt;
        this.cells = cells;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getCells() {
        return cells;
    }
}
