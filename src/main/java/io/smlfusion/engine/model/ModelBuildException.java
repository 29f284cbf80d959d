package io.smlfusion.engine.model;

/**
 * A model cannot be built from these statistics with this specification: unknown or unsupported
 * algorithm, attribute or option; a target that is also an input; a target of the wrong kind; too
 * few rows; collinear inputs when the pseudo-inverse is disabled. The message says which, in terms
 * a client can act on (the REST layer answers it as a 400).
 */
public class ModelBuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelBuildException(String message) {
        super(message);
    }
}
