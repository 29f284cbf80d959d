package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The MAC input of a WebSocket message (spec §2.6):
 * <pre>
 * contentMd5 \n SECRET \n symDate \n cid \n payload \n resource \n extraKey1 \n … extraKeyN [\n]
 * </pre>
 * No verb and no query. The documentation signs the service path ({@code /symetry/ws/learn}) and
 * ends after the last extra key; the vendor's client signs the full {@code ws://} URL and ends every
 * extra key with a line feed. {@link #forms} lists the four combinations a verifier accepts.
 */
final class SocketStringToSign {

    private final SocketHeader header;
    private final String payload;
    private final String resource;
    private final boolean lineFeedAfterLastKey;

    private SocketStringToSign(SocketHeader header, String payload, String resource, boolean lineFeedAfterLastKey) {
        this.header = header;
        this.payload = payload;
        this.resource = resource;
        this.lineFeedAfterLastKey = lineFeedAfterLastKey;
    }

    /** The documented form first, so that a refusal shows what the documentation describes. */
    static List<SocketStringToSign> forms(SocketHeader header, String payload, String servicePath, String fullUrl) {
        return List.of(new SocketStringToSign(header, payload, servicePath, false),
                new SocketStringToSign(header, payload, servicePath, true),
                new SocketStringToSign(header, payload, fullUrl, false),
                new SocketStringToSign(header, payload, fullUrl, true));
    }

    /** Base64 HMAC-SHA256 keyed with the decoded secret, over this form with the secret text on line 2. */
    String signature(String secretBase64) {
        byte[] mac = RequestSigner.hmacSha256(SecretKeys.decode(secretBase64))
                .doFinal(text(secretBase64, payload).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    /** What a refused caller is shown: secret and payload masked, as for REST (spec §2.5). */
    String echo() {
        return text(StringToSign.SECRET_PLACEHOLDER, StringToSign.BODY_PLACEHOLDER);
    }

    private String text(String secretText, String payloadText) {
        StringBuilder text = new StringBuilder(payloadText.length() + 256)
                .append(header.contentMd5()).append('\n')
                .append(secretText).append('\n')
                .append(header.symDate()).append('\n')
                .append(header.cid()).append('\n')
                .append(payloadText).append('\n')
                .append(resource);
        for (String key : header.extraKeys()) {
            text.append('\n').append(key);
        }
        if (lineFeedAfterLastKey) {
            text.append('\n');
        }
        return text.toString();
    }
}
