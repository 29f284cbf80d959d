package io.smlfusion.fusion;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.security.Sealer;

/**
 * Seals the cell lists of persisted fusions — which hold the cells' secret keys — with the server's
 * {@link Sealer}, the owner's customer id as the associated text: a sealed list cannot be moved to
 * another customer.
 */
@ApplicationScoped
public class CellSealing {

    @Inject
    Sealer sealer;

    CellSealing() {
    }

    /** A sealing with a given sealer (tests). */
    CellSealing(Sealer sealer) {
        this.sealer = sealer;
    }

    public String seal(String cid, String cellListJson) {
        return sealer.seal(cid, cellListJson.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalStateException when the text was not sealed for {@code cid} with this server's key */
    public String unseal(String cid, String sealed) {
        return new String(sealer.unseal(cid, sealed), StandardCharsets.UTF_8);
    }
}
