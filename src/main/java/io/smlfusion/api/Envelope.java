package io.smlfusion.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * The {@code JSONResponseClient} envelope every answer under {@code /symetry/rest/} is wrapped in
 * (spec §4.1): {@code {"statusCode":"OK","statusString":"OK","values":{...}}}. The status code is
 * the JAX-RS status name as a string, as every sample of the product shows.
 */
@JsonbPropertyOrder({"statusCode", "statusString", "values"})
public final class Envelope {

    private final String statusCode;
    private final String statusString;
    private final Map<String, Object> values;

    private Envelope(Response.StatusType status, String statusString, Map<String, Object> values) {
        this.statusCode = statusName(status);
        this.statusString = statusString;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Envelope of(Response.StatusType status, String statusString, Map<String, Object> values) {
        return new Envelope(status, statusString, values);
    }

    public static Envelope of(Response.StatusType status, String statusString) {
        return new Envelope(status, statusString, Map.of());
    }

    public String getStatusCode() {
        return statusCode;
    }

    public String getStatusString() {
        return statusString;
    }

    public Map<String, Object> getValues() {
        return values;
    }

    /** {@code INTERNAL_SERVER_ERROR} rather than "Internal Server Error"; codes without a JAX-RS name keep their number. */
    static String statusName(Response.StatusType status) {
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        if (known != null) {
            return known.name();
        }
        return status.getStatusCode() == 413 ? "REQUEST_ENTITY_TOO_LARGE" : String.valueOf(status.getStatusCode());
    }
}
