package io.smlfusion.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.journal.JournalWriteException;

/** A change that could not be made durable was undone: 503, the client may try again. */
@Provider
public class JournalWriteExceptionMapper implements ExceptionMapper<JournalWriteException> {

    @Override
    public Response toResponse(JournalWriteException e) {
        return Responses.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
