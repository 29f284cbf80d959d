package io.smlfusion.security;

/**
 * An encrypted body that cannot be turned back into text with the customer's key. The message is
 * meant for the client (a 400 {@code statusString}) and never contains key or plaintext material.
 */
public final class BodyDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BodyDecryptionException(String reason, Throwable cause) {
        super("The body could not be decrypted with the customer's key (" + reason + ")", cause);
    }
}
