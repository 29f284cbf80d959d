package io.smlfusion.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.project.QuotaExceededException;

/** A project or customer limit: 413, the message naming the limit's configuration key. */
@Provider
public class QuotaExceededMapper implements ExceptionMapper<QuotaExceededException> {

    @Override
    public Response toResponse(QuotaExceededException e) {
        return Responses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }
}
