package io.smlfusion.fusion;

/**
 * Gets a cell's current snapshot. {@link CellClient} does it over signed HTTP; tests give the
 * refresh logic a fake, so single-flight, quorum and ordering are tested without a server.
 */
@FunctionalInterface
public interface CellFetcher {

    /**
     * @param call the cell, the snapshot kept from before (if any), the size limit and the deadline
     *             by which the call must be over; an implementation may stop early, and the caller
     *             stops waiting then anyway ({@link CellCallers#ask})
     * @return the cell's snapshot: {@code call.cached()} itself, confirmed, when the cell answered
     *         that it is still current
     * @throws CellFailure when the cell gives no usable snapshot, classified by {@link CellStatus}
     */
    CellSnapshot fetch(CellCall call) throws CellFailure;

    /** Fetches and never throws: a failure, or a bug in the fetch, becomes a failed answer. */
    default CellAnswer answer(CellCall call) {
        try {
            CellSnapshot snapshot = fetch(call);
            boolean unchanged = call.confirmedBy(snapshot);
            return unchanged ? CellAnswer.unchanged(call.cell(), snapshot) : CellAnswer.ok(call.cell(), snapshot);
        } catch (CellFailure e) {
            return CellAnswer.failed(call.cell(), e);
        } catch (RuntimeException e) {
            return CellAnswer.failed(call.cell(), CellStatus.ofException(e));
        }
    }
}
