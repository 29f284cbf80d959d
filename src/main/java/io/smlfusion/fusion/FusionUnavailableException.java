package io.smlfusion.fusion;

import io.smlfusion.refusal.RequestRefused;

/**
 * A read of a fusion that has no merge at all (first read after create, restart or
 * {@code updateCellsInfo}) and whose refresh did not finish within the deadline: there is nothing
 * to answer from yet. Refused as {@link RequestRefused.Reason#UNAVAILABLE}; the refresh goes on, so
 * a later read may succeed.
 */
public final class FusionUnavailableException extends RequestRefused {

    private static final long serialVersionUID = 1L;

    FusionUnavailableException(String message) {
        super(Reason.UNAVAILABLE, message);
    }
}
