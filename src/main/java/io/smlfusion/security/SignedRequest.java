package io.smlfusion.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signature headers of one outgoing request (spec §2.2), as produced by {@link RequestSigner}.
 *
 * @param authorization      Base64 HMAC-SHA256, the {@code Authorization} value
 * @param symDate            the {@code sym-date} value that was signed
 * @param contentMd5         the {@code Content-MD5} value; empty when there is no body (as the
 *                           vendor client sends it)
 * @param customerId         the {@code Customer-ID} value
 * @param stringToSign       what was signed, kept for {@link #maskedStringToSign()}
 */
public record SignedRequest(String authorization, String symDate, String contentMd5, String customerId,
                            StringToSign stringToSign) {

    /**
     * The signed text with the secret replaced by {@code SECRETKEY}, for diagnostics
     * ({@code bin/sml --verbose}); never the secret itself. Built when asked: it copies the body
     * and decodes it as text, which for a large binary body costs more than signing it.
     */
    public String maskedStringToSign() {
        return stringToSign.masked();
    }

    /** Every header a client must send, in a stable order; {@code Content-MD5} is always present. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SymHeaders.AUTHORIZATION, authorization);
        headers.put(SymHeaders.SYM_DATE, symDate);
        headers.put(SymHeaders.CONTENT_MD5, contentMd5);
        headers.put(SymHeaders.SYM_VERSION, SymHeaders.VERSION);
        headers.put(SymHeaders.CUSTOMER_ID, customerId);
        return Collections.unmodifiableMap(headers);
    }
}
