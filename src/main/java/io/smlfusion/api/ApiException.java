package io.smlfusion.api;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * A request that cannot be served, with the HTTP status and the {@code statusString} the client
 * sees. Services throw it (or a subclass); {@link ApiExceptionMapper} turns it into the envelope.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response.StatusType status;
    private final transient Map<String, Object> values;

    public ApiException(Response.StatusType status, String statusString) {
        this(status, statusString, Map.of());
    }

    public ApiException(Response.StatusType status, String statusString, Map<String, Object> values) {
        super(statusString);
        this.status = status;
        this.values = values;
    }

    public static ApiException badRequest(String statusString) {
        return new ApiException(Response.Status.BAD_REQUEST, statusString);
    }

    public static ApiException conflict(String statusString) {
        return new ApiException(Response.Status.CONFLICT, statusString);
    }

    public Response.StatusType status() {
        return status;
    }

    public Map<String, Object> values() {
        return values;
    }
}
