package io.smlfusion.journal;

/**
 * A change could not be written to the journal, so it was not acknowledged (and was undone):
 * answered 503 at the edge, since the client may simply try again. The message names no database
 * detail; the cause goes to the server log.
 */
public class JournalWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalWriteException(Throwable cause) {
        super("The change could not be made durable (the journal could not be written); nothing was"
                + " learned or forgotten, try again", cause);
    }
}
