package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer (SymetryML "user"): its id, its Base64 128-bit secret key, and whether it may administer customers. */
@Entity
@Table(name = "SML_CUSTOMER")
public class CustomerEntity {

    @Id
    @Column(name = "CID", length = 64)
    private String cid;

    @Column(name = "SECRET_KEY", nullable = false, length = 64)
    private String secretKey;

    @Column(name = "IS_ADMIN", nullable = false)
    private boolean admin;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "KEY_ROTATED_AT", nullable = false)
    private Instant keyRotatedAt;

    protected CustomerEntity() {
    }

    public CustomerEntity(String cid, String secretKey, boolean admin, Instant now) {
        this.cid = cid;
        this.secretKey = secretKey;
        this.admin = admin;
        this.createdAt = now;
        this.keyRotatedAt = now;
    }

    public String getCid() {
        return cid;
    }

    public String getSecretKey() {
        return secretKey;
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

    public void rotateKey(String newSecretKey, Instant now) {
        this.secretKey = newSecretKey;
        this.keyRotatedAt = now;
    }

    public void grantAdmin() {
        this.admin = true;
    }
}
