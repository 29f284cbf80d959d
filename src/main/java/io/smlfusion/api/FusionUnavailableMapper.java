package io.smlfusion.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.fusion.FusionUnavailableException;

/** A fusion with nothing to answer from yet: 503 in the envelope, with the reason. */
@Provider
public class FusionUnavailableMapper implements ExceptionMapper<FusionUnavailableException> {

    @Override
    public Response toResponse(FusionUnavailableException e) {
        return Responses.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
