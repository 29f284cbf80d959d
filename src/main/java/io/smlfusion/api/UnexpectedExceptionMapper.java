package io.smlfusion.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.health.FatalErrors;
import io.smlfusion.refusal.RequestRefused;

/**
 * Everything that is not an {@link RequestRefused}: JAX-RS's own errors (unknown path, wrong method,
 * unsupported media type, ...), malformed JSON, and bugs. The client always gets the envelope with a
 * message; a stack trace only ever goes to the server log. An {@link Error} is not answered here.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Inject
    FatalErrors fatalErrors;

    /**
     * @throws Error an {@link Error} anywhere in the chain, after recording it: it is never turned
     *     into an envelope, the container answers it and {@link FatalErrors} makes liveness DOWN
     */
    @Override
    public Response toResponse(Throwable e) {
        Error error = cause(e, Error.class);
        if (error != null) {
            fatalErrors.record(error);
            throw error;
        }
        RequestRefused known = cause(e, RequestRefused.class);
        if (known != null) {
            return RequestRefusedMapper.answer(known);
        }
        Throwable malformed = malformedJsonCause(e);
        if (malformed != null) {
            return Responses.error(Response.Status.BAD_REQUEST, "Malformed JSON in request body: " + firstLine(malformed));
        }
        if (e instanceof WebApplicationException wae) {
            Response.StatusType status = wae.getResponse().getStatusInfo();
            return Responses.error(status, describe(status, wae));
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        return Responses.error(Response.Status.INTERNAL_SERVER_ERROR, "Generic Exception <" + firstLine(e) + ">");
    }

    private static Throwable malformedJsonCause(Throwable e) {
        Throwable json = cause(e, JsonException.class);
        return json != null ? json : cause(e, JsonbException.class);
    }

    /** Readers wrap what a stream throws (e.g. the body-size limit) inside their own exceptions. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private String describe(Response.StatusType status, WebApplicationException e) {
        return switch (status.getStatusCode()) {
            case 404 -> "No such resource: " + uriInfo.getRequestUri().getRawPath();
            case 405 -> "HTTP method " + request.getMethod() + " is not allowed on " + uriInfo.getRequestUri().getRawPath();
            case 406 -> "Cannot answer in the requested media type " + headers.getAcceptableMediaTypes();
            case 415 -> "Unsupported media type [" + headers.getMediaType() + "] for " + uriInfo.getRequestUri().getRawPath();
            default -> e.getMessage() != null ? firstLine(e) : status.getReasonPhrase();
        };
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
