package io.smlfusion.fusion;

/**
 * A read of a fusion that has no merge at all (first read after create, restart or
 * {@code updateCellsInfo}) and whose refresh did not finish within the deadline: there is nothing
 * to answer from yet. Answered 503 at the edge; the refresh goes on, so a later read may succeed.
 */
public final class FusionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FusionUnavailableException(String message) {
        super(message);
    }
}
