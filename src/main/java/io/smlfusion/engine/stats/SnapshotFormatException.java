package io.smlfusion.engine.stats;

import java.io.IOException;

/**
 * A snapshot cannot be read: it is not an sml-fusion snapshot, has a format version this server
 * does not read, is truncated, or is inconsistent. The message says which, for the status a fusion
 * reports about the cell that sent it.
 */
public class SnapshotFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }
}
