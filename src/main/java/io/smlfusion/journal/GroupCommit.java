package io.smlfusion.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Makes entries durable in shared writes. {@link #enqueue} only queues (cheap enough to call while
 * holding a project's lock, which keeps each project's entries in the order its changes applied);
 * {@link #await} returns once the entry is written. Whoever awaits while no write is running
 * writes everything queued by then, up to {@code maxBatch} entries, as one batch (one database
 * transaction); the others wait for it and find their entry written, or write the next batch. So
 * concurrent learners share one commit, and batches are written one after the other in queue order.
 */
public final class GroupCommit<E> {

    private final Queue<Ticket<E>> queue = new ConcurrentLinkedQueue<>();
    private final Object monitor = new Object();
    /** Whether a batch is being written; guarded by {@link #monitor}. */
    private boolean writing;
    private final Consumer<List<E>> batchWriter;
    private final int maxBatch;

    /** @param batchWriter writes all the entries it is given, or none of them (then it throws) */
    public GroupCommit(Consumer<List<E>> batchWriter, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one entry, not " + maxBatch);
        }
        this.batchWriter = batchWriter;
        this.maxBatch = maxBatch;
    }

    public Ticket<E> enqueue(E entry) {
        Ticket<E> ticket = new Ticket<>(entry);
        queue.add(ticket);
        return ticket;
    }

    /**
     * Returns once the ticket's entry is written.
     *
     * @throws JournalWriteException when the batch holding it could not be written
     */
    public void await(Ticket<E> ticket) {
        while (becomeWriterUnlessWritten(ticket)) {
            try {
                writeBatch();
            } finally {
                synchronized (monitor) {
                    writing = false;
                    monitor.notifyAll();
                }
            }
        }
        ticket.rethrowFailure();
    }

    /**
     * Waits until the ticket's batch is written (false) or no batch is being written (true: the
     * caller writes the next one). Waiting on the batch itself, not on the writer, lets a learner go
     * as soon as its batch commits instead of after the next one. Not interruptible: the change is
     * applied and queued, so the learner must know how its write ended.
     */
    private boolean becomeWriterUnlessWritten(Ticket<E> ticket) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                while (!ticket.finished() && writing) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (ticket.finished()) {
                    return false;
                }
                writing = true;
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeBatch() {
        List<Ticket<E>> batch = new ArrayList<>();
        for (Ticket<E> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        RuntimeException failure = null;
        boolean written = false;
        try {
            batchWriter.accept(batch.stream().map(Ticket::entry).toList());
            written = true;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            // An Error passes through, but never leaves a ticket waiting for ever.
            RuntimeException reason = written ? null
                    : failure != null ? failure : new IllegalStateException("the journal write was aborted");
            batch.forEach(ticket -> ticket.finish(reason));
        }
    }

    /** An entry in the queue; {@link #await} it. */
    public static final class Ticket<E> {

        private final E entry;
        private volatile boolean finished;
        private volatile RuntimeException failure;

        private Ticket(E entry) {
            this.entry = entry;
        }

        public E entry() {
            return entry;
        }

        boolean finished() {
            return finished;
        }

        private void finish(RuntimeException reason) {
            failure = reason;
            finished = true;
        }

        private void rethrowFailure() {
            if (failure != null) {
                throw new JournalWriteException(failure);
            }
        }
    }
}
