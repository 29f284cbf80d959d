package io.smlfusion.fusion;

/**
 * The outcome of asking one cell: a snapshot, or a failure with its status and reason.
 *
 * @param snapshot null unless {@code status} is {@link CellStatus#OK}
 * @param reason   null when {@code status} is {@link CellStatus#OK}
 */
public record CellAnswer(CellInfo cell, CellStatus status, String reason, CellSnapshot snapshot) {

    public static CellAnswer ok(CellInfo cell, CellSnapshot snapshot) {
        return new CellAnswer(cell, CellStatus.OK, null, snapshot);
    }

    public static CellAnswer failed(CellInfo cell, CellFailure failure) {
        return new CellAnswer(cell, failure.status(), failure.reason(), null);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }

    /** {@code host pid: STATUS (reason)}, the form {@code params.fusion_fetch_error} lists failures in. */
    public String describeFailure() {
        return cell.label() + ": " + status + " (" + reason + ")";
    }
}
