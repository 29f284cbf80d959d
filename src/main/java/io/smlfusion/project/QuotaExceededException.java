package io.smlfusion.project;

import io.smlfusion.refusal.RequestRefused;

/**
 * A learn, merge or import would take a project or a customer beyond a {@link ProjectLimits limit};
 * nothing changed. Refused as {@link RequestRefused.Reason#TOO_LARGE}, the message naming the limit's
 * configuration key.
 */
public class QuotaExceededException extends RequestRefused {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(Reason.TOO_LARGE, message);
    }
}
