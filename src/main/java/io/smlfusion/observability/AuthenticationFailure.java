package io.smlfusion.observability;

import java.util.Locale;

import io.smlfusion.security.SignatureVerifier;

/**
 * Why a request's signature was refused, as a label: a fixed word per failure the verifier knows,
 * never its text (which may quote the customer id or the string to sign).
 */
enum AuthenticationFailure {
    MISSING_AUTHORIZATION(SignatureVerifier.MISSING_AUTHORIZATION),
    MISSING_DATE(SignatureVerifier.MISSING_DATE),
    INVALID_DATE(SignatureVerifier.INVALID_DATE),
    CLOCK_SKEW(SignatureVerifier.OUT_OF_WINDOW),
    MD5_MISMATCH(SignatureVerifier.MD5_MISMATCH),
    INVALID_SIGNATURE(SignatureVerifier.INVALID_SIGNATURE),
    REPLAYED(SignatureVerifier.REPLAYED),
    CUSTOMER_MISMATCH("Customer-ID header"),
    TOO_MANY_REQUESTS(null),
    EXPORT_KEY_FORBIDDEN(null),
    OTHER(null);

    private final String statusPrefix;

    AuthenticationFailure(String statusPrefix) {
        this.statusPrefix = statusPrefix;
    }

    static AuthenticationFailure of(int httpStatus, String statusString) {
        if (httpStatus == 429) {
            return TOO_MANY_REQUESTS;
        }
        if (httpStatus == 403) {
            return EXPORT_KEY_FORBIDDEN;
        }
        for (AuthenticationFailure failure : values()) {
            if (failure.statusPrefix != null && statusString != null && statusString.startsWith(failure.statusPrefix)) {
                return failure;
            }
        }
        return OTHER;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
