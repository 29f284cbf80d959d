package io.smlfusion.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Per fusion ({@link MetricLabels}): how long its refreshes take, how many failed, and the age of
 * the merge it serves now (measured at the scrape; a fusion deleted since keeps its last value
 * until restart, and fusions past the label limit share one series, that of the last refreshed).
 */
@ApplicationScoped
public class FusionMetrics {

    static final String REFRESH_DURATION = "smlfusion.fusion.refresh.duration";
    static final String REFRESH_FAILURES = "smlfusion.fusion.refresh.failures";
    static final String MERGE_AGE = "smlfusion.fusion.merge.age";

    private static final Metadata REFRESH_TIMER = Metadata.builder().withName(REFRESH_DURATION)
            .withDescription("Time from the start of a fusion's refresh (all its cells asked) to its merge installed")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata AGE_GAUGE = Metadata.builder().withName(MERGE_AGE)
            .withDescription("Age of the merge the fusion serves now (since it was merged)").withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    @Inject
    KeptMetrics metrics;

    @Inject
    MetricLabels labels;

    @Inject
    Clock clock;

    private final Map<String, AtomicReference<Instant>> mergeTimes = new ConcurrentHashMap<>();

    /**
     * @param failed   the refresh got no quorum: the previous merge (if any) keeps serving
     * @param mergedAt when the merge served from now on was made; null when there is none
     */
    public void refreshed(String cid, String pid, boolean failed, Instant mergedAt, Duration took) {
        Tag[] fusion = labels.project(cid, pid);
        metrics.timer(REFRESH_TIMER, fusion).update(took);
        if (failed) {
            metrics.counter(REFRESH_FAILURES, fusion).inc();
        }
        if (mergedAt != null) {
            servedSince(fusion, mergedAt).set(mergedAt);
        }
    }

    private AtomicReference<Instant> servedSince(Tag[] fusion, Instant first) {
        return mergeTimes.computeIfAbsent(fusion[0].getTagValue() + "\n" + fusion[1].getTagValue(), key -> {
            AtomicReference<Instant> since = new AtomicReference<>(first);
            registry.gauge(AGE_GAUGE, since, this::ageSeconds, fusion);
            return since;
        });
    }

    private double ageSeconds(AtomicReference<Instant> since) {
        return Duration.between(since.get(), clock.instant()).toMillis() / 1000.0;
    }
}
