package io.smlfusion.fusion;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.security.RequestSigner;

/**
 * Fetches a cell's snapshot over HTTP, every call bounded:
 * <ul>
 * <li>where: the host and the addresses it resolves to now are checked by {@link CellHostPolicy}
 *     before any connection, and a plain-http call connects to the checked address; redirects are
 *     never followed (one could lead the signed call to a host the allow-list refuses);</li>
 * <li>how much: a {@code Content-Length} above {@code smlfusion.fusion.cell.max.bytes} is refused
 *     before reading, and the body is read through {@link BoundedBody};</li>
 * <li>how long: connect and read timeouts per socket operation, and the call's {@link Deadline}
 *     over everything — at the deadline the client is closed, which aborts its connection.</li>
 * </ul>
 * Calls are signed with the cell's {@code cid}/{@code sk} by {@link CellSigningFilter}, and carry the
 * {@link FusionPath} of the fusions they are made for and the {@link FusionBudget} they wait. HTTP
 * statuses ({@link CellResponseMapper}), oversized and unreadable snapshots become a {@link CellFailure}; connection problems
 * leave as the client's exception and {@link CellFetcher#answer} classifies them.
 */
@ApplicationScoped
public class CellClient {

    @Inject
    FusionConfig config;

    @Inject
    Clock clock;

    @Inject
    CellCallers callers;

    @Inject
    CellTransportSecurity transportSecurity;

    /** Fetches whose calls carry {@code path}: the fusions, outermost first, the calls are made for. */
    public CellFetcher along(FusionPath path) {
        return (cell, deadline) -> fetch(cell, deadline, path);
    }

    private CellSnapshot fetch(CellInfo cell, Deadline deadline, FusionPath path) throws CellFailure {
        CellTarget target = config.hostPolicy().target(cell.host());
        long maxBytes = config.maxCellBytes();
        CellApi api = client(target, cell, deadline);
        ScheduledFuture<?> abort = callers.atDeadline(deadline, () -> close(api));
        byte[] snapshot;
        try {
            snapshot = body(api.export(path.header(), FusionBudget.header(deadline, config.readTimeout())), maxBytes, deadline);
        } catch (IOException | RuntimeException e) {
            throw deadline.passed() ? deadline.exceeded() : CellStatus.ofException(e);
        } finally {
            abort.cancel(false);
            close(api);
        }
        try {
            return new CellSnapshot(StatisticsCodec.decode(snapshot), clock.instant(), Sha256.hex(snapshot));
        } catch (SnapshotFormatException e) {
            throw new CellFailure(CellStatus.INCOMPATIBLE, "snapshot: " + e.getMessage());
        }
    }

    /** A 200 answer (every other status became a {@link CellFailure} in {@link CellResponseMapper}). */
    private static byte[] body(Response response, long maxBytes, Deadline deadline) throws CellFailure, IOException {
        String declared = response.getHeaderString("Content-Length");
        if (declared != null && !declared.strip().matches("[0-9]{1,18}")) {
            throw new CellFailure(CellStatus.ERROR, "the cell's answer has an invalid Content-Length");
        }
        if (declared != null && Long.parseLong(declared.strip()) > maxBytes) {
            // read as text: the client's own getLength() is an int and fails above 2 GiB
            throw BoundedBody.tooLarge(declared.strip() + " bytes (Content-Length)", maxBytes);
        }
        return BoundedBody.read(response.readEntity(InputStream.class), maxBytes, deadline);
    }

    /** The one place where a cell's REST client is built. Socket timeouts never exceed what is left of the deadline. */
    private CellApi client(CellTarget target, CellInfo cell, Deadline deadline) {
        long left = Math.max(1, deadline.remaining().toMillis());
        return RestClientBuilder.newBuilder()
                .baseUri(target.projectBase(cell.cid(), cell.pid()))
                .connectTimeout(Math.min(config.connectTimeout().toMillis(), left), TimeUnit.MILLISECONDS)
                .readTimeout(Math.min(config.readTimeout().toMillis(), left), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .sslContext(transportSecurity.sslContextFor(cell.host()))
                .register(new CellSigningFilter(new RequestSigner(cell.cid(), cell.sk(), clock), target.hostHeader()))
                .register(new CellResponseMapper(deadline))
                .build(CellApi.class);
    }

    /** Closing the client closes its connections: a read blocked on the socket ends at once. */
    private static void close(CellApi api) {
        try {
            api.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // nothing left to release
        }
    }
}
