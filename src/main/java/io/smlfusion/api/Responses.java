package io.smlfusion.api;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one place that turns an outcome into an HTTP response carrying the {@link Envelope}. */
public final class Responses {

    private Responses() {
    }

    public static Response ok() {
        return envelope(Response.Status.OK, "OK", Map.of());
    }

    public static Response ok(Map<String, Object> values) {
        return envelope(Response.Status.OK, "OK", values);
    }

    public static Response ok(String statusString, Map<String, Object> values) {
        return envelope(Response.Status.OK, statusString, values);
    }

    public static Response created(String statusString, Map<String, Object> values) {
        return envelope(Response.Status.CREATED, statusString, values);
    }

    public static Response error(Response.StatusType status, String statusString) {
        return envelope(status, statusString, Map.of());
    }

    public static Response envelope(Response.StatusType status, String statusString, Map<String, Object> values) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.of(status, statusString, values))
                .build();
    }
}
