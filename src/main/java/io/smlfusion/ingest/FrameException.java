package io.smlfusion.ingest;

import jakarta.ws.rs.core.Response;

import io.smlfusion.api.ApiException;

/** A DataFrame that cannot be applied; the message names the row and column where it can. */
public class FrameException extends ApiException {

    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(Response.Status.BAD_REQUEST, message);
    }

    private FrameException(Response.Status status, String message) {
        super(status, message);
    }

    /** A DataFrame beyond a configured limit (413), named in the message. */
    static FrameException beyond(FrameOptions.Limit limit, String what) {
        return new FrameException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "DataFrame rejected, nothing learned: " + what + "; the limit is " + limit.max() + " (" + limit.name() + ")");
    }
}
