package io.smlfusion.fusion;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import io.smlfusion.audit.AuditTrail;
import io.smlfusion.observability.FusionMetrics;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.CustomerService;

/**
 * Builds {@link FusionProject}s — new ones, and persisted ones when {@code ProjectStore} reads them
 * back — wired to the cell client, the cell-calling threads and the configuration, and seals their cell
 * lists for the database. The merge is never stored: a restored fusion fetches its cells on first read.
 */
@ApplicationScoped
public class FusionProjects {

    @Inject
    CellClient cells;

    @Inject
    FusionConfig config;

    @Inject
    CellSealing sealing;

    @Inject
    CustomerService customers;

    @Inject
    RequestedEncryption requested;

    @Inject
    Clock clock;

    @Inject
    CellCallers callers;

    @Inject
    AuditTrail audit;

    @Inject
    FusionMetrics metrics;

    public FusionProject create(ProjectHeader header, List<CellInfo> cellList) {
        FusionRefresh refresh = new FusionRefresh(cellList, cells::along, callers, clock, config::refreshPolicy,
                (next, took) -> metrics.refreshed(header.cid(), header.pid(), next.lastAttemptFailed(), next.mergedAt(), took));
        return new FusionProject(header, refresh, clock, ownerCipher(header),
                (fusion, merge) -> audit.fusedAnswer(fusion.cid(), fusion.pid(), merge));
    }

    /** @throws IllegalStateException when the list was not sealed with this server's key */
    public FusionProject restore(ProjectHeader header, String sealedCells) {
        return create(header, CellList.parseStored(sealing.unseal(header.cid(), sealedCells)));
    }

    public String seal(FusionProject fusion) {
        return sealing.seal(fusion.header().cid(), CellList.toJson(fusion.cells()));
    }

    /**
     * Encrypts for the fusion's owner, who is the only caller that can see it: with the owner's
     * current key, in the scheme of the current request, or the product's scheme outside a request
     * (asynchronous jobs).
     */
    private UnaryOperator<String> ownerCipher(ProjectHeader header) {
        return json -> {
            String secret = customers.secretOf(header.cid())
                    .orElseThrow(() -> new IllegalStateException("the owner [" + header.cid() + "] of a fusion has no key"));
            return scheme().codec().encrypt(secret, json);
        };
    }

    private BodyEncryption scheme() {
        try {
            return requested.scheme();
        } catch (ContextNotActiveException noRequest) {
            return BodyEncryption.fromHeader(null);
        }
    }
}
