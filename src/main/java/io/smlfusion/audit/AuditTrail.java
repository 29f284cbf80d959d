package io.smlfusion.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.persistence.AuditEntryEntity;
import io.smlfusion.persistence.AuditMergeEntity;
import io.smlfusion.persistence.AuditRepository;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.Caller;

/**
 * Records every release of statistics: each export a cell answers, and each answer computed from a
 * fusion's merge (once per request and merge, not per row or per read). Recording only queues
 * ({@link AuditQueue}: bounded, written by this bean's own thread in batches); when the queue is
 * full the release is refused with a 503 before anything leaves, so nothing is released unrecorded.
 */
@ApplicationScoped
public class AuditTrail {

    static final String CAPACITY_KEY = "smlfusion.audit.queue.capacity";
    static final int MAX_BATCH = 500;
    static final long RETRY_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    AuditRepository repository;

    @Inject
    Caller caller;

    @Inject
    AnsweredRequest request;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = CAPACITY_KEY, defaultValue = "10000")
    int capacity;

    private ScheduledExecutorService writer;
    private AuditQueue<Pending> queue;

    /**
     * A record waiting to be written. Entities are made by each write attempt (one that failed may
     * have changed them); the merge's cells are serialised by the writer, not on the hot path.
     */
    private record Pending(Instant at, String caller, String owner, String pid, AuditKind kind, String call,
                           long rowCount, String sha256, FusedMerge merge) {

        AuditEntryEntity entry() {
            return new AuditEntryEntity(at, caller, owner, pid, kind.name(), call, rowCount, sha256);
        }
    }

    @PostConstruct
    void start() {
        writer = Executors.newSingleThreadScheduledExecutor(threads);
        queue = new AuditQueue<>(capacity, MAX_BATCH, RETRY_MILLIS, this::write,
                (task, delay) -> writer.schedule(task, delay, TimeUnit.MILLISECONDS));
    }

    /** Stops the writer (a batch being written, or a retry due, runs first), then writes what is still queued. */
    @PreDestroy
    void stop() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.severe("Audit trail: the writer did not stop within 30 s; " + queue.backlog() + " records are not written");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        queue.flush();
    }

    /**
     * Records that {@code snapshot} — exactly these bytes, hashed once here — of {@code owner}'s
     * project {@code pid} is being released to the caller.
     *
     * @return {@code snapshot}, to release
     * @throws RequestRefused UNAVAILABLE when the trail cannot take the record: then release nothing
     */
    public byte[] released(String owner, String pid, byte[] snapshot, long rowCount) {
        record(new Pending(clock.instant(), callerOr(owner), owner, pid, AuditKind.EXPORT, "export", rowCount,
                Sha256.hex(snapshot), null));
        return snapshot;
    }

    /**
     * Records that an answer of {@code owner}'s fusion {@code pid} is computed from {@code merge};
     * nothing when this request already recorded that merge.
     *
     * @throws RequestRefused UNAVAILABLE when the trail cannot take the record: then answer nothing
     */
    public void fusedAnswer(String owner, String pid, FusedMerge merge) {
        String call;
        try {
            if (!request.firstRead(merge.sha256())) {
                return;
            }
            call = request.call();
        } catch (ContextNotActiveException asynchronousJob) {
            call = "job";
        }
        record(new Pending(clock.instant(), callerOr(owner), owner, pid, AuditKind.FUSED_ANSWER, call, merge.rowCount(),
                merge.sha256(), merge));
    }

    private void record(Pending pending) {
        if (!queue.offer(pending)) {
            throw new RequestRefused(RequestRefused.Reason.UNAVAILABLE, "The audit trail cannot record this release now: "
                    + queue.backlog() + " records wait to be written (" + CAPACITY_KEY + "); nothing was released, try again later");
        }
    }

    /** The customer whose key signed the request; the owner in an asynchronous job, which only the owner can start. */
    /** Who signed: the customer, or the export key it gave a fusion (the key's id names it). */
    private String callerOr(String owner) {
        try {
            return caller.keyId();
        } catch (ContextNotActiveException | IllegalStateException asynchronousJob) {
            return owner;
        }
    }

    private void write(List<Pending> batch) {
        List<AuditEntryEntity> entries = new ArrayList<>(batch.size());
        List<AuditMergeEntity> merges = new ArrayList<>();
        for (Pending pending : batch) {
            entries.add(pending.entry());
            if (pending.merge() != null) {
                merges.add(new AuditMergeEntity(pending.merge().sha256(), pending.at(),
                        AuditJson.cells(pending.merge().cells())));
            }
        }
        repository.append(entries, merges);
    }
}
