package io.smlfusion.fusion;

/**
 * One request for a cell's snapshot.
 *
 * @param cached   the cell's snapshot from an earlier refresh of the same list, or null: when it has
 *                 an {@code ETag} the call is conditional, and a {@code 304} answer confirms it
 * @param maxBytes the largest snapshot this call may read: {@code smlfusion.fusion.cell.max.bytes},
 *                 or the cell's share of {@code smlfusion.fusion.cache.max.bytes} when smaller
 * @param deadline by which the call must be over
 */
public record CellCall(CellInfo cell, CellSnapshot cached, AnswerLimit maxBytes, Deadline deadline) {

    /** An unconditional call with the per-cell limit alone (cellsStatus: nothing is kept). */
    static CellCall probe(CellInfo cell, long maxCellBytes, Deadline deadline) {
        return new CellCall(cell, null, AnswerLimit.perCell(maxCellBytes), deadline);
    }

    /** Whether {@code answered} is the kept snapshot itself, confirmed by the cell ({@code 304}): nothing new was sent. */
    public boolean confirmedBy(CellSnapshot answered) {
        return cached != null && answered.statistics() == cached.statistics();
    }
}
