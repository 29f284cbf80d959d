package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies the signature of an incoming REST request (spec §2, DESIGN §5). Pure: the JAX-RS filter
 * only adapts HTTP to an {@link IncomingRequest} and turns an {@link AuthenticationException} into
 * the envelope.
 *
 * <p>Checks run in this order; the first failure is reported:
 * <ol>
 * <li>{@code Authorization} missing or blank → 400 {@value #MISSING_AUTHORIZATION}</li>
 * <li>{@code sym-date} missing or blank → 400 {@value #MISSING_DATE}</li>
 * <li>{@code sym-date} unparsable → 400 {@value #INVALID_DATE}</li>
 * <li>request time more than 5 min behind or 1 min ahead of the clock → 400 {@value #OUT_OF_WINDOW}</li>
 * <li>unknown cid → 401 {@value #INVALID_USER}</li>
 * <li>a non-blank {@code Customer-ID} header that differs from the path cid → 401</li>
 * <li>a non-blank {@code Content-MD5} that differs from the MD5 of the body → 400 {@value #MD5_MISMATCH}</li>
 * <li>MAC mismatch over both the path and the full-URL resource → 401 {@value #INVALID_SIGNATURE},
 *     with the path-form string to sign, secret masked</li>
 * <li>(cid, signature) already accepted inside the window → 401 {@value #REPLAYED}</li>
 * </ol>
 * Everything that needs no key comes first, so malformed requests are refused without a database
 * lookup, and unknown callers learn nothing about the body checks. The replay check comes last so
 * that only requests with a valid MAC are ever recorded — a forger cannot fill the guard.
 *
 * <p>The {@code Content-MD5} line of the string to sign is the header as received, once it has been
 * checked against the body; a body sent without the header is therefore verified against an empty
 * line, which fails for any client that follows spec §2.3 rule 5. The body itself is always part
 * of the MAC input, so this leniency protects nothing less.
 */
public final class SignatureVerifier {

    /** Oldest accepted request time, relative to the server clock (spec §2.4). */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Furthest accepted request time in the future (spec §2.4). */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(1);

    public static final String MISSING_AUTHORIZATION = "Authentication header is null";
    public static final String MISSING_DATE = "sym-date header is null";
    public static final String INVALID_DATE = "Invalid Date Format";
    public static final String OUT_OF_WINDOW = "Please update your server time, it is likely out of sync with UTC";
    public static final String INVALID_USER = "Invalid User";
    public static final String MD5_MISMATCH = "Md5 do not match";
    public static final String INVALID_SIGNATURE = "Invalid Signature";
    public static final String REPLAYED = "Replayed request: this signature was already used";

    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401;

    private final Function<String, Optional<String>> secrets;
    private final Clock clock;
    private final ReplayGuard replayGuard;

    /**
     * @param secrets     cid → that customer's secret key, empty for an unknown cid
     * @param clock       the server's clock
     * @param replayGuard the shared memory of accepted signatures
     */
    public SignatureVerifier(Function<String, Optional<String>> secrets, Clock clock, ReplayGuard replayGuard) {
        this.secrets = secrets;
        this.clock = clock;
        this.replayGuard = replayGuard;
    }

    /**
     * @return the verified caller
     * @throws AuthenticationException at the first failed check, see the class comment
     */
    public AuthenticatedCustomer verify(IncomingRequest request) throws AuthenticationException {
        RequestHeaders headers = request.headers();
        String authorization = headers.get(SymHeaders.AUTHORIZATION);
        if (isBlank(authorization)) {
            throw new AuthenticationException(BAD_REQUEST, MISSING_AUTHORIZATION);
        }
        String symDate = headers.get(SymHeaders.SYM_DATE);
        if (isBlank(symDate)) {
            throw new AuthenticationException(BAD_REQUEST, MISSING_DATE);
        }
        Instant now = clock.instant();
        Instant requestTime = requestTime(symDate, now);
        String cid = request.cid();
        String secret = (isBlank(cid) ? Optional.<String>empty() : secrets.apply(cid))
                .orElseThrow(() -> new AuthenticationException(UNAUTHORIZED, INVALID_USER));
        String customerId = headers.get(SymHeaders.CUSTOMER_ID);
        if (!isBlank(customerId) && !customerId.equals(cid)) {
            throw new AuthenticationException(UNAUTHORIZED,
                    "Customer-ID header [" + customerId + "] does not match the customer in the path [" + cid + "]");
        }
        String contentMd5 = checkedContentMd5(headers.get(SymHeaders.CONTENT_MD5), request.body());

        StringToSign pathForm = new StringToSign(request.verb(), contentMd5, symDate, cid, request.body(),
                request.path(), request.rawQuery());
        String signature = RequestSigner.signature(secret, pathForm);
        if (!sameMac(signature, authorization) && !matchesFullUrlForm(request, pathForm, secret, authorization)) {
            throw new AuthenticationException(UNAUTHORIZED, INVALID_SIGNATURE, pathForm.masked());
        }
        if (!replayGuard.firstUse(cid, authorization, requestTime.plus(MAX_AGE), now)) {
            throw new AuthenticationException(UNAUTHORIZED, REPLAYED);
        }
        return new AuthenticatedCustomer(cid, secret, requestTime);
    }

    private static Instant requestTime(String symDate, Instant now) throws AuthenticationException {
        Instant requestTime;
        try {
            requestTime = SymDate.parse(symDate);
        } catch (DateTimeParseException e) {
            throw new AuthenticationException(BAD_REQUEST, INVALID_DATE);
        }
        if (requestTime.isBefore(now.minus(MAX_AGE)) || requestTime.isAfter(now.plus(MAX_AHEAD))) {
            throw new AuthenticationException(BAD_REQUEST, OUT_OF_WINDOW);
        }
        return requestTime;
    }

    /** The Content-MD5 line to verify with: the header once it matches the body, else empty. */
    private static String checkedContentMd5(String header, byte[] body) throws AuthenticationException {
        if (isBlank(header)) {
            return "";
        }
        String actual = Base64.getEncoder().encodeToString(RequestSigner.md5(body == null ? new byte[0] : body));
        if (!actual.equals(header)) {
            throw new AuthenticationException(BAD_REQUEST, MD5_MISMATCH);
        }
        return header;
    }

    /** Legacy clients sign the URL from the scheme up to the query (spec §2.3 rule 7, §14.2). */
    private static boolean matchesFullUrlForm(IncomingRequest request, StringToSign pathForm, String secret,
                                              String authorization) {
        return request.fullUrl() != null
                && sameMac(RequestSigner.signature(secret, pathForm.withResource(request.fullUrl())), authorization);
    }

    /** Constant time, so response timing does not reveal how much of a forged MAC was right. */
    private static boolean sameMac(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
