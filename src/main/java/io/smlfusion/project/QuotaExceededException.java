package io.smlfusion.project;

/** A learn, merge or import would take a project or a customer beyond a {@link ProjectLimits limit}; nothing changed. */
public class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
