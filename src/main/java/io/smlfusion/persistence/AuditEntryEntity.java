package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One release of statistics, as the audit trail records it: an export a cell released, or a fused
 * answer computed from a merge. Never updated; deleted only when older than the retention.
 */
@Entity
@Table(name = "SML_AUDIT", indexes = {
        @Index(name = "SML_AUDIT_AT", columnList = "RECORDED_AT"),
        @Index(name = "SML_AUDIT_OWNER", columnList = "OWNER_CID, RECORDED_AT"),
        @Index(name = "SML_AUDIT_SHA", columnList = "SHA256")})
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    @Column(name = "CALLER", nullable = false, length = 128)
    private String caller;

    @Column(name = "OWNER_CID", nullable = false, length = 128)
    private String owner;

    @Column(name = "PID", nullable = false, length = 128)
    private String pid;

    @Column(name = "KIND", nullable = false, length = 16)
    private String kind;

    @Column(name = "CALL_NAME", nullable = false, length = 64)
    private String call;

    @Column(name = "ROW_COUNT", nullable = false)
    private long rowCount;

    @Column(name = "SHA256", nullable = false, length = 64)
    private String sha256;

    protected AuditEntryEntity() {
    }

    public AuditEntryEntity(Instant recordedAt, String caller, String owner, String pid, String kind, String call,
                            long rowCount, String sha256) {
        this.recordedAt = recordedAt;
        this.caller = caller;
        this.owner = owner;
        this.pid = pid;
        this.kind = kind;
        this.call = call;
        this.rowCount = rowCount;
        this.sha256 = sha256;
    }

    /** Increasing in insertion order; null until inserted. */
    public Long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The customer whose key signed the call that released the statistics. */
    public String getCaller() {
        return caller;
    }

    /** The customer that owns the project. */
    public String getOwner() {
        return owner;
    }

    public String getPid() {
        return pid;
    }

    /** the name of an {@code AuditKind} */
    public String getKind() {
        return kind;
    }

    /** What the caller asked: {@code export}, or the call that read a merge ({@code explore}, {@code build}, …). */
    public String getCall() {
        return call;
    }

    public long getRowCount() {
        return rowCount;
    }

    /** SHA-256 of the exported bytes, or the merge's hash for a fused answer. */
    public String getSha256() {
        return sha256;
    }
}
