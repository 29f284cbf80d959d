package io.smlfusion.security;

/**
 * Names of the request headers of the SymetryML signing scheme (spec §1, §2.2). HTTP header names
 * are case-insensitive; these are the spellings we send, and readers must match them ignoring case.
 */
public final class SymHeaders {

    /** The Base64 HMAC-SHA256 signature, without any scheme prefix (spec §2.2). */
    public static final String AUTHORIZATION = "Authorization";
    /** UTC request time, {@code yyyy-MM-dd HH:mm:ss;nanos}; signed verbatim (spec §2.4). */
    public static final String SYM_DATE = "sym-date";
    /** Base64 MD5 of the body bytes, empty when there is no body (spec §2.2). */
    public static final String CONTENT_MD5 = "Content-MD5";
    /** Client API version; the vendor client sends {@code 6.3} (spec §2.2). */
    public static final String SYM_VERSION = "sym-version";
    /** The caller's cid, sent by the vendor client in addition to the path (spec §2.2, §14.13). */
    public static final String CUSTOMER_ID = "Customer-ID";
    /**
     * Our extension (DESIGN §5): which {@link BodyEncryption} scheme an encrypted body uses;
     * absent means the product's AES-CBC scheme. Not part of the signature.
     */
    public static final String SYM_ENCRYPTION = "sym-encryption";

    /** The {@code sym-version} value we send, the one of the vendor client we are compatible with. */
    public static final String VERSION = "6.3";

    private SymHeaders() {
    }
}
