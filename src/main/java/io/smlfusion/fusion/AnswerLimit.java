package io.smlfusion.fusion;

/**
 * The largest answer one cell call reads, and the setting it comes from, which a refusal names.
 *
 * <p>A fusion keeps the last snapshot of each cell (for conditional fetches) and builds its merge
 * from them, so the snapshots of one fusion take about {@code cells × snapshot size} bytes: each of
 * {@code n} cells may send at most {@code smlfusion.fusion.cache.max.bytes / n}, and never more than
 * {@code smlfusion.fusion.cell.max.bytes}.
 */
public record AnswerLimit(long bytes, String setting) {

    static AnswerLimit perCell(long maxCellBytes) {
        return new AnswerLimit(maxCellBytes, FusionConfig.MAX_BYTES_KEY + " = " + maxCellBytes + " bytes");
    }

    /** The smaller of the per-cell limit and one cell's share of the cache. */
    static AnswerLimit forList(long maxCellBytes, long cacheBytes, int cells) {
        long share = cacheBytes / Math.max(1, cells);
        return share >= maxCellBytes ? perCell(maxCellBytes)
                : new AnswerLimit(share, "one cell's share of " + FusionConfig.CACHE_BYTES_KEY + " (" + cacheBytes + " bytes / " + cells + " cells = " + share + " bytes)");
    }

    /**
     * Refuses a list of {@code cells} whose share could not hold even the smallest snapshot (one
     * attribute with a one-byte name): every cell would fail at every refresh.
     *
     * @throws io.smlfusion.refusal.RequestRefused 400 naming the limit and what to change
     */
    void requireRoomForASnapshot(int cells) {
        long smallest = FusionConfig.largestPlainSnapshot(1) - (FusionConfig.MAX_NAME_BYTES - 1);
        if (bytes < smallest) {
            throw CellList.invalid(cells + " cells cannot be kept: each may send at most " + setting + ", less than the smallest snapshot ("
                    + smallest + " bytes); raise " + FusionConfig.CACHE_BYTES_KEY + " or split the fusion");
        }
    }

    /** The failure of an answer larger than this limit, declared or read. */
    CellFailure exceededBy(String size) {
        return new CellFailure(CellStatus.ERROR, "answer of " + size + " exceeds " + setting);
    }
}
