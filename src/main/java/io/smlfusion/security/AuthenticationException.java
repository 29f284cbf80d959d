package io.smlfusion.security;

import java.util.Optional;

/**
 * A request that failed signature verification, with what the client must be told (spec §2.5):
 * the HTTP status, the {@code statusString}, and for a signature mismatch the string the server
 * verified, its secret replaced by {@code SECRETKEY} (to go under {@code values.stringToSign}).
 *
 * <p>Checked, so that every caller of {@link SignatureVerifier#verify} decides how to answer. No
 * stack trace is recorded: failures are expected, frequent under attack, and always thrown from
 * the same place.
 */
public final class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String maskedStringToSign;

    public AuthenticationException(int status, String statusString) {
        this(status, statusString, null);
    }

    public AuthenticationException(int status, String statusString, String maskedStringToSign) {
        super(statusString, null, false, false);
        this.status = status;
        this.maskedStringToSign = maskedStringToSign;
    }

    /** HTTP status: 400 for malformed requests, 401 for identity or signature failures. */
    public int status() {
        return status;
    }

    /** The envelope's {@code statusString}. */
    public String statusString() {
        return getMessage();
    }

    /** The verified string to sign with the secret masked; present for {@code Invalid Signature} only. */
    public Optional<String> stringToSign() {
        return Optional.ofNullable(maskedStringToSign);
    }
}
