package io.smlfusion.ingest;

import io.smlfusion.refusal.RequestRefused;

/** A DataFrame that cannot be applied; the message names the row and column where it can. */
public class FrameException extends RequestRefused {

    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(Reason.INVALID, message);
    }

    private FrameException(Reason reason, String message) {
        super(reason, message);
    }

    /** A DataFrame beyond a configured limit (413), named in the message. */
    static FrameException beyond(FrameOptions.Limit limit, String what) {
        return new FrameException(Reason.TOO_LARGE,
                "DataFrame rejected, nothing learned: " + what + "; the limit is " + limit.max() + " (" + limit.name() + ")");
    }
}
