package io.smlfusion.refusal;

import java.util.Map;

/**
 * A request that the domain refuses, with the product's {@code statusString} the caller sees and
 * the {@link Reason} why. Services, jobs, ingestion and the engines' callers throw it; they know
 * nothing of HTTP: the REST layer alone maps each reason to a status code
 * ({@code api.RequestRefusedMapper}), so the same refusal can also travel over another transport.
 * A refusal that callers must tell apart gets a subclass with its reason (a quota exceeded, a
 * journal that cannot be written), never a mapper of its own: it is then answered the same way
 * over REST, a WebSocket and a job.
 */
public class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request is refused, in the domain's words; each maps to one HTTP status at the edge. */
    public enum Reason {
        /** The request itself is wrong: a parameter, a body, a name (HTTP 400). */
        INVALID,
        /** The caller may not do this (HTTP 403). */
        FORBIDDEN,
        /** What the request names does not exist (HTTP 404). */
        NOT_FOUND,
        /** It contradicts what exists: a project id taken, say (HTTP 409). */
        CONFLICT,
        /** It existed and is gone for good: a cancelled job (HTTP 410). */
        GONE,
        /** The body is larger than the server accepts (HTTP 413). */
        TOO_LARGE,
        /** The caller's own budget is spent for now; it may retry later (HTTP 429). */
        TOO_MANY,
        /** The server could not do it although the request was right (HTTP 500). */
        FAILED,
        /** A resource the request needs is not available now: a fused read without any merge (HTTP 503). */
        UNAVAILABLE
    }

    private final Reason reason;
    private final transient Map<String, Object> values;

    public RequestRefused(Reason reason, String statusString) {
        this(reason, statusString, Map.of());
    }

    public RequestRefused(Reason reason, String statusString, Map<String, Object> values) {
        super(statusString);
        this.reason = reason;
        this.values = values;
    }

    public static RequestRefused invalid(String statusString) {
        return new RequestRefused(Reason.INVALID, statusString);
    }

    public static RequestRefused conflict(String statusString) {
        return new RequestRefused(Reason.CONFLICT, statusString);
    }

    public Reason reason() {
        return reason;
    }

    /** The {@code values} of the answer's envelope (empty for most refusals). */
    public Map<String, Object> values() {
        return values;
    }
}
