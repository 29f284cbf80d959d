package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer (SymetryML "user"): its id, its 128-bit secret key as the server's sealer sealed it
 * (never in clear: a backup must not expose the tenants' keys), and whether it may administer
 * customers. Rows written before keys were sealed hold the clear Base64 key until the start-up
 * migration seals them; the column keeps its name and size (a sealed key takes 63 characters).
 */
@Entity
@Table(name = "SML_CUSTOMER")
public class CustomerEntity {

    @Id
    @Column(name = "CID", length = 64)
    private String cid;

    @Column(name = "SECRET_KEY", nullable = false, length = 64)
    private String sealedKey;

    @Column(name = "IS_ADMIN", nullable = false)
    private boolean admin;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "KEY_ROTATED_AT", nullable = false)
    private Instant keyRotatedAt;

    protected CustomerEntity() {
    }

    public CustomerEntity(String cid, String sealedKey, boolean admin, Instant now) {
        this.cid = cid;
        this.sealedKey = sealedKey;
        this.admin = admin;
        this.createdAt = now;
        this.keyRotatedAt = now;
    }

    public String getCid() {
        return cid;
    }

    public String getSealedKey() {
        return sealedKey;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getKeyRotatedAt() {
        return keyRotatedAt;
    }

    public void rotateKey(String newSealedKey, Instant now) {
        this.sealedKey = newSealedKey;
        this.keyRotatedAt = now;
    }

    /** The same key, sealed: not a rotation. */
    public void sealKey(String sealed) {
        this.sealedKey = sealed;
    }

    public void grantAdmin() {
        this.admin = true;
    }
}
