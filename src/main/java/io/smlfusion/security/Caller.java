package io.smlfusion.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who made the current request, as {@link SignatureFilter} verified it. Two ids, which differ only
 * for an {@linkplain ExportKey export key}:
 * <ul>
 * <li>{@link #cid()}: the customer whose projects the request acts on — the cid of the path the
 *     resources see. For an export key, its owner.</li>
 * <li>{@link #keyId()}: the id that signed — the customer's own id, or the export key's id.</li>
 * </ul>
 * An audit line names both through {@link #describe()}.
 */
@RequestScoped
public class Caller {

    private AuthenticatedCustomer signer;
    private ExportKey exportKey;

    void set(AuthenticatedCustomer signer, Optional<ExportKey> exportKey) {
        this.signer = signer;
        this.exportKey = exportKey.orElse(null);
    }

    /** The customer whose namespace the request acts on: the signer itself, or the owner of the export key that signed. */
    public String cid() {
        return exportKey().map(ExportKey::owner).orElseGet(() -> signer().cid());
    }

    /** The id that signed the request: a customer id, or an export key id. */
    public String keyId() {
        return signer().cid();
    }

    /** The export key that signed the request, if one did (its owner and projects). */
    public Optional<ExportKey> exportKey() {
        signer();
        return Optional.ofNullable(exportKey);
    }

    /** {@code c1}, or {@code ek-… (export key of c1)}: the caller as a log line names it. */
    public String describe() {
        return exportKey().map(key -> key.id() + " (export key of " + key.owner() + ")").orElseGet(() -> signer().cid());
    }

    /** The signer's key, for the bodies the API encrypts with it (spec §3). */
    public String secret() {
        return signer().secretBase64();
    }

    private AuthenticatedCustomer signer() {
        if (signer == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return signer;
    }
}
