package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An export-only key: its id (signed as a customer id is), its secret sealed like a customer key,
 * the customer whose projects it reads, and the projects it may read, joined by
 * {@value #PROJECT_SEPARATOR} (a character no project id contains). One row, one column for the
 * projects, so that a key and its scope are written and revoked atomically.
 */
@Entity
@Table(name = "SML_EXPORT_KEY")
public class ExportKeyEntity {

    /** Not a project id character. */
    public static final String PROJECT_SEPARATOR = ",";
    /** Room for 64 project ids of 128 characters and their separators. */
    public static final int PROJECTS_LENGTH = 8256;

    @Id
    @Column(name = "KEY_ID", length = 64)
    private String keyId;

    @Column(name = "OWNER_CID", nullable = false, length = 64)
    private String owner;

    @Column(name = "SECRET_KEY", nullable = false, length = 64)
    private String sealedKey;

    @Column(name = "PROJECTS", nullable = false, length = PROJECTS_LENGTH)
    private String projects;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 64)
    private String createdBy;

    protected ExportKeyEntity() {
    }

    public ExportKeyEntity(String keyId, String owner, String sealedKey, String projects, Instant createdAt, String createdBy) {
        this.keyId = keyId;
        this.owner = owner;
        this.sealedKey = sealedKey;
        this.projects = projects;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getOwner() {
        return owner;
    }

    public String getSealedKey() {
        return sealedKey;
    }

    public String getProjects() {
        return projects;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
