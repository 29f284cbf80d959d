package io.smlfusion.security;

import java.time.Duration;
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
    private final transient Duration retryAfter;

    public AuthenticationException(int status, String statusString) {
        this(status, statusString, null, null);
    }

    public AuthenticationException(int status, String statusString, String maskedStringToSign) {
        this(status, statusString, maskedStringToSign, null);
    }

    private AuthenticationException(int status, String statusString, String maskedStringToSign, Duration retryAfter) {
        super(statusString, null, false, false);
        this.status = status;
        this.maskedStringToSign = maskedStringToSign;
        this.retryAfter = retryAfter;
    }

    /** 429: the caller must wait before its next request is accepted. */
    public static AuthenticationException tooManyRequests(String statusString, Duration retryAfter) {
        return new AuthenticationException(429, statusString, null, retryAfter);
    }

    /** HTTP status: 400 for malformed requests, 401 for identity or signature failures, 429 for a full replay budget. */
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

    /** For a 429: how long to wait (the {@code Retry-After} header). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
