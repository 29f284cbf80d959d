package io.smlfusion.engine.explore;

/**
 * A request the exploration code cannot answer because of what the client asked: unknown metric,
 * attributes of the wrong number or type, unknown names, indexes out of range, missing or malformed
 * extra parameters. The message names the problem and what was expected; the server answers it
 * as 400.
 */
public final class ExploreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExploreException(String message) {
        super(message);
    }
}
