package io.smlfusion.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers the (cid, signature) pairs of accepted requests so that a captured request cannot be
 * sent a second time while its {@code sym-date} is still inside the acceptance window (DESIGN §5;
 * the product documents no such cache, spec §14.12 — a correct client never repeats a signature,
 * because every request carries a new {@code sym-date}).
 *
 * <p>Memory is bounded twice: an entry is dropped as soon as its request date has left the window
 * (after that the window check alone refuses the request), and there are never more than
 * {@code maxEntries} entries. At the cap, the entry that would expire first is forgotten early:
 * the guard degrades to the product's behaviour (window check only) for the oldest requests
 * instead of refusing new, legitimate ones. Only verified requests are recorded, so only holders
 * of a valid key can push entries out.
 *
 * <p>Expired entries are swept from the head of an expiry-ordered queue on every call, so a sweep
 * costs O(log n) per dropped entry and nothing when there is nothing to drop. All methods are
 * thread-safe; the lock is held for a map lookup and a heap insertion.
 */
public final class ReplayGuard {

    /** Default cap: about six minutes of traffic at 270 requests per second. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private record Use(String cid, String signature) {
    }

    private record Expiry(Use use, Instant forgetAfter) {
    }

    private final int maxEntries;
    private final Set<Use> used = new HashSet<>();
    private final PriorityQueue<Expiry> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAfter.compareTo(b.forgetAfter));

    public ReplayGuard() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public ReplayGuard(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Records a use of a signature, atomically with the check.
     *
     * @param forgetAfter the instant after which the request date is outside the acceptance window
     * @param now         the current time
     * @return {@code true} on the first use, {@code false} when the pair is already remembered
     */
    public synchronized boolean firstUse(String cid, String signature, Instant forgetAfter, Instant now) {
        sweep(now);
        Use use = new Use(cid, signature);
        if (used.contains(use)) {
            return false;
        }
        if (used.size() >= maxEntries) {
            used.remove(byExpiry.poll().use);
        }
        used.add(use);
        byExpiry.add(new Expiry(use, forgetAfter));
        return true;
    }

    /** How many signatures are remembered (for metrics and tests). */
    public synchronized int size() {
        return used.size();
    }

    private void sweep(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().forgetAfter.isBefore(now)) {
            used.remove(byExpiry.poll().use);
        }
    }
}
