package io.smlfusion.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The body encryption schemes, named by the {@code sym-encryption} request header (DESIGN §5).
 * Without the header a request uses the product's scheme, so SymetryML clients work unchanged;
 * the server answers in the scheme the request used.
 */
public enum BodyEncryption {

    /** The product's scheme (spec §3); the default. */
    AES_CBC("aes-cbc", new AesCbcFixedIvCodec()),
    /** Authenticated encryption with a derived key and random nonces. */
    AES_GCM("aes-gcm", new AesGcmHkdfCodec());

    private final String headerValue;
    private final BodyCodec codec;

    BodyEncryption(String headerValue, BodyCodec codec) {
        this.headerValue = headerValue;
        this.codec = codec;
    }

    /**
     * The scheme a request announces.
     *
     * @param header the {@code sym-encryption} value, {@code null} or blank when absent; case is ignored
     * @throws IllegalArgumentException for any other value, naming the accepted ones
     */
    public static BodyEncryption fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return AES_CBC;
        }
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scheme -> scheme.headerValue.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unsupported " + SymHeaders.SYM_ENCRYPTION + " [" + header
                        + "]; accepted values: " + Arrays.stream(values()).map(BodyEncryption::headerValue).collect(Collectors.joining(", "))));
    }

    /** The value that names this scheme in the {@code sym-encryption} header. */
    public String headerValue() {
        return headerValue;
    }

    public BodyCodec codec() {
        return codec;
    }
}
