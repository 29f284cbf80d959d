package io.smlfusion.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes audit records off the hot path and writes them in batches, on one writer at a time.
 *
 * <p><b>Bounded</b>: at most {@code capacity} records are accepted and not yet written (queued, or
 * in a batch whose write failed and is retried). {@link #offer} never blocks: beyond the capacity it
 * answers false and the caller refuses the release, so a release is never unrecorded silently.
 *
 * <p><b>Loss window</b>: a record is durable once its batch is written. The writer starts as soon as
 * a record is queued, so what a crash can lose is what was accepted but not yet committed — normally
 * the last few milliseconds, at most {@code capacity} records while the database is failing.
 *
 * <p><b>Failure</b>: a batch that could not be written is kept, in order, and retried after
 * {@code retryMillis}; records keep counting against the capacity until it is written.
 */
final class AuditQueue<R> {

    /** Runs the writer, now or after a delay. */
    interface Scheduler {
        void schedule(Runnable task, long delayMillis);
    }

    private static final Logger LOG = Logger.getLogger(AuditQueue.class.getName());

    private final Queue<R> queue = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final Semaphore room;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final int maxBatch;
    private final long retryMillis;
    private final Consumer<List<R>> batchWriter;
    private final Scheduler scheduler;
    /** A batch whose write failed, written before anything else; touched only by the writer. */
    private List<R> failed;

    /** @param batchWriter writes all the records it is given, or none of them (then it throws) */
    AuditQueue(int capacity, int maxBatch, long retryMillis, Consumer<List<R>> batchWriter, Scheduler scheduler) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and batch must be at least 1, not " + capacity + " and " + maxBatch);
        }
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.maxBatch = maxBatch;
        this.retryMillis = retryMillis;
        this.batchWriter = batchWriter;
        this.scheduler = scheduler;
    }

    /** @return false, queuing nothing, when {@code capacity} records already wait to be written */
    boolean offer(R record) {
        if (!room.tryAcquire()) {
            return false;
        }
        queue.add(record);
        startWriter(0);
        return true;
    }

    /** Records accepted and not written yet. */
    int backlog() {
        return capacity - room.availablePermits();
    }

    /**
     * Writes everything still queued, on the calling thread. Only once the scheduler is terminated
     * (shutdown): no writer runs any more, and one it dropped may have left the writing flag set.
     *
     * @return false when a write failed: those records are lost, and the log says how many
     */
    boolean flush() {
        writing.set(true);
        while (failed != null || !queue.isEmpty()) {
            if (!writeOneBatch()) {
                LOG.severe("Audit trail: " + backlog() + " records could not be written before shutdown and are lost");
                return false;
            }
        }
        return true;
    }

    private void startWriter(long delayMillis) {
        if (writing.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::write, delayMillis);
            } catch (RuntimeException shutDown) {
                // the scheduler stopped: what is queued is written by flush()
                writing.set(false);
            }
        }
    }

    private void write() {
        boolean ok;
        try {
            ok = writeOneBatch();
        } finally {
            writing.set(false);
        }
        // a record queued while this batch was written found the writer busy: go on for it
        if (!ok) {
            startWriter(retryMillis);
        } else if (!queue.isEmpty()) {
            startWriter(0);
        }
    }

    private boolean writeOneBatch() {
        List<R> batch = failed;
        if (batch == null) {
            batch = new ArrayList<>();
            for (R next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
        }
        if (batch.isEmpty()) {
            return true;
        }
        try {
            batchWriter.accept(batch);
        } catch (RuntimeException e) {
            failed = batch;
            LOG.log(Level.SEVERE, "Audit trail: could not write " + batch.size() + " records, retrying in "
                    + retryMillis + " ms; releases are refused once " + room.availablePermits() + " more are waiting", e);
            return false;
        }
        failed = null;
        room.release(batch.size());
        return true;
    }
}
