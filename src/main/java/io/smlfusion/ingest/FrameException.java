package io.smlfusion.ingest;

import jakarta.ws.rs.core.Response;

import io.smlfusion.api.ApiException;

/** A DataFrame that cannot be applied; the message names the row and column where it can. */
public class FrameException extends ApiException {

    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(Response.Status.BAD_REQUEST, message);
    }
}
