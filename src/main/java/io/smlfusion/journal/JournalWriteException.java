package io.smlfusion.journal;

import io.smlfusion.refusal.RequestRefused;

/**
 * A change could not be written to the journal, so it was not acknowledged (and was undone):
 * refused as {@link RequestRefused.Reason#UNAVAILABLE}, since the client may simply try again. The
 * message names no database detail; the cause goes to the server log.
 */
public class JournalWriteException extends RequestRefused {

    private static final long serialVersionUID = 1L;

    public JournalWriteException(Throwable cause) {
        super(Reason.UNAVAILABLE, "The change could not be made durable (the journal could not be written); nothing was"
                + " learned or forgotten, try again");
        initCause(cause);
    }
}
