package io.smlfusion.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.smlfusion.persistence.AuditRepository;

/**
 * Deletes audit entries older than {@value #RETENTION_KEY} (default {@value #DEFAULT_DAYS} days), a
 * minute after start and then every hour, so the trail's tables stay bounded by what a server
 * releases in that time. The setting is read at every run.
 */
@ApplicationScoped
public class AuditRetention {

    static final String RETENTION_KEY = "smlfusion.audit.retention.days";
    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 36_500;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    AuditRepository repository;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService timer;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void prune() {
        try {
            Instant cutoff = cutoff(clock.instant(), config.getOptionalValue(RETENTION_KEY, Integer.class).orElse(DEFAULT_DAYS));
            int deleted = repository.deleteBefore(cutoff);
            if (deleted > 0) {
                LOG.info("Audit trail: deleted " + deleted + " entries recorded before " + cutoff);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit trail: could not delete old entries; trying again in an hour", e);
        }
    }

    /**
     * The oldest instant kept.
     *
     * @throws IllegalArgumentException for a retention outside 1 to {@value #MAX_DAYS} days
     */
    static Instant cutoff(Instant now, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(RETENTION_KEY + " must be from 1 to " + MAX_DAYS + " days, not " + days
                    + "; nothing is deleted until it is");
        }
        return now.minus(Duration.ofDays(days));
    }
}
