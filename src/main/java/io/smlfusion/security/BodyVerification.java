package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;

/**
 * The second half of a signature check ({@link SignatureVerifier#begin} did the first): takes the
 * body chunk by chunk as it arrives — each chunk goes through the MD5 (when a {@code Content-MD5}
 * was sent) and the HMAC where it lies, without a copy — then {@link #finish} compares both and
 * records the signature against replay.
 *
 * <p>The string to sign differs between the path and the full-URL resource forms only after the
 * body, so one HMAC runs over the lines before and the body, and is cloned for the two endings.
 * Not thread-safe: one request, one thread.
 */
public final class BodyVerification {

    private final RequestHead request;
    private final StringToSign pathForm;
    private final String secret;
    private final String authorization;
    private final Instant requestTime;
    private final String contentMd5;
    private final SignatureVerifier verifier;
    private final Mac mac;
    private final MessageDigest md5;
    private long length;

    BodyVerification(RequestHead request, StringToSign pathForm, String secret, String authorization, Instant requestTime,
                     String contentMd5, SignatureVerifier verifier) {
        this.request = request;
        this.pathForm = pathForm;
        this.secret = secret;
        this.authorization = authorization;
        this.requestTime = requestTime;
        this.contentMd5 = contentMd5;
        this.verifier = verifier;
        this.mac = RequestSigner.hmacSha256(SecretKeys.decode(secret));
        this.md5 = contentMd5 == null ? null : RequestSigner.md5Digest();
        pathForm.writeHead(mac::update, secret);
    }

    /** The next bytes of the body, as received. */
    public void update(byte[] bytes, int offset, int count) {
        mac.update(bytes, offset, count);
        if (md5 != null) {
            md5.update(bytes, offset, count);
        }
        length += count;
    }

    /**
     * @return the verified caller
     * @throws AuthenticationException for a wrong MD5, a wrong MAC, a replay or a full replay budget
     */
    public AuthenticatedCustomer finish() throws AuthenticationException {
        if (md5 != null && !Base64.getEncoder().encodeToString(md5.digest()).equals(contentMd5)) {
            throw new AuthenticationException(SignatureVerifier.BAD_REQUEST, SignatureVerifier.MD5_MISMATCH);
        }
        boolean hadBody = length > 0;
        Mac fullUrlForm = request.fullUrl() == null ? null : RequestSigner.copy(mac);
        pathForm.writeTail(mac::update, hadBody);
        if (!SignatureVerifier.sameMac(base64(mac), authorization) && !matchesFullUrlForm(fullUrlForm, hadBody)) {
            SignatureVerifier.logMismatch(request.cid());
            throw SignatureVerifier.invalidSignature(pathForm, hadBody);
        }
        verifier.record(request.cid(), authorization, requestTime);
        return new AuthenticatedCustomer(request.cid(), secret, requestTime);
    }

    /** Legacy clients sign the URL from the scheme up to the query (spec §2.3 rule 7, §14.2). */
    private boolean matchesFullUrlForm(Mac fullUrlForm, boolean hadBody) {
        if (fullUrlForm == null) {
            return false;
        }
        pathForm.withResource(request.fullUrl()).writeTail(fullUrlForm::update, hadBody);
        return SignatureVerifier.sameMac(base64(fullUrlForm), authorization);
    }

    private static String base64(Mac mac) {
        return new String(Base64.getEncoder().encode(mac.doFinal()), StandardCharsets.US_ASCII);
    }
}
