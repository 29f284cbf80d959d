package io.smlfusion.fusion;

import java.time.Duration;

/**
 * When a fusion refreshes and what counts as success, read from configuration at each refresh so a
 * change applies without restart.
 *
 * @param interval minimum time between two refreshes of one fusion
 *                 ({@code rtlm.option.sml.fusion.prefetch.min.time.ms})
 * @param minCells cells that must answer for a refresh to replace the merge; 0 means all of them
 *                 ({@code smlfusion.fusion.min.cells})
 */
public record RefreshPolicy(Duration interval, int minCells) {

    /** The product's default interval (spec §6.1). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(15_000);

    public RefreshPolicy {
        if (interval.isNegative()) {
            interval = Duration.ZERO;
        }
        minCells = Math.max(0, minCells);
    }

    /** How many of {@code cellCount} cells must answer: all by default, never more than there are. */
    public int required(int cellCount) {
        return minCells == 0 ? cellCount : Math.min(minCells, cellCount);
    }
}
