package io.smlfusion.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.SignatureVerifier;

/** The fixed words that stand for free texts in labels: skip reasons, authentication failures, cell hosts. */
class LabelWordsTest {

    @Test
    void aSkippedRowIsLabelledByItsProblemNotByItsValue() {
        assertEquals(SkipReason.NOT_A_NUMBER, SkipReason.of("row 2, column 'x': value 'abc' is not a number (type C)"));
        assertEquals(SkipReason.MISSING_VALUE, SkipReason.of("row 3, column 'x': value null is missing (type C needs a number)"));
        assertEquals(SkipReason.OUT_OF_RANGE, SkipReason.of("row 4, column 'x': value '1e400' is not a finite number within ±1e300"));
        assertEquals(SkipReason.NOT_BINARY, SkipReason.of("row 5, column 'b': value '2' is not 0 or 1 (type B)"));
        assertEquals(SkipReason.WRONG_CELL_COUNT, SkipReason.of("row 6 has 3 cells but attributeNames has 2"));
        assertEquals(SkipReason.BAD_PARTITION, SkipReason.of("row 7, column 'p': value '' cannot name a partition: it is empty"));
        assertEquals(SkipReason.OTHER, SkipReason.of("something new"));
        assertEquals(SkipReason.OTHER, SkipReason.of(null));
        assertEquals("not_a_number", SkipReason.NOT_A_NUMBER.label());
    }

    @Test
    void aValueQuotingAnotherReasonDoesNotDecide() {
        assertEquals(SkipReason.NOT_A_NUMBER, SkipReason.of("row 2, column 'x': value 'is not 0 or 1 is missing' is not a number (type C)"));
    }

    @Test
    void authenticationFailuresAreLabelledByKind() {
        assertEquals(AuthenticationFailure.INVALID_SIGNATURE, AuthenticationFailure.of(401, SignatureVerifier.INVALID_SIGNATURE));
        assertEquals(AuthenticationFailure.REPLAYED, AuthenticationFailure.of(401, SignatureVerifier.REPLAYED));
        assertEquals(AuthenticationFailure.CLOCK_SKEW, AuthenticationFailure.of(400, SignatureVerifier.OUT_OF_WINDOW));
        assertEquals(AuthenticationFailure.MISSING_AUTHORIZATION, AuthenticationFailure.of(400, SignatureVerifier.MISSING_AUTHORIZATION));
        assertEquals(AuthenticationFailure.CUSTOMER_MISMATCH,
                AuthenticationFailure.of(401, "Customer-ID header [x] does not match the customer in the path [y]"));
        assertEquals(AuthenticationFailure.TOO_MANY_REQUESTS, AuthenticationFailure.of(429, "Too many requests for customer [x]"));
        assertEquals(AuthenticationFailure.EXPORT_KEY_FORBIDDEN, AuthenticationFailure.of(403, "Export key [k] may only call"));
        assertEquals(AuthenticationFailure.OTHER, AuthenticationFailure.of(401, "anything else"));
    }

    @Test
    void aCellIsLabelledByItsOriginOnly() {
        assertEquals("https://site-a.example:9443", MetricLabels.origin("https://user:pw@site-a.example:9443/base?q=1"));
        assertEquals("http://localhost", MetricLabels.origin("http://localhost"));
        assertEquals("invalid", MetricLabels.origin("not a url"));
        assertEquals("invalid", MetricLabels.origin("relative/path"));
    }
}
