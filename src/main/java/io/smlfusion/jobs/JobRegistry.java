package io.smlfusion.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.health.FatalErrors;
import io.smlfusion.refusal.RequestRefused;

/**
 * Asynchronous jobs (spec §5.4) on the server's managed executor. A finished job stays readable for
 * {@code smlfusion.jobs.retention.ms}, then it is forgotten.
 */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Clock clock;

    @Inject
    FatalErrors fatalErrors;

    @Inject
    @ConfigProperty(name = "smlfusion.jobs.retention.ms", defaultValue = "600000")
    long retentionMs;

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    /** Ids of the jobs whose work runs now (metrics: the others not done wait for a thread). */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** Starts {@code work} and answers its job at once; {@code work} answers the finished job's result. */
    public Job submit(String owner, String type, Supplier<JobResult> work) {
        reapExpired();
        Job job = new Job(ids.incrementAndGet(), owner, type, clock.instant());
        jobs.put(job.id(), job);
        job.attach(executor.submit(() -> run(job, work)));
        return job;
    }

    /**
     * An {@link Error} is recorded for liveness and rethrown (the executor then drops it); the job
     * answers 500 so that no client polls it forever.
     */
    private void run(Job job, Supplier<JobResult> work) {
        running.add(job.id());
        try {
            job.succeed(work.get(), clock.instant());
        } catch (RequestRefused e) {
            job.fail(e, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job " + job.id() + " (" + job.type() + ") failed", e);
            job.fail(new RequestRefused(RequestRefused.Reason.FAILED, "Generic Exception <" + e.getMessage() + ">"),
                    clock.instant());
        } catch (Error e) {
            fatalErrors.record(e);
            job.fail(new RequestRefused(RequestRefused.Reason.FAILED, "The server failed: " + e), clock.instant());
            throw e;
        } finally {
            running.remove(job.id());
        }
    }

    /** Jobs whose work runs now. */
    public int running() {
        return running.size();
    }

    /** Jobs submitted and not finished that wait for a thread. */
    public long queued() {
        return Math.max(0, jobs.values().stream().filter(job -> !job.isDone()).count() - running.size());
    }

    public Optional<Job> get(String owner, long id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(owner));
    }

    public List<Job> list(String owner) {
        reapExpired();
        return jobs.values().stream().filter(job -> job.owner().equals(owner))
                .sorted(Comparator.comparingLong(Job::id)).toList();
    }

    /** @return false when the job had already finished */
    public boolean cancel(Job job) {
        boolean cancelled = !job.isDone() && job.cancel();
        if (cancelled) {
            job.fail(new RequestRefused(RequestRefused.Reason.GONE, "Job " + job.id() + " was cancelled"), clock.instant());
        }
        return cancelled;
    }

    private void reapExpired() {
        var horizon = clock.instant().minus(Duration.ofMillis(retentionMs));
        jobs.values().removeIf(job -> job.isDone() && job.finished().isBefore(horizon));
    }
}
