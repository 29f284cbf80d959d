package io.smlfusion.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers the signatures of accepted requests, per customer, so that a captured request cannot
 * be sent a second time while its {@code sym-date} is still inside the acceptance window (DESIGN §5;
 * the product documents no such cache, spec §14.12 — a correct client never repeats a signature,
 * because every request carries a new {@code sym-date}).
 *
 * <p>An entry is never forgotten before its request date has left the window: forgetting it earlier
 * would make that request replayable. Memory is bounded per customer instead: a customer that has
 * {@code maxPerCustomer} requests inside the window is {@linkplain Verdict#CUSTOMER_FULL refused}
 * until its oldest entry expires. Each customer fills only its own budget, so no customer can push
 * another one's entries out. Only verified requests are recorded, so only the holder of a key can
 * fill that key's budget.
 *
 * <p>Expired entries are swept from the head of the caller's expiry-ordered queue on every call
 * (O(log n) per dropped entry), and the customers that went quiet are swept at most once per
 * {@link #FULL_SWEEP_INTERVAL}. All methods are thread-safe.
 */
public final class ReplayGuard {

    /** Default budget: 100,000 requests in the window, about 280 requests per second per customer. */
    public static final int DEFAULT_MAX_PER_CUSTOMER = 100_000;

    static final Duration FULL_SWEEP_INTERVAL = Duration.ofSeconds(1);

    /** What the guard says about a signature. */
    public enum Verdict {
        /** not seen inside the window (and, when recording, now remembered) */
        ACCEPTED,
        /** already used inside the window */
        REPLAYED,
        /** the customer's budget is full; see {@link #retryAfter} */
        CUSTOMER_FULL
    }

    private record Expiry(String signature, Instant forgetAfter) {
    }

    private static final class CustomerUses {
        final Set<String> signatures = new HashSet<>();
        final PriorityQueue<Expiry> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAfter.compareTo(b.forgetAfter));

        void sweep(Instant now) {
            while (!byExpiry.isEmpty() && byExpiry.peek().forgetAfter.isBefore(now)) {
                signatures.remove(byExpiry.poll().signature);
            }
        }
    }

    private final int maxPerCustomer;
    private final Map<String, CustomerUses> byCustomer = new HashMap<>();
    private Instant lastFullSweep = Instant.MIN;

    public ReplayGuard() {
        this(DEFAULT_MAX_PER_CUSTOMER);
    }

    public ReplayGuard(int maxPerCustomer) {
        if (maxPerCustomer < 1) {
            throw new IllegalArgumentException("the replay budget per customer must be positive: " + maxPerCustomer);
        }
        this.maxPerCustomer = maxPerCustomer;
    }

    public int maxPerCustomer() {
        return maxPerCustomer;
    }

    /**
     * What {@link #record} would answer now, without recording anything: lets a request be refused
     * before its body is read.
     */
    public synchronized Verdict check(String cid, String signature, Instant now) {
        CustomerUses uses = swept(cid, now);
        if (uses == null) {
            return Verdict.ACCEPTED;
        }
        if (uses.signatures.contains(signature)) {
            return Verdict.REPLAYED;
        }
        return uses.signatures.size() >= maxPerCustomer ? Verdict.CUSTOMER_FULL : Verdict.ACCEPTED;
    }

    /**
     * Records a use of a signature, atomically with the check.
     *
     * @param forgetAfter the instant after which the request date is outside the acceptance window
     * @param now         the current time
     * @return {@link Verdict#ACCEPTED} when the signature is now remembered; otherwise why not
     */
    public synchronized Verdict record(String cid, String signature, Instant forgetAfter, Instant now) {
        Verdict verdict = check(cid, signature, now);
        if (verdict == Verdict.ACCEPTED) {
            CustomerUses uses = byCustomer.computeIfAbsent(cid, c -> new CustomerUses());
            uses.signatures.add(signature);
            uses.byExpiry.add(new Expiry(signature, forgetAfter));
        }
        return verdict;
    }

    /** How long until the customer's oldest entry leaves the window (at least one second). */
    public synchronized Duration retryAfter(String cid, Instant now) {
        CustomerUses uses = swept(cid, now);
        if (uses == null) {
            return Duration.ZERO;
        }
        Duration untilFree = Duration.between(now, uses.byExpiry.peek().forgetAfter);
        return untilFree.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilFree;
    }

    /** How many signatures are remembered over all customers (for metrics and tests). */
    public synchronized int size() {
        return byCustomer.values().stream().mapToInt(uses -> uses.signatures.size()).sum();
    }

    /** The caller's entries, swept; {@code null} when it has none left. */
    private CustomerUses swept(String cid, Instant now) {
        sweepQuietCustomers(now);
        CustomerUses uses = byCustomer.get(cid);
        if (uses == null) {
            return null;
        }
        uses.sweep(now);
        if (uses.signatures.isEmpty()) {
            byCustomer.remove(cid);
            return null;
        }
        return uses;
    }

    private void sweepQuietCustomers(Instant now) {
        if (lastFullSweep.plus(FULL_SWEEP_INTERVAL).isAfter(now)) {
            return;
        }
        lastFullSweep = now;
        for (Iterator<CustomerUses> it = byCustomer.values().iterator(); it.hasNext(); ) {
            CustomerUses uses = it.next();
            uses.sweep(now);
            if (uses.signatures.isEmpty()) {
                it.remove();
            }
        }
    }
}
