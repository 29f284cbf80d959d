package io.smlfusion.stream;

/** A record that cannot be read as rows of its stream; the message says why (never the record itself). */
final class BadRecord extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRecord(String reason) {
        super(reason, null, false, false);
    }
}
