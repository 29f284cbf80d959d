package io.smlfusion.engine.privacy;

/**
 * Statistics that cannot be released with differential privacy as configured: the message names
 * what is missing or wrong (an attribute without bounds, values outside them, a partitioned
 * project). Nothing was spent when this is thrown.
 */
public class NotReleasable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotReleasable(String message) {
        super(message);
    }
}
