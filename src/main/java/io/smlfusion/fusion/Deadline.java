package io.smlfusion.fusion;

import java.time.Duration;

/**
 * The moment, on the monotonic clock, by which one cell call (or one wait for a refresh) must be
 * over ({@code smlfusion.fusion.cell.deadline.ms}). Socket timeouts bound each read; this bounds
 * the whole call, so a cell that drips one byte at a time cannot hold anyone longer.
 */
final class Deadline {

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** The whole budget, as configured: what messages name. */
    Duration budget() {
        return budget;
    }

    /** What is left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The failure of a call that this deadline cut short. */
    CellFailure exceeded() {
        return new CellFailure(CellStatus.TIMEOUT, "no complete answer within " + FusionConfig.DEADLINE_KEY + " = " + budget.toMillis() + " ms");
    }
}
