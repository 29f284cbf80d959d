package io.smlfusion.fusion;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every answer of a cell but 200 — including a redirect, which is never followed — into a
 * {@link CellFailure} classified by {@link CellStatus#ofHttp}, with the {@code statusString} of the
 * cell's error envelope as reason. Runs before the client's default mapper.
 */
final class CellResponseMapper implements ResponseExceptionMapper<CellFailure> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status != Response.Status.OK.getStatusCode();
    }

    @Override
    public CellFailure toThrowable(Response response) {
        return CellStatus.ofHttp(response.getStatus(), statusString(response));
    }

    /** The {@code statusString} of an error envelope; null when there is none, whatever the reason (the status still classifies). */
    private static String statusString(Response response) {
        try (var reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
            return reader.readObject().getString("statusString", null);
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }
}
