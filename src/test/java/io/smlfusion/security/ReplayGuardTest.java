package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.ReplayGuard.Verdict;

class ReplayGuardTest {

    private static final Instant T0 = Instant.parse("2025-01-15T10:30:00Z");

    @Test
    void remembersAPairUntilItsDateLeavesTheWindow() {
        ReplayGuard guard = new ReplayGuard();
        Instant forgetAfter = T0.plusSeconds(300);
        assertAccepted(guard.record("c1", "sig", forgetAfter, T0));
        assertReplayed(guard.record("c1", "sig", forgetAfter, T0.plusSeconds(299)));
        assertReplayed(guard.record("c1", "sig", forgetAfter, forgetAfter));
        assertAccepted(guard.record("c1", "sig", forgetAfter.plusSeconds(300), forgetAfter.plusNanos(1)));
    }

    @Test
    void keysOnCustomerAndSignature() {
        ReplayGuard guard = new ReplayGuard();
        assertAccepted(guard.record("c1", "sig", T0.plusSeconds(300), T0));
        assertAccepted(guard.record("c2", "sig", T0.plusSeconds(300), T0));
        assertAccepted(guard.record("c1", "other", T0.plusSeconds(300), T0));
        assertEquals(3, guard.size());
    }

    @Test
    void sweepsExpiredEntriesOnTheNextCall() {
        ReplayGuard guard = new ReplayGuard();
        for (int i = 0; i < 100; i++) {
            guard.record("c1", "sig" + i, T0.plusSeconds(i), T0);
        }
        guard.record("c1", "late", T0.plusSeconds(600), T0.plusSeconds(50).plusNanos(1));
        assertEquals(50, guard.size());
    }

    @Test
    void aFullCustomerIsRefusedUntilItsOldestEntryExpiresAndNothingIsForgottenEarly() {
        ReplayGuard guard = new ReplayGuard(2);
        guard.record("c1", "expires-late", T0.plusSeconds(300), T0);
        guard.record("c1", "expires-soon", T0.plusSeconds(10), T0);
        assertEquals(Verdict.CUSTOMER_FULL, guard.check("c1", "new", T0));
        assertEquals(Verdict.CUSTOMER_FULL, guard.record("c1", "new", T0.plusSeconds(300), T0));
        assertEquals(Duration.ofSeconds(7), guard.retryAfter("c1", T0.plusSeconds(3)));
        assertEquals(Verdict.REPLAYED, guard.check("c1", "expires-soon", T0.plusSeconds(10)), "kept until its window closed");
        assertEquals(Verdict.REPLAYED, guard.check("c1", "expires-late", T0.plusSeconds(10)));
        assertEquals(2, guard.size());
        assertAccepted(guard.record("c1", "new", T0.plusSeconds(310), T0.plusSeconds(10).plusNanos(1)));
        assertReplayed(guard.record("c1", "expires-late", T0.plusSeconds(300), T0.plusSeconds(11)));
    }

    @Test
    void oneCustomerFillingItsBudgetLeavesAnotherCustomersEntriesInPlace() {
        ReplayGuard guard = new ReplayGuard(3);
        assertAccepted(guard.record("victim", "captured", T0.plusSeconds(300), T0));
        for (int i = 0; i < 1000; i++) {
            guard.record("flooder", "sig" + i, T0.plusSeconds(300), T0.plusMillis(i));
        }
        assertEquals(Verdict.CUSTOMER_FULL, guard.check("flooder", "more", T0.plusSeconds(2)));
        assertEquals(Verdict.REPLAYED, guard.check("victim", "captured", T0.plusSeconds(2)));
        assertReplayed(guard.record("victim", "captured", T0.plusSeconds(300), T0.plusSeconds(2)));
        assertAccepted(guard.record("victim", "fresh", T0.plusSeconds(302), T0.plusSeconds(2)));
        assertEquals(5, guard.size());
    }

    @Test
    void checkRecordsNothing() {
        ReplayGuard guard = new ReplayGuard(1);
        assertEquals(Verdict.ACCEPTED, guard.check("c1", "sig", T0));
        assertEquals(Verdict.ACCEPTED, guard.check("c1", "sig", T0));
        assertEquals(0, guard.size());
        assertAccepted(guard.record("c1", "sig", T0.plusSeconds(300), T0));
        assertEquals(Verdict.REPLAYED, guard.check("c1", "sig", T0));
    }

    @Test
    void quietCustomersAreSweptToo() {
        ReplayGuard guard = new ReplayGuard();
        guard.record("quiet", "sig", T0.plusSeconds(10), T0);
        guard.record("busy", "sig", T0.plusSeconds(600), T0.plusSeconds(20));
        assertEquals(1, guard.size(), "the quiet customer's expired entry went with the full sweep");
    }

    @Test
    void refusesANonPositiveCap() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(0));
    }

    @Test
    void exactlyOneOfConcurrentUsesWins() throws Exception {
        ReplayGuard guard = new ReplayGuard();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                String signature = "sig" + round;
                AtomicInteger winners = new AtomicInteger();
                Future<?>[] tasks = new Future<?>[8];
                for (int t = 0; t < tasks.length; t++) {
                    tasks[t] = pool.submit(() -> {
                        if (guard.record("c1", signature, T0.plusSeconds(300), T0) == Verdict.ACCEPTED) {
                            winners.incrementAndGet();
                        }
                    });
                }
                for (Future<?> task : tasks) {
                    task.get(10, TimeUnit.SECONDS);
                }
                assertEquals(1, winners.get(), signature);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAccepted(Verdict verdict) {
        assertEquals(Verdict.ACCEPTED, verdict);
    }

    private static void assertReplayed(Verdict verdict) {
        assertEquals(Verdict.REPLAYED, verdict);
    }
}
