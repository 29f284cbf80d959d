package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant T0 = Instant.parse("2025-01-15T10:30:00Z");

    @Test
    void remembersAPairUntilItsDateLeavesTheWindow() {
        ReplayGuard guard = new ReplayGuard();
        Instant forgetAfter = T0.plusSeconds(300);
        assertTrue(guard.firstUse("c1", "sig", forgetAfter, T0));
        assertFalse(guard.firstUse("c1", "sig", forgetAfter, T0.plusSeconds(299)));
        assertFalse(guard.firstUse("c1", "sig", forgetAfter, forgetAfter));
        assertTrue(guard.firstUse("c1", "sig", forgetAfter.plusSeconds(300), forgetAfter.plusNanos(1)));
    }

    @Test
    void keysOnCustomerAndSignature() {
        ReplayGuard guard = new ReplayGuard();
        assertTrue(guard.firstUse("c1", "sig", T0.plusSeconds(300), T0));
        assertTrue(guard.firstUse("c2", "sig", T0.plusSeconds(300), T0));
        assertTrue(guard.firstUse("c1", "other", T0.plusSeconds(300), T0));
        assertEquals(3, guard.size());
    }

    @Test
    void sweepsExpiredEntriesOnTheNextCall() {
        ReplayGuard guard = new ReplayGuard();
        for (int i = 0; i < 100; i++) {
            guard.firstUse("c1", "sig" + i, T0.plusSeconds(i), T0);
        }
        guard.firstUse("c1", "late", T0.plusSeconds(600), T0.plusSeconds(50).plusNanos(1));
        assertEquals(50, guard.size());
    }

    @Test
    void atTheCapForgetsTheEntryClosestToExpiry() {
        ReplayGuard guard = new ReplayGuard(2);
        guard.firstUse("c1", "expires-late", T0.plusSeconds(300), T0);
        guard.firstUse("c1", "expires-soon", T0.plusSeconds(10), T0);
        assertTrue(guard.firstUse("c1", "new", T0.plusSeconds(300), T0));
        assertEquals(2, guard.size());
        assertTrue(guard.firstUse("c1", "expires-soon", T0.plusSeconds(10), T0), "evicted early");
        assertFalse(guard.firstUse("c1", "new", T0.plusSeconds(300), T0));
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
                        if (guard.firstUse("c1", signature, T0.plusSeconds(300), T0)) {
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
}
