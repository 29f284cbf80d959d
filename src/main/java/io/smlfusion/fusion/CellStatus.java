package io.smlfusion.fusion;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * What a cell's answer to the fusion was (DESIGN §6), and the rules that classify an HTTP outcome
 * into it. The rules are pure functions, so they are unit-tested without a network.
 */
public enum CellStatus {
    /** the cell answered a snapshot this server reads */
    OK,
    /** no connection: refused, unknown host, no route */
    UNREACHABLE,
    /** connected (or tried to) but no answer within the configured timeouts */
    TIMEOUT,
    /** the cell refused the signature of the configured {@code cid}/{@code sk} */
    UNAUTHORIZED,
    /** the cell has no such project for that customer */
    NOT_FOUND,
    /** a snapshot of an unknown format or version, or an attribute whose type conflicts with another cell */
    INCOMPATIBLE,
    /** anything else, e.g. a redirect (never followed), a host outside the allow-list, a server error */
    ERROR;

    /** The product's answer for an unknown project (spec §5.3): a 400, not a 404. */
    private static final String UNKNOWN_PROJECT = "Cannot Find SYMETRYML id";

    /**
     * Classifies a non-200 answer of a cell.
     *
     * @param httpStatus   the HTTP status code
     * @param statusString the envelope's {@code statusString}, or null when the body had none
     */
    public static CellFailure ofHttp(int httpStatus, String statusString) {
        String reason = "HTTP " + httpStatus + (statusString == null || statusString.isBlank() ? "" : " " + statusString);
        CellStatus status;
        if (httpStatus == 401 || httpStatus == 403) {
            status = UNAUTHORIZED;
        } else if (httpStatus == 404 || (httpStatus == 400 && statusString != null && statusString.startsWith(UNKNOWN_PROJECT))) {
            status = NOT_FOUND;
        } else {
            status = ERROR;
        }
        return new CellFailure(status, httpStatus >= 300 && httpStatus < 400 ? reason + " (redirects are not followed)" : reason);
    }

    /**
     * Classifies a call that produced no HTTP answer, by the first cause in the chain that says
     * why: client libraries wrap the socket's exception in their own.
     */
    public static CellFailure ofException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
                return new CellFailure(UNREACHABLE, describe(t));
            }
            if (t instanceof InterruptedIOException || t instanceof HttpTimeoutException) {
                return new CellFailure(TIMEOUT, describe(t));
            }
        }
        return new CellFailure(ERROR, describe(failure));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
