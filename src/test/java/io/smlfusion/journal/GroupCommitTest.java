package io.smlfusion.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smlfusion.journal.GroupCommit.Ticket;

class GroupCommitTest {

    @Test
    void concurrentAppendersShareWritesAndEveryEntryIsWrittenOnceInQueueOrder() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commits = new GroupCommit<>(batch -> {
            sleep(5); // a commit that waits for the disk
            batches.add(batch);
        }, 256);
        int appenders = 8;
        int perAppender = 25;
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        List<Future<?>> done = new ArrayList<>();
        for (int a = 0; a < appenders; a++) {
            int first = a * perAppender;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perAppender; i++) {
                    Ticket<Integer> ticket = commits.enqueue(first + i);
                    commits.await(ticket);
                    assertTrue(written(batches).contains(first + i), "await returned before its entry was written");
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<Integer> written = written(batches);
        assertEquals(appenders * perAppender, written.size(), "every entry exactly once");
        assertEquals(appenders * perAppender, written.stream().distinct().count(), "every entry exactly once");
        for (int a = 0; a < appenders; a++) {
            int first = a * perAppender;
            List<Integer> own = written.stream().filter(e -> e >= first && e < first + perAppender).toList();
            assertEquals(own.stream().sorted().toList(), own, "one appender's entries in the order it queued them");
        }
        assertTrue(batches.size() <= written.size() * 3 / 4,
                "8 concurrent appenders should share commits: " + batches.size() + " writes for " + written.size() + " entries");
    }

    @Test
    void aFailedWriteFailsEveryEntryOfItsBatchAndTheNextBatchIsWrittenAgain() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String> commits = new GroupCommit<>(batch -> {
            if (batch.contains("blocker")) {
                firstWriteStarted.countDown();
                await(release);
                return;
            }
            batches.add(batch);
            if (batch.contains("bad")) {
                throw new IllegalStateException("disk full");
            }
        }, 256);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> blocker = pool.submit(() -> commits.await(commits.enqueue("blocker")));
        assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
        // both queue behind the running write, so the next write takes them together
        Ticket<String> good = commits.enqueue("good");
        Ticket<String> bad = commits.enqueue("bad");
        Future<?> goodWaiter = pool.submit(() -> commits.await(good));
        Future<?> badWaiter = pool.submit(() -> commits.await(bad));
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        for (Future<?> waiter : List.of(goodWaiter, badWaiter)) {
            Exception failure = assertThrows(Exception.class, () -> waiter.get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof JournalWriteException, String.valueOf(failure));
        }
        assertEquals(List.of(List.of("good", "bad")), batches);

        commits.await(commits.enqueue("later"));
        assertEquals(List.of("later"), batches.get(1));
        pool.shutdown();
    }

    @Test
    void aBatchHoldsAtMostMaxBatchEntries() {
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(batches::add, 2);
        List<Ticket<Integer>> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(commits.enqueue(i));
        }
        commits.await(tickets.get(4));
        assertEquals(List.of(List.of(0, 1), List.of(2, 3), List.of(4)), batches);
    }

    private static List<Integer> written(List<List<Integer>> batches) {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
