package io.smlfusion.fusion;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;

import io.smlfusion.disclosure.WithheldExport;

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
    /**
     * the cell withholds its export: a group of its rows (the project, a partition, a category
     * level) is below its minimum ({@code disclosure.WithheldExport}); it is left out of the merge
     */
    WITHHELD,
    /** the cell is a fusion that leads back to a fusion this call is made for ({@link FusionPath}) */
    CYCLE,
    /** anything else, e.g. a redirect (never followed), a host outside the allow-list, a server error */
    ERROR;

    /** The product's answer for an unknown project (spec §5.3): a 400, not a 404. */
    private static final String UNKNOWN_PROJECT = "Cannot Find SYMETRYML id";
    private static final int MAX_REASON = 200;

    /**
     * Classifies a non-200 answer of a cell. The reason is ours — the HTTP status and what it means
     * here — never text of the cell's: a cell (or whatever answers at its address) may put anything in
     * its answer, and {@code cellsStatus} would hand it to the caller.
     *
     * @param httpStatus the HTTP status code
     * @param errorBody  the start of the answer's body (only used to recognise the product's
     *                   unknown-project error, a withheld export, and a fusion's cycle and depth refusals), or null
     */
    public static CellFailure ofHttp(int httpStatus, String errorBody) {
        String prefix = "HTTP " + httpStatus + ": ";
        String withheld = WithheldExport.reasonIn(httpStatus, errorBody);
        if (withheld != null) {
            return new CellFailure(WITHHELD, prefix + withheld);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new CellFailure(UNAUTHORIZED, prefix + "the cell refused the signature of this cid and sk");
        }
        if (httpStatus == 404 || (httpStatus == 400 && errorBody != null && errorBody.contains(UNKNOWN_PROJECT))) {
            return new CellFailure(NOT_FOUND, prefix + "the cell has no such project for this cid");
        }
        if (httpStatus == 409 && errorBody != null && errorBody.contains(FusionPath.CYCLE)) {
            return new CellFailure(CYCLE, prefix + "the cell is a fusion whose cells lead back to a fusion this call is made for");
        }
        if (httpStatus == 400 && errorBody != null && errorBody.contains(FusionPath.TOO_DEEP)) {
            return new CellFailure(ERROR, prefix + "the cell is a fusion, and the chain of fusions is deeper than it allows");
        }
        if (httpStatus >= 300 && httpStatus < 400) {
            return new CellFailure(ERROR, prefix + "redirects are not followed");
        }
        return new CellFailure(ERROR, prefix + "the cell answered an error");
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
            if (t instanceof InterruptedIOException) {
                return new CellFailure(TIMEOUT, describe(t));
            }
        }
        return new CellFailure(ERROR, describe(failure));
    }

    /** Exception texts are local (socket, client library) but may quote what the peer sent: one short line at most. */
    private static String describe(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
