package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Verifies the signature of an incoming REST request (spec §2, DESIGN §5) in two steps, so that a
 * request is refused before its body is read whenever the headers alone suffice: {@link #begin}
 * checks the headers, the customer and the replay state, then the returned
 * {@link BodyVerification} takes the body as it streams in (MD5 and HMAC, no copy) and finishes the
 * check. Pure: the JAX-RS filter only adapts HTTP and turns an {@link AuthenticationException} into
 * the envelope.
 *
 * <p>Checks run in this order; the first failure is reported:
 * <ol>
 * <li>{@code Authorization} missing or blank → 400 {@value #MISSING_AUTHORIZATION}</li>
 * <li>{@code sym-date} missing or blank → 400 {@value #MISSING_DATE}</li>
 * <li>{@code sym-date} unparsable → 400 {@value #INVALID_DATE}</li>
 * <li>request time more than 5 min behind or 1 min ahead of the clock → 400 {@value #OUT_OF_WINDOW}</li>
 * <li>a non-blank {@code Customer-ID} header that differs from the path cid → 401</li>
 * <li>unknown cid → 401 {@value #INVALID_SIGNATURE}, exactly as a MAC mismatch, so that nobody can
 *     tell which customer ids exist (the log tells the operator which it was)</li>
 * <li>(cid, signature) already accepted inside the window → 401 {@value #REPLAYED}</li>
 * <li>the customer's replay budget full → 429 with {@code Retry-After}</li>
 * <li>— the body is read from here on —</li>
 * <li>a non-blank {@code Content-MD5} that differs from the MD5 of the body → 400 {@value #MD5_MISMATCH}</li>
 * <li>MAC mismatch over both the path and the full-URL resource → 401 {@value #INVALID_SIGNATURE},
 *     with the path-form string to sign, secret and body masked</li>
 * <li>the replay checks again, atomically with recording the signature</li>
 * </ol>
 * Only requests with a valid MAC are ever recorded — a forger cannot fill the guard.
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
    public static final String MD5_MISMATCH = "Md5 do not match";
    /** The answer to an unknown customer and to a MAC mismatch alike (spec §2.5 documents both strings). */
    public static final String INVALID_SIGNATURE = "Invalid Signature";
    public static final String REPLAYED = "Replayed request: this signature was already used";

    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;

    private static final Logger LOG = Logger.getLogger(SignatureVerifier.class.getName());
    private static final Pattern LOGGABLE_CID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

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
     * Every check that needs no body.
     *
     * @return the verification to feed the body to
     * @throws AuthenticationException at the first failed check, see the class comment
     */
    public BodyVerification begin(RequestHead request) throws AuthenticationException {
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
        String customerId = headers.get(SymHeaders.CUSTOMER_ID);
        if (!isBlank(customerId) && !customerId.equals(cid)) {
            throw new AuthenticationException(UNAUTHORIZED,
                    "Customer-ID header [" + customerId + "] does not match the customer in the path [" + cid + "]");
        }
        String contentMd5 = headers.get(SymHeaders.CONTENT_MD5);
        StringToSign pathForm = new StringToSign(request.verb(), isBlank(contentMd5) ? "" : contentMd5, symDate, cid, null,
                request.path(), request.rawQuery());
        Optional<String> secret = isBlank(cid) ? Optional.empty() : secrets.apply(cid);
        if (secret.isEmpty()) {
            LOG.info(() -> "Refused a request for the unknown customer [" + loggable(cid) + "] (answered " + INVALID_SIGNATURE + ")");
            throw invalidSignature(pathForm, request.announcesBody());
        }
        refuseReplay(replayGuard.check(cid, authorization, now), cid, now);
        return new BodyVerification(request, pathForm, secret.get(), authorization, requestTime, isBlank(contentMd5) ? null : contentMd5,
                this);
    }

    /**
     * Verifies a request whose body is already in memory.
     *
     * @return the verified caller
     * @throws AuthenticationException at the first failed check, see the class comment
     */
    public AuthenticatedCustomer verify(IncomingRequest request) throws AuthenticationException {
        BodyVerification verification = begin(request.head());
        if (request.body() != null) {
            verification.update(request.body(), 0, request.body().length);
        }
        return verification.finish();
    }

    /**
     * Verifies the header block of a WebSocket message over its payload (spec §2.6), with the
     * checks and answers of a REST request in the same order (see the class comment): the payload
     * is already in memory, so the MD5 and MAC run over it at once.
     *
     * @param servicePath the endpoint's path, e.g. {@code /symetry/ws/learn}
     * @param fullUrl     the URL the client connected to, e.g. {@code ws://host:9080/symetry/ws/learn}
     * @return the verified caller
     * @throws AuthenticationException at the first failed check
     */
    public AuthenticatedCustomer verifySocket(SocketHeader header, byte[] payload, String servicePath, String fullUrl)
            throws AuthenticationException {
        if (isBlank(header.authorization())) {
            throw new AuthenticationException(BAD_REQUEST, MISSING_AUTHORIZATION);
        }
        if (isBlank(header.symDate())) {
            throw new AuthenticationException(BAD_REQUEST, MISSING_DATE);
        }
        Instant now = clock.instant();
        Instant requestTime = requestTime(header.symDate(), now);
        String cid = header.cid();
        SocketStringToSign stringToSign = new SocketStringToSign(header, payload, servicePath, fullUrl);
        Optional<String> secret = isBlank(cid) ? Optional.empty() : secrets.apply(cid);
        if (secret.isEmpty()) {
            LOG.info(() -> "Refused a WebSocket message for the unknown customer [" + loggable(cid) + "] (answered " + INVALID_SIGNATURE + ")");
            throw new AuthenticationException(UNAUTHORIZED, INVALID_SIGNATURE, stringToSign.echo());
        }
        refuseReplay(replayGuard.check(cid, header.authorization(), now), cid, now);
        if (!isBlank(header.contentMd5()) && !header.contentMd5().equals(RequestSigner.contentMd5(payload))) {
            throw new AuthenticationException(BAD_REQUEST, MD5_MISMATCH);
        }
        if (stringToSign.signatures(secret.get()).stream().noneMatch(signature -> sameMac(signature, header.authorization()))) {
            logMismatch(cid);
            throw new AuthenticationException(UNAUTHORIZED, INVALID_SIGNATURE, stringToSign.echo());
        }
        record(cid, header.authorization(), requestTime);
        return new AuthenticatedCustomer(cid, secret.get(), requestTime);
    }

    /** Records a verified signature, the last step of {@link BodyVerification#finish}. */
    void record(String cid, String signature, Instant requestTime) throws AuthenticationException {
        Instant now = clock.instant();
        refuseReplay(replayGuard.record(cid, signature, requestTime.plus(MAX_AGE), now), cid, now);
    }

    static AuthenticationException invalidSignature(StringToSign pathForm, boolean hasBody) {
        return new AuthenticationException(UNAUTHORIZED, INVALID_SIGNATURE, pathForm.echo(hasBody));
    }

    static void logMismatch(String cid) {
        LOG.info(() -> "Refused a request of customer [" + loggable(cid) + "]: the signature does not match its key");
    }

    private void refuseReplay(ReplayGuard.Verdict verdict, String cid, Instant now) throws AuthenticationException {
        switch (verdict) {
            case ACCEPTED -> {
            }
            case REPLAYED -> throw new AuthenticationException(UNAUTHORIZED, REPLAYED);
            case CUSTOMER_FULL -> {
                Duration retryAfter = replayGuard.retryAfter(cid, now);
                throw AuthenticationException.tooManyRequests("Too many requests for customer [" + cid + "]: "
                        + replayGuard.maxPerCustomer() + " signatures inside the acceptance window is its limit"
                        + " (smlfusion.security.replay.max.per.customer); retry after " + retryAfter.toSeconds() + " s", retryAfter);
            }
        }
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

    /** Constant time, so response timing does not reveal how much of a forged MAC was right. */
    static boolean sameMac(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A cid from the path as it may go into the log: no line breaks or control characters forged by a caller. */
    private static String loggable(String cid) {
        return cid != null && LOGGABLE_CID.matcher(cid).matches() ? cid : "(not a valid customer id)";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
