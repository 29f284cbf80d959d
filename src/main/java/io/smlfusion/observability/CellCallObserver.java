package io.smlfusion.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;

import io.smlfusion.fusion.CellCall;
import io.smlfusion.fusion.CellFailure;
import io.smlfusion.fusion.CellSnapshot;
import io.smlfusion.fusion.CellStatus;

/**
 * A span and metrics around each call a fusion makes to a cell. The span is a child of the request
 * that started the refresh — captured on that request's thread by {@link #fromHere}, because the
 * calls run on the cell-calling pool, where the request's context is not current — and its W3C
 * {@code traceparent} goes to the cell with the call, so the cell's export span joins the same trace.
 * When the OpenTelemetry SDK is disabled (Liberty's default) the spans are no-ops and no header is sent.
 */
@ApplicationScoped
public class CellCallObserver {

    static final String CALLS = "smlfusion.fusion.cell.calls";
    static final String DURATION = "smlfusion.fusion.cell.call.duration";
    static final String BYTES = "smlfusion.fusion.cell.received";
    static final String UP = "smlfusion.fusion.cell.up";

    private static final TextMapSetter<BiConsumer<String, String>> HEADERS = (headers, name, value) -> headers.accept(name, value);
    private static final Metadata DURATION_TIMER = Metadata.builder().withName(DURATION)
            .withDescription("Time of one call to a cell for its export, until its snapshot is read or the call fails")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata BYTES_COUNTER = Metadata.builder().withName(BYTES)
            .withDescription("Snapshot bytes received from a cell (a 304 answer adds none)").withUnit(MetricUnits.BYTES).build();
    private static final Metadata UP_GAUGE = Metadata.builder().withName(UP)
            .withDescription("1 when the last call to the cell got a usable snapshot, 0 when it failed").build();

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    MetricRegistry registry;

    @Inject
    KeptMetrics metrics;

    @Inject
    MetricLabels labels;

    private Tracer tracer;
    private final Map<String, AtomicLong> lastUp = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        tracer = openTelemetry.getTracer("io.smlfusion.fusion");
    }

    /** The trace the cell calls of a refresh started now belong to: the current request's. */
    public CellCallTrace fromHere() {
        return new CellCallTrace(Context.current());
    }

    /** One cell call, given the headers that carry the trace to the cell. */
    @FunctionalInterface
    public interface TracedCall {
        CellSnapshot send(TraceHeaders traceHeaders) throws CellFailure;
    }

    /** Writes the trace's headers ({@code traceparent}, and {@code tracestate} when there is one). */
    @FunctionalInterface
    public interface TraceHeaders {
        void writeTo(BiConsumer<String, String> headers);
    }

    /** The parent of the cell calls of one refresh. */
    public final class CellCallTrace {

        private final Context parent;

        private CellCallTrace(Context parent) {
            this.parent = parent;
        }

        /** Makes {@code call} inside a client span, and counts its outcome, time and bytes per cell host. */
        public CellSnapshot observe(CellCall call, TracedCall send) throws CellFailure {
            Tag cell = labels.cell(call.cell().host());
            Span span = tracer.spanBuilder("GET cell export").setParent(parent).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("smlfusion.cell", cell.getTagValue()).startSpan();
            long started = System.nanoTime();
            try {
                CellSnapshot snapshot = send.send(headers -> openTelemetry.getPropagators().getTextMapPropagator()
                        .inject(parent.with(span), headers, HEADERS));
                boolean unchanged = call.confirmedBy(snapshot);
                outcome(cell, span, CellStatus.OK, started);
                if (!unchanged) {
                    metrics.counter(BYTES_COUNTER, cell).inc(snapshot.bytes());
                }
                return snapshot;
            } catch (CellFailure e) {
                outcome(cell, span, e.status(), started);
                span.setStatus(StatusCode.ERROR, e.status().name());
                throw e;
            } finally {
                span.end();
            }
        }
    }

    private void outcome(Tag cell, Span span, CellStatus status, long started) {
        span.setAttribute("smlfusion.cell.status", status.name());
        metrics.counter(CALLS, cell, new Tag("status", status.name())).inc();
        metrics.timer(DURATION_TIMER, cell).update(Duration.ofNanos(System.nanoTime() - started));
        lastUp.computeIfAbsent(cell.getTagValue(), value -> {
            AtomicLong up = new AtomicLong();
            registry.gauge(UP_GAUGE, up, AtomicLong::get, cell);
            return up;
        }).set(status == CellStatus.OK ? 1 : 0);
    }
}
