package io.smlfusion.fusion;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.audit.Sha256;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.observability.CellCallObserver;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/**
 * Fetches a cell's snapshot over HTTP on a kept-alive connection ({@link CellConnections}), every call
 * bounded:
 * <ul>
 * <li>where: the host and the addresses it resolves to now are checked by {@link CellHostPolicy}
 *     before any connection, and a plain-http call connects to the checked address; redirects are
 *     never followed (one could lead the signed call to a host the allow-list refuses), and no proxy
 *     is used;</li>
 * <li>how much: a {@code Content-Length} above the call's {@link AnswerLimit} is refused before
 *     reading, and the body is read through {@link BoundedBody};</li>
 * <li>how long: the connect timeout, the read timeout of every socket read, and the call's
 *     {@link Deadline} over everything — at the deadline the call's connection is closed, which
 *     wakes its thread wherever it waits (connecting, for the headers, in the body).</li>
 * </ul>
 * Calls are signed with the cell's {@code cid}/{@code sk} and carry the {@link FusionPath} of the
 * fusions they are made for (hierarchical fusions) and the caller's {@link FusionBudget}. When the fusion keeps a snapshot of the
 * cell with an {@code ETag}, the call carries {@code If-None-Match} and a {@code 304} answer confirms
 * the kept snapshot: nothing is sent or decoded. Other statuses but 200, oversized and unreadable
 * snapshots become a {@link CellFailure}; connection problems are classified by {@link CellStatus#ofException}.
 */
@ApplicationScoped
public class CellClient {

    /** Enough of an error answer to recognise the product's unknown-project error. */
    private static final int ERROR_PREFIX_BYTES = 4096;
    /** An entity-tag as RFC 9110 §8.8.3 writes it, short: anything else is not sent back to the cell. */
    private static final Pattern ETAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7e]{1,200}\"");

    @Inject
    FusionConfig config;

    @Inject
    Clock clock;

    @Inject
    CellCallers callers;

    @Inject
    CellConnections connections;

    @Inject
    CellCallObserver observer;

    /** Fetches whose calls carry {@code path}: the fusions, outermost first, the calls are made for. */
    public CellFetcher along(FusionPath path) {
        CellCallObserver.CellCallTrace trace = observer.fromHere();
        return call -> trace.observe(call, traceHeaders -> fetch(call, path, traceHeaders));
    }

    private CellSnapshot fetch(CellCall call, FusionPath path, CellCallObserver.TraceHeaders traceHeaders) throws CellFailure {
        CellInfo cell = call.cell();
        Deadline deadline = call.deadline();
        CellTarget target = config.hostPolicy().target(cell.host());
        URI export = URI.create(target.projectBase(cell.cid(), cell.pid()) + "/export");
        HttpURLConnection connection;
        try {
            connection = connections.open(export, cell.host());
        } catch (IOException e) {
            throw CellStatus.ofException(e);
        }
        addHeaders(connection, target, export, call, path, traceHeaders);
        // closing the connection's socket wakes a thread blocked connecting, waiting or reading
        ScheduledFuture<?> abort = callers.atDeadline(deadline, connection::disconnect);
        try {
            return answer(call, connection, connection.getResponseCode());
        } catch (IOException e) {
            throw deadline.passed() ? deadline.exceeded() : CellStatus.ofException(e);
        } finally {
            abort.cancel(false);
        }
    }

    private CellSnapshot answer(CellCall call, HttpURLConnection connection, int status) throws CellFailure, IOException {
        if (status == 304 && call.cached() != null && call.cached().etag() != null) {
            return call.cached().confirmedAt(clock.instant());
        }
        if (status != 200) {
            try (InputStream error = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                byte[] prefix = error == null ? new byte[0] : BoundedBody.prefix(error, ERROR_PREFIX_BYTES, call.deadline());
                throw CellStatus.ofHttp(status, new String(prefix, StandardCharsets.UTF_8));
            }
        }
        String declared = connection.getHeaderField("Content-Length");
        if (declared != null && !declared.strip().matches("[0-9]{1,18}")) {
            throw new CellFailure(CellStatus.ERROR, "the cell's answer has an invalid Content-Length");
        }
        if (declared != null && Long.parseLong(declared.strip()) > call.maxBytes().bytes()) {
            throw call.maxBytes().exceededBy(declared.strip() + " bytes (Content-Length)");
        }
        byte[] snapshot;
        try (InputStream body = connection.getInputStream()) {
            snapshot = BoundedBody.read(body, call.maxBytes(), call.deadline());
        }
        String etag = Optional.ofNullable(connection.getHeaderField("ETag")).filter(tag -> ETAG.matcher(tag).matches()).orElse(null);
        try {
            return new CellSnapshot(StatisticsCodec.decode(snapshot), clock.instant(), etag, snapshot.length, Sha256.hex(snapshot));
        } catch (SnapshotFormatException e) {
            throw new CellFailure(CellStatus.INCOMPATIBLE, "snapshot: " + e.getMessage());
        }
    }

    /**
     * The headers of the signed export request (spec §2: over the path and raw query exactly as they
     * go on the wire; no body), asking for raw bytes, conditional when a kept snapshot has an
     * {@code ETag}.
     */
    private void addHeaders(HttpURLConnection connection, CellTarget target, URI export, CellCall call, FusionPath path,
                            CellCallObserver.TraceHeaders traceHeaders) {
        CellInfo cell = call.cell();
        connection.setRequestProperty("Accept", "application/octet-stream");
        SignedRequest signed = new RequestSigner(cell.cid(), cell.sk(), clock).sign("GET", export.getRawPath(), export.getRawQuery(), null);
        signed.headers().forEach(connection::setRequestProperty);
        if (target.hostHeader() != null && CellConnections.HOST_HEADER_ALLOWED) {
            connection.setRequestProperty("Host", target.hostHeader());
        }
        if (call.cached() != null && call.cached().etag() != null) {
            connection.setRequestProperty("If-None-Match", call.cached().etag());
        }
        if (path.header() != null) {
            connection.setRequestProperty(FusionPath.HEADER, path.header());
        }
        connection.setRequestProperty(FusionBudget.HEADER, FusionBudget.header(call.deadline(), config.readTimeout()));
        traceHeaders.writeTo(connection::setRequestProperty);
    }
}
