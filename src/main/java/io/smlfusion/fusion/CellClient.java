package io.smlfusion.fusion;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * Fetches a cell's snapshot over HTTP on a pooled connection ({@link CellConnections}), every call
 * bounded:
 * <ul>
 * <li>where: the host and the addresses it resolves to now are checked by {@link CellHostPolicy}
 *     before any connection, and a plain-http call connects to the checked address; redirects are
 *     never followed (one could lead the signed call to a host the allow-list refuses), and no proxy
 *     is used;</li>
 * <li>how much: a {@code Content-Length} above the call's {@link AnswerLimit} is refused before
 *     reading, and the body is read through {@link BoundedBody};</li>
 * <li>how long: the connect timeout, the read timeout until the answer's headers, and the call's
 *     {@link Deadline} over everything — at the deadline the call's own exchange is cancelled, or its
 *     body closed, which closes its connection (never the shared client) and ends a blocked read.</li>
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
        CompletableFuture<HttpResponse<InputStream>> sent = connections.client(cell.host())
                .sendAsync(request(target, call, path, traceHeaders), HttpResponse.BodyHandlers.ofInputStream());
        Deadline headers = Deadline.after(min(config.readTimeout(), deadline.remaining()));
        ScheduledFuture<?> headersLate = callers.atDeadline(headers, () -> sent.cancel(true));
        ScheduledFuture<?> abort = callers.atDeadline(deadline, () -> abort(sent));
        try {
            HttpResponse<InputStream> response = sent.get();
            headersLate.cancel(false);
            try (InputStream body = response.body()) {
                return answer(call, response, body);
            }
        } catch (ExecutionException | CancellationException e) {
            // a call cancelled by one of the timers fails with the JDK's own CancellationException
            throw deadline.passed() ? deadline.exceeded() : headers.passed() ? noHeaders()
                    : CellStatus.ofException(e instanceof ExecutionException ? e.getCause() : e);
        } catch (IOException e) {
            throw deadline.passed() ? deadline.exceeded() : CellStatus.ofException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            throw deadline.exceeded();
        } finally {
            headersLate.cancel(false);
            abort.cancel(false);
        }
    }

    private CellFailure noHeaders() {
        return new CellFailure(CellStatus.TIMEOUT, "no answer within " + FusionConfig.READ_TIMEOUT_KEY + " = " + config.readTimeout().toMillis() + " ms");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private CellSnapshot answer(CellCall call, HttpResponse<InputStream> response, InputStream body) throws CellFailure, IOException {
        int status = response.statusCode();
        if (status == 304 && call.cached() != null && call.cached().etag() != null) {
            return call.cached().confirmedAt(clock.instant());
        }
        if (status != 200) {
            throw CellStatus.ofHttp(status, new String(BoundedBody.prefix(body, ERROR_PREFIX_BYTES, call.deadline()), StandardCharsets.UTF_8));
        }
        String declared = response.headers().firstValue("Content-Length").orElse(null);
        if (declared != null && !declared.strip().matches("[0-9]{1,18}")) {
            throw new CellFailure(CellStatus.ERROR, "the cell's answer has an invalid Content-Length");
        }
        if (declared != null && Long.parseLong(declared.strip()) > call.maxBytes().bytes()) {
            throw call.maxBytes().exceededBy(declared.strip() + " bytes (Content-Length)");
        }
        byte[] snapshot = BoundedBody.read(body, call.maxBytes(), call.deadline());
        String etag = response.headers().firstValue("ETag").filter(tag -> ETAG.matcher(tag).matches()).orElse(null);
        try {
            return new CellSnapshot(StatisticsCodec.decode(snapshot), clock.instant(), etag, snapshot.length, Sha256.hex(snapshot));
        } catch (SnapshotFormatException e) {
            throw new CellFailure(CellStatus.INCOMPATIBLE, "snapshot: " + e.getMessage());
        }
    }

    /**
     * The signed export request (spec §2: over the path and raw query exactly as they go on the wire;
     * no body), asking for raw bytes, conditional when a kept snapshot has an {@code ETag}. No
     * request timeout: the wait for the answer's headers ({@code smlfusion.fusion.cell.read.timeout.ms})
     * and the whole call (the deadline) are ended by this class's own timers, whatever the JDK's
     * timeout would cover.
     */
    private HttpRequest request(CellTarget target, CellCall call, FusionPath path, CellCallObserver.TraceHeaders traceHeaders) {
        CellInfo cell = call.cell();
        URI export = URI.create(target.projectBase(cell.cid(), cell.pid()) + "/export");
        HttpRequest.Builder request = HttpRequest.newBuilder(export).GET()
                .header("Accept", "application/octet-stream");
        SignedRequest signed = new RequestSigner(cell.cid(), cell.sk(), clock).sign("GET", export.getRawPath(), export.getRawQuery(), null);
        signed.headers().forEach(request::header);
        if (target.hostHeader() != null && CellConnections.HOST_HEADER_ALLOWED) {
            request.header("Host", target.hostHeader());
        }
        if (call.cached() != null && call.cached().etag() != null) {
            request.header("If-None-Match", call.cached().etag());
        }
        if (path.header() != null) {
            request.header(FusionPath.HEADER, path.header());
        }
        request.header(FusionBudget.HEADER, FusionBudget.header(call.deadline(), config.readTimeout()));
        traceHeaders.writeTo(request::header);
        return request.build();
    }

    /**
     * Ends one call at its deadline: cancels the exchange while it waits for the answer's headers,
     * or closes the body being read, which closes that call's connection and wakes its reader.
     */
    private static void abort(CompletableFuture<HttpResponse<InputStream>> sent) {
        if (sent.cancel(true)) {
            return;
        }
        HttpResponse<InputStream> response = sent.isCompletedExceptionally() ? null : sent.getNow(null);
        if (response != null) {
            try {
                response.body().close();
            } catch (IOException alreadyGone) {
                // nothing left to release
            }
        }
    }
}
