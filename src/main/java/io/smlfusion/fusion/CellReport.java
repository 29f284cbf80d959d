package io.smlfusion.fusion;

import java.time.Instant;

import io.smlfusion.audit.MergedCell;

/**
 * Provenance of one cell in a fusion's state: the status of its last answer, and what it
 * contributed to the merge being served.
 *
 * @param status        of the last refresh attempt; null before the first
 * @param reason        why the last attempt failed; null when it did not
 * @param rowCount      rows the cell contributed to the merge being served; 0 when it is not in it
 * @param snapshotAt    when the cell's snapshot in that merge arrived or was last confirmed; null when it is not in it
 * @param sha256        of that snapshot's bytes ({@link CellSnapshot#sha256}); null when it is not in it
 * @param unchanged     the last attempt got {@code 304}: the cell's kept snapshot was still current
 * @param bytesReceived the body bytes the last attempt received from the cell
 */
public record CellReport(CellInfo cell, CellStatus status, String reason, long rowCount, Instant snapshotAt,
                         String sha256, boolean unchanged, long bytesReceived) {

    static CellReport pending(CellInfo cell) {
        return new CellReport(cell, null, null, 0, null, null, false, 0);
    }

    /** The report of an answer that is in the merge being served, or a failed one that is not. */
    static CellReport of(CellAnswer answer) {
        return answer.ok()
                ? new CellReport(answer.cell(), answer.status(), null, answer.snapshot().statistics().total().count(),
                        answer.snapshot().fetchedAt(), answer.snapshot().sha256(), answer.unchanged(), answer.bytesReceived())
                : new CellReport(answer.cell(), answer.status(), answer.reason(), 0, null, null, false, answer.bytesReceived());
    }

    /** The cell as the audit trail names it in the merge. */
    MergedCell merged() {
        return new MergedCell(cell.host(), cell.cid(), cell.pid(), rowCount, sha256);
    }

    public boolean inMerge() {
        return snapshotAt != null;
    }

    /** The same contribution, with the outcome of a newer attempt that did not replace the merge. */
    CellReport withLatest(CellAnswer answer) {
        return new CellReport(cell, answer.status(), answer.reason(), rowCount, snapshotAt, sha256, answer.unchanged(), answer.bytesReceived());
    }
}
