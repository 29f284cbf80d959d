package io.smlfusion.security;

/** A WebSocket message whose framing (spec §2.6) is malformed; the message names what is wrong. */
public final class SocketMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SocketMessageException(String message) {
        super(message, null, false, false);
    }
}
