package io.smlfusion.fusion;

import java.time.Duration;

/**
 * When a fusion refreshes, what counts as success and how long a read waits, read from
 * configuration at each read so a change applies without restart.
 *
 * @param interval minimum time between two refreshes of one fusion
 *                 ({@code rtlm.option.sml.fusion.prefetch.min.time.ms})
 * @param minCells cells that must answer for a refresh to replace the merge; 0 means all of them
 *                 ({@code smlfusion.fusion.min.cells})
 * @param mode     whether a read that finds the merge due waits for the refresh
 *                 ({@code smlfusion.fusion.refresh.mode})
 * @param deadline the longest a cell call — and so a refresh, and a read waiting for one — takes
 *                 ({@code smlfusion.fusion.cell.deadline.ms})
 * @param maxCellBytes the largest snapshot read from one cell ({@code smlfusion.fusion.cell.max.bytes})
 * @param cacheBytes   the snapshots one fusion keeps, all cells together ({@code smlfusion.fusion.cache.max.bytes})
 */
public record RefreshPolicy(Duration interval, int minCells, Mode mode, Duration deadline, long maxCellBytes, long cacheBytes) {

    /** With the default size limits. */
    public RefreshPolicy(Duration interval, int minCells, Mode mode, Duration deadline) {
        this(interval, minCells, mode, deadline, FusionConfig.largestPlainSnapshot(FusionConfig.DEFAULT_MAX_ATTRIBUTES),
                FusionConfig.DEFAULT_CACHE_BYTES);
    }

    /** The product's default interval (spec §6.1). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(15_000);

    /** What a read does when it finds the merge due. */
    public enum Mode {
        /** waits for the refresh it starts, up to the deadline: the answer includes the cells' latest rows (the default) */
        WAIT,
        /** answers from the last merge at once and lets the refresh run: lower latency, answers up to one interval plus one refresh old */
        BACKGROUND;

        /** @throws IllegalArgumentException for anything but {@code wait} or {@code background} (any case) */
        public static Mode parse(String value) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(FusionConfig.REFRESH_MODE_KEY + " must be wait or background, not [" + value + "]");
        }
    }

    public RefreshPolicy {
        if (interval.isNegative()) {
            interval = Duration.ZERO;
        }
        minCells = Math.max(0, minCells);
        if (deadline.isNegative() || deadline.isZero()) {
            deadline = Duration.ofMillis(1);
        }
    }

    /** How much each cell of a list of {@code cellCount} may send (see {@link AnswerLimit}). */
    AnswerLimit answerLimit(int cellCount) {
        return AnswerLimit.forList(maxCellBytes, cacheBytes, cellCount);
    }

    /** How many of {@code cellCount} cells must answer: all by default, never more than there are. */
    public int required(int cellCount) {
        return minCells == 0 ? cellCount : Math.min(minCells, cellCount);
    }
}
