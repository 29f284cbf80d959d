package io.smlfusion.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Where a stream consumer (package {@code io.smlfusion.stream}) shows how far it is behind: it
 * registers a supplier of its lag, read at each scrape as {@code smlfusion_stream_lag{stream=…}},
 * and unregisters it when the stream stops. Stream names are labels, bounded by
 * {@code smlfusion.metrics.streams.max} ({@link BoundedLabels}), past which streams share one series of their summed lag; name a stream by something that is
 * not a secret (a project and topic, never a broker URL with credentials).
 */
@ApplicationScoped
public class StreamLagGauges {

    static final String LAG = "smlfusion.stream.lag";
    static final String STREAMS_MAX_KEY = "smlfusion.metrics.streams.max";

    private static final Metadata LAG_GAUGE = Metadata.builder().withName(LAG)
            .withDescription("Records the stream's consumer has not yet applied (the stream's own measure of lag)").build();

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = STREAMS_MAX_KEY, defaultValue = "50")
    int streamsMax;

    private BoundedLabels streams;

    /** label value → the streams shown under it (more than one only under the shared label) */
    private final Map<String, Map<String, LongSupplier>> byLabel = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        streams = new BoundedLabels(streamsMax);
    }

    /**
     * Shows {@code lag} as the lag of {@code stream} until {@link #unregister}; a second registration
     * of the same stream replaces the first. Streams past the label limit share one series, which
     * shows the sum of their lags.
     */
    public synchronized void register(String stream, LongSupplier lag) {
        Tag tag = tag(stream);
        Map<String, LongSupplier> sharing = byLabel.computeIfAbsent(tag.getTagValue(), label -> new ConcurrentHashMap<>());
        boolean first = sharing.isEmpty();
        sharing.put(stream, lag);
        if (first) {
            registry.gauge(LAG_GAUGE, sharing, StreamLagGauges::sum, tag);
        }
    }

    public synchronized void unregister(String stream) {
        Tag tag = tag(stream);
        Map<String, LongSupplier> sharing = byLabel.get(tag.getTagValue());
        if (sharing != null && sharing.remove(stream) != null && sharing.isEmpty()) {
            byLabel.remove(tag.getTagValue());
            registry.remove(new MetricID(LAG, tag));
        }
    }

    private static long sum(Map<String, LongSupplier> lags) {
        return lags.values().stream().mapToLong(LongSupplier::getAsLong).sum();
    }

    private Tag tag(String stream) {
        return new Tag("stream", streams.of(stream));
    }
}
