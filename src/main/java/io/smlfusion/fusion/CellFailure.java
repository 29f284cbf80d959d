package io.smlfusion.fusion;

/**
 * A cell that did not give the fusion a usable snapshot: the {@link CellStatus} and a reason for
 * humans. Reasons come from HTTP status lines, envelope status strings and socket errors, never
 * from request headers, so they carry no secret.
 */
public final class CellFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final CellStatus status;

    public CellFailure(CellStatus status, String reason) {
        super(reason);
        if (status == CellStatus.OK) {
            throw new IllegalArgumentException("a failure cannot have status OK");
        }
        this.status = status;
    }

    public CellStatus status() {
        return status;
    }

    public String reason() {
        return getMessage();
    }
}
