package io.smlfusion.fusion;

/**
 * Gets a cell's current snapshot. {@link CellClient} does it over signed HTTP; tests give the
 * refresh logic a fake, so single-flight, quorum and ordering are tested without a server.
 */
@FunctionalInterface
public interface CellFetcher {

    /**
     * @param deadline by which the call must be over; an implementation may stop early, and the
     *                 caller stops waiting then anyway ({@link CellCallers#ask})
     * @throws CellFailure when the cell gives no usable snapshot, classified by {@link CellStatus}
     */
    CellSnapshot fetch(CellInfo cell, Deadline deadline) throws CellFailure;

    /** Fetches and never throws: a failure, or a bug in the fetch, becomes a failed answer. */
    default CellAnswer answer(CellInfo cell, Deadline deadline) {
        try {
            return CellAnswer.ok(cell, fetch(cell, deadline));
        } catch (CellFailure e) {
            return CellAnswer.failed(cell, e);
        } catch (RuntimeException e) {
            return CellAnswer.failed(cell, CellStatus.ofException(e));
        }
    }
}
