package io.smlfusion.fusion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every answer of a cell but 200 — including a redirect, which is never followed — into a
 * {@link CellFailure} classified by {@link CellStatus#ofHttp}, reading at most the first
 * {@value #ERROR_PREFIX_BYTES} bytes of the body (enough to recognise the product's unknown-project
 * error) and never past the call's deadline. Runs before the client's default mapper, which would
 * otherwise take every error answer.
 */
final class CellResponseMapper implements ResponseExceptionMapper<CellFailure> {

    private static final int ERROR_PREFIX_BYTES = 4096;

    private final Deadline deadline;

    CellResponseMapper(Deadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status != Response.Status.OK.getStatusCode();
    }

    @Override
    public CellFailure toThrowable(Response response) {
        return CellStatus.ofHttp(response.getStatus(), errorPrefix(response));
    }

    /** The start of the body; empty when there is none or it cannot be read (the status still classifies). */
    private String errorPrefix(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            InputStream body = response.readEntity(InputStream.class);
            return new String(BoundedBody.prefix(body, ERROR_PREFIX_BYTES, deadline), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
