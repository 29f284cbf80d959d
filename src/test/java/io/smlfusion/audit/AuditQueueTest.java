package io.smlfusion.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The audit queue's bound, batches, order and retry, with a scheduler the test runs by hand. */
class AuditQueueTest {

    /** Tasks scheduled, with their delays, run when the test says. */
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final List<Long> delays = new ArrayList<>();
    private final List<List<Integer>> written = new ArrayList<>();
    private int failuresLeft;

    private AuditQueue<Integer> queue(int capacity, int maxBatch) {
        return new AuditQueue<>(capacity, maxBatch, 250, batch -> {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database down");
            }
            written.add(List.copyOf(batch));
        }, (task, delay) -> {
            tasks.add(task);
            delays.add(delay);
        });
    }

    private void runScheduled() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void writesInBatchesInTheOrderRecordsCame() {
        AuditQueue<Integer> queue = queue(100, 3);
        for (int k = 0; k < 7; k++) {
            assertTrue(queue.offer(k));
        }
        assertEquals(1, tasks.size(), "one writer, however many records");
        assertEquals(7, queue.backlog());
        runScheduled();
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), written);
        assertEquals(0, queue.backlog());
    }

    @Test
    void refusesBeyondItsCapacityUntilTheBacklogIsWritten() {
        AuditQueue<Integer> queue = queue(2, 10);
        assertTrue(queue.offer(1));
        assertTrue(queue.offer(2));
        assertFalse(queue.offer(3), "full: the caller must refuse the release");
        runScheduled();
        assertTrue(queue.offer(3));
        runScheduled();
        assertEquals(List.of(List.of(1, 2), List.of(3)), written);
    }

    @Test
    void aFailedBatchIsRetriedFirstAndKeepsCountingAgainstTheCapacity() {
        AuditQueue<Integer> queue = queue(3, 2);
        failuresLeft = 1;
        queue.offer(1);
        queue.offer(2);
        queue.offer(3);
        tasks.poll().run();
        assertEquals(List.of(), written);
        assertEquals(List.of(0L, 250L), delays, "retried after the retry delay");
        assertFalse(queue.offer(4), "the failed batch still holds its room");
        runScheduled();
        assertEquals(List.of(List.of(1, 2), List.of(3)), written);
        assertTrue(queue.offer(4));
    }

    @Test
    void flushWritesEverythingOnTheCallingThread() {
        AuditQueue<Integer> queue = queue(10, 2);
        for (int k = 0; k < 5; k++) {
            queue.offer(k);
        }
        tasks.clear(); // the scheduler stopped (shutdown): flush alone must write
        assertTrue(queue.flush());
        assertEquals(List.of(List.of(0, 1), List.of(2, 3), List.of(4)), written);
    }

    @Test
    void flushReportsWhatItCouldNotWrite() {
        AuditQueue<Integer> queue = queue(10, 5);
        queue.offer(1);
        tasks.clear();
        failuresLeft = 1;
        assertFalse(queue.flush());
    }
}
