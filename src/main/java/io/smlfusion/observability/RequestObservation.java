package io.smlfusion.observability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

import com.ibm.websphere.logging.hpel.LogRecordContext;

import io.opentelemetry.api.trace.SpanContext;

/**
 * What every REST request adds to the server's observability: a request id, put with the customer,
 * project and trace id on every log line the request's thread writes (Liberty's
 * {@link LogRecordContext}: fields {@code ext_requestId}, {@code ext_customer}, {@code ext_project},
 * {@code ext_traceId} of the JSON log format), and the body bytes it sends. The customer and project
 * are those the path names, known before the signature is checked (so that the log lines of a
 * refused request carry them too), cut to {@link BoundedLabels#MAX_VALUE_CHARS}.
 */
@ApplicationScoped
public class RequestObservation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String RECEIVED = "smlfusion.request.received";
    static final String REQUEST_ID = "requestId";
    static final String CUSTOMER = "customer";
    static final String PROJECT = "project";
    static final String TRACE_ID = "traceId";

    /** A caller's own request id is kept when it is this plain; anything else is replaced. */
    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Metadata RECEIVED_COUNTER = Metadata.builder().withName(RECEIVED)
            .withDescription("Request body bytes read by the REST API").withUnit(MetricUnits.BYTES).build();

    @Inject
    MetricRegistry registry;

    private Counter received;

    @PostConstruct
    void init() {
        received = registry.counter(RECEIVED_COUNTER);
    }

    /**
     * Starts the log context of a request on this thread.
     *
     * @param callerId the request's {@code X-Request-Id}, or null
     * @param segments the path below the REST root: {@code cid}, then {@code projects}, {@code pid}, …
     * @param trace    the request's span (invalid when tracing is off)
     * @return the request id to answer in {@code X-Request-Id}
     */
    public String begin(String callerId, List<String> segments, SpanContext trace) {
        String requestId = callerId != null && CALLER_ID.matcher(callerId).matches() ? callerId : newId();
        put(REQUEST_ID, requestId);
        put(CUSTOMER, segments.isEmpty() || segments.get(0).isEmpty() ? null : segments.get(0));
        put(PROJECT, segments.size() >= 3 && segments.get(1).equals("projects") ? segments.get(2) : null);
        put(TRACE_ID, trace.isValid() ? trace.getTraceId() : null);
        return requestId;
    }

    /** Ends it: the thread serves other requests next. */
    public void end() {
        for (String key : List.of(REQUEST_ID, CUSTOMER, PROJECT, TRACE_ID)) {
            LogRecordContext.removeExtension(key);
        }
    }

    /** Counts request body bytes as they are read. */
    public void received(int bytes) {
        received.inc(bytes);
    }

    private static void put(String key, String value) {
        if (value == null) {
            LogRecordContext.removeExtension(key);
        } else {
            LogRecordContext.addExtension(key, BoundedLabels.clean(value));
        }
    }

    private static String newId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
