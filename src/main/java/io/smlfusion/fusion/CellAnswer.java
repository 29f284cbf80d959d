package io.smlfusion.fusion;

/**
 * The outcome of asking one cell: a snapshot, or a failure with its status and reason.
 *
 * @param snapshot      null unless {@code status} is {@link CellStatus#OK}
 * @param reason        null when {@code status} is {@link CellStatus#OK}
 * @param unchanged     the cell answered {@code 304}: {@code snapshot} is the one kept from before
 * @param bytesReceived the size of the answer's body (0 for a {@code 304} or a failure)
 */
public record CellAnswer(CellInfo cell, CellStatus status, String reason, CellSnapshot snapshot, boolean unchanged, long bytesReceived) {

    public static CellAnswer ok(CellInfo cell, CellSnapshot snapshot) {
        return new CellAnswer(cell, CellStatus.OK, null, snapshot, false, snapshot == null ? 0 : snapshot.bytes());
    }

    /** A {@code 304}: the kept snapshot, confirmed current. */
    public static CellAnswer unchanged(CellInfo cell, CellSnapshot confirmed) {
        return new CellAnswer(cell, CellStatus.OK, null, confirmed, true, 0);
    }

    public static CellAnswer failed(CellInfo cell, CellFailure failure) {
        return new CellAnswer(cell, failure.status(), failure.reason(), null, false, 0);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }

    /** {@code host pid: STATUS (reason)}, the form {@code params.fusion_fetch_error} lists failures in. */
    public String describeFailure() {
        return cell.label() + ": " + status + " (" + reason + ")";
    }
}
