package io.smlfusion.fusion;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.smlfusion.security.RequestSigner;
import io.smlfusion.stats.SnapshotFormatException;
import io.smlfusion.stats.StatisticsCodec;

/**
 * Fetches a cell's snapshot over HTTP: checks the host against {@link CellHostPolicy} before any
 * connection, then calls {@link CellApi#export} through a MicroProfile REST Client built for that
 * cell — signed with the cell's {@code cid}/{@code sk} by {@link CellSigningFilter}, with the
 * configured connect and read timeouts, never following a redirect (a redirect could lead the
 * signed call to a host the allow-list refuses).
 *
 * <p>HTTP statuses ({@link CellResponseMapper}) and unreadable snapshots become a {@link CellFailure};
 * connection problems leave as the client's exception and {@link CellFetcher#answer} classifies them.
 */
@ApplicationScoped
public class CellClient implements CellFetcher {

    @Inject
    FusionConfig config;

    @Inject
    Clock clock;

    @Inject
    CellTransportSecurity transportSecurity;

    @Override
    public CellSnapshot fetch(CellInfo cell) throws CellFailure {
        String refusal = config.hostPolicy().refusal(cell.host());
        if (refusal != null) {
            throw new CellFailure(CellStatus.ERROR, refusal);
        }
        byte[] snapshot;
        try (CellApi api = client(cell)) {
            snapshot = api.export(cell.cid(), cell.pid());
        } catch (IOException e) {
            throw CellStatus.ofException(e);
        }
        try {
            return new CellSnapshot(StatisticsCodec.decode(snapshot), clock.instant());
        } catch (SnapshotFormatException e) {
            throw new CellFailure(CellStatus.INCOMPATIBLE, "snapshot: " + e.getMessage());
        }
    }

    private CellApi client(CellInfo cell) {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(cell.host()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .sslContext(transportSecurity.sslContextFor(cell.host()))
                .register(new CellSigningFilter(new RequestSigner(cell.cid(), cell.sk(), clock)))
                .register(new CellResponseMapper())
                .build(CellApi.class);
    }
}
