package io.smlfusion.observability;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What learn and forget did, per project ({@link MetricLabels}): rows applied, rows skipped by
 * {@link SkipReason}, and how long a learn took.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String LEARNED = "smlfusion.rows.learned";
    static final String FORGOTTEN = "smlfusion.rows.forgotten";
    static final String SKIPPED = "smlfusion.rows.skipped";
    static final String LEARN_DURATION = "smlfusion.learn.duration";

    private static final Metadata LEARN_TIMER = Metadata.builder().withName(LEARN_DURATION)
            .withDescription("Time to parse and apply one learn request's DataFrame").withUnit(MetricUnits.SECONDS).build();

    @Inject
    KeptMetrics metrics;

    @Inject
    MetricLabels labels;

    /**
     * @param learned    true for learn, false for forget
     * @param applied    rows learned or forgotten
     * @param skipped    rows skipped ({@code errorHandling=1})
     * @param skipReason the reader's text for the first skipped row, or null
     */
    public void ingested(String cid, String pid, boolean learned, long applied, long skipped, String skipReason, Duration took) {
        Tag[] project = labels.project(cid, pid);
        metrics.counter(learned ? LEARNED : FORGOTTEN, project).inc(applied);
        if (skipped > 0) {
            metrics.counter(SKIPPED, with(project, new Tag("reason", SkipReason.of(skipReason).label()))).inc(skipped);
        }
        if (learned) {
            metrics.timer(LEARN_TIMER, project).update(took);
        }
    }

    static Tag[] with(Tag[] tags, Tag more) {
        Tag[] all = Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = more;
        return all;
    }
}
