package io.smlfusion.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs REST requests as one customer (spec §2.3). This is the only signer of the code base: the
 * tests, the fusion's calls to its cells and {@code bin/sml} all use it, and
 * {@link SignatureVerifier} recomputes signatures with its {@link #signature} and
 * {@link #contentMd5}, so client and server cannot drift apart.
 *
 * <p>The resource is signed in the path form ({@code /symetry/rest/c1/projects}), as the current
 * vendor client does (spec §2.3 rule 7, §14.2).
 */
public final class RequestSigner {

    private final String cid;
    private final String secretBase64;
    private final Clock clock;

    /**
     * @param cid          the customer id the requests are made as
     * @param secretBase64 that customer's secret key (checked by {@link SecretKeys#decode})
     * @param clock        source of {@code sym-date}
     */
    public RequestSigner(String cid, String secretBase64, Clock clock) {
        SecretKeys.requireValid(secretBase64);
        this.cid = cid;
        this.secretBase64 = secretBase64;
        this.clock = clock;
    }

    /** Signs a request dated now. See {@link #sign(String, String, String, byte[], String)}. */
    public SignedRequest sign(String verb, String path, String rawQuery, byte[] body) {
        return sign(verb, path, rawQuery, body, SymDate.now(clock));
    }

    /**
     * Signs a request with a given {@code sym-date} text.
     *
     * @param verb     HTTP method, e.g. {@code GET}
     * @param path     absolute request path as it goes on the wire, without query
     * @param rawQuery query string exactly as it goes on the wire, without {@code ?}; null if none
     * @param body     body bytes exactly as sent; null or empty if none
     * @param symDate  the {@code sym-date} header value
     */
    public SignedRequest sign(String verb, String path, String rawQuery, byte[] body, String symDate) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("The signed resource is the absolute request path, starting with '/': [" + path + "]");
        }
        return signResource(verb, path, rawQuery, body, symDate);
    }

    /**
     * Signs a request in the legacy resource form, the URL from the scheme up to the query
     * (documented text and 2013 sample, spec §2.3 rule 7). Servers built on
     * {@link SignatureVerifier} accept both forms; new code signs the path with {@link #sign}.
     *
     * @param url {@code scheme://host:port/path}, without query
     */
    public SignedRequest signFullUrl(String verb, String url, String rawQuery, byte[] body, String symDate) {
        if (url == null || !url.contains("://") || url.contains("?")) {
            throw new IllegalArgumentException("The legacy signed resource is scheme://host:port/path without query: [" + url + "]");
        }
        return signResource(verb, url, rawQuery, body, symDate);
    }

    private SignedRequest signResource(String verb, String resource, String rawQuery, byte[] body, String symDate) {
        String md5 = contentMd5(body);
        StringToSign stringToSign = new StringToSign(verb, md5, symDate, cid, body, resource, rawQuery);
        return new SignedRequest(signature(secretBase64, stringToSign), symDate, md5, cid, stringToSign);
    }

    /** Base64 MD5 of the body bytes, or the empty string when there is no body (spec §2.3 rule 5). */
    public static String contentMd5(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        return Base64.getEncoder().encodeToString(md5Digest().digest(body));
    }

    static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    /**
     * Base64 HMAC-SHA256 keyed with the decoded secret, over the string to sign carrying the secret
     * text on line 3 (spec §2.3 rules 1–4).
     */
    static String signature(String secretBase64, StringToSign stringToSign) {
        Mac mac = hmacSha256(SecretKeys.decode(secretBase64));
        stringToSign.writeTo(mac::update, secretBase64);
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** A running MAC's copy, to finish two strings to sign that share everything before their ends. */
    static Mac copy(Mac mac) {
        try {
            return (Mac) mac.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot copy a running MAC: " + mac.getProvider(), e);
        }
    }

    static Mac hmacSha256(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }
}
