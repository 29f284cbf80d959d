package io.smlfusion.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's counters and timers, each registered once and then kept by its name and labels.
 * {@code MetricRegistry.counter(…)} / {@code timer(…)} validate the labels and register the name
 * again at every call (SmallRye's {@code LegacyMetricRegistryAdapter}); in a fusion's refresh that
 * was more CPU than the cell call's signature (JFR, docs/performance.md "Profiling a refresh"). The
 * labels are bounded ({@link MetricLabels}), so what is kept is too. Nothing here removes a counter
 * or timer from the registry, so a kept one stays the registered one.
 */
@ApplicationScoped
public class KeptMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<MetricID, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MetricID, Timer> timers = new ConcurrentHashMap<>();

    public Counter counter(String name, Tag... tags) {
        return counters.computeIfAbsent(new MetricID(name, tags), id -> registry.counter(name, tags));
    }

    public Counter counter(Metadata metadata, Tag... tags) {
        return counters.computeIfAbsent(new MetricID(metadata.getName(), tags), id -> registry.counter(metadata, tags));
    }

    public Timer timer(Metadata metadata, Tag... tags) {
        return timers.computeIfAbsent(new MetricID(metadata.getName(), tags), id -> registry.timer(metadata, tags));
    }
}
