package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** However many cells are asked and however long they take, the calls run on a bounded pool and end at the deadline. */
class CellCallersTest {

    @Test
    void manyCellsThatNeverAnswerHoldAtMostThePoolAndAllEndAtTheDeadline() throws Exception {
        ThreadPoolExecutor pool = CellCallers.boundedPool(4, Executors.defaultThreadFactory());
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CellFetcher silent = call -> {
            started.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                never.await(call.deadline().remaining().toMillis() + 200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            throw new CellFailure(CellStatus.TIMEOUT, "silent");
        };
        try {
            List<CellInfo> cells = TestCells.cells(256);
            long begun = System.nanoTime();
            List<CellAnswer> answers = TestCells.callers(pool).askAll(silent, cells, 1 << 20, Deadline.after(Duration.ofMillis(500)));
            long tookMillis = (System.nanoTime() - begun) / 1_000_000;

            assertEquals(256, answers.size());
            for (int k = 0; k < cells.size(); k++) {
                assertEquals(cells.get(k), answers.get(k).cell(), "list order");
                assertEquals(CellStatus.TIMEOUT, answers.get(k).status());
                assertEquals("no complete answer within smlfusion.fusion.cell.deadline.ms = 500 ms", answers.get(k).reason());
            }
            assertTrue(tookMillis < 2000, "answered after " + tookMillis + " ms");
            assertEquals(4, pool.getLargestPoolSize(), "threads");
            assertEquals(4, mostAtOnce.get(), "calls at once");
            Thread.sleep(1500);
            assertTrue(started.get() <= 8, "calls still queued at their deadline never start: " + started.get() + " started");
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }
}
