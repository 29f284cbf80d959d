package io.smlfusion.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.refusal.RequestRefused;

/**
 * The one place where a domain refusal becomes HTTP: its reason picks the status, its text is the
 * statusString. Every domain exception is a {@link RequestRefused} (a quota, a journal that cannot be
 * written, a fusion with no merge yet), so REST, a WebSocket message and a job all answer through here.
 */
@Provider
public class RequestRefusedMapper implements ExceptionMapper<RequestRefused> {

    @Override
    public Response toResponse(RequestRefused refused) {
        return answer(refused);
    }

    /** The envelope of {@code refused}, for transports other than JAX-RS's exception mapping. */
    public static Response answer(RequestRefused refused) {
        return Responses.envelope(status(refused.reason()), refused.getMessage(), refused.values());
    }

    private static Response.Status status(RequestRefused.Reason reason) {
        return switch (reason) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case GONE -> Response.Status.GONE;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case TOO_MANY -> Response.Status.TOO_MANY_REQUESTS;
            case FAILED -> Response.Status.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }
}
