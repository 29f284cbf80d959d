package io.smlfusion.cli;

/** A command line that cannot be run; the message tells the user what to change. */
final class CliUsageException extends Exception {

    private static final long serialVersionUID = 1L;

    CliUsageException(String message) {
        super(message);
    }
}
