package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;

/**
 * The MAC input of a WebSocket message (spec §2.6):
 * <pre>
 * contentMd5 \n SECRET \n symDate \n cid \n payload \n resource \n extraKey1 \n … extraKeyN [\n]
 * </pre>
 * No verb and no query. The documentation signs the service path ({@code /symetry/ws/learn}) and
 * ends after the last extra key; the vendor's client signs the full {@code ws://} URL and ends every
 * extra key with a line feed. {@link #forms} lists the four combinations a verifier accepts.
 * The payload is signed as the bytes it was sent as: the UTF-8 of a text message's DataFrame, the
 * raw bytes of a binary message's Arrow stream.
 */
final class SocketStringToSign {

    private final SocketHeader header;
    private final byte[] payload;
    private final String resource;
    private final boolean lineFeedAfterLastKey;

    private SocketStringToSign(SocketHeader header, byte[] payload, String resource, boolean lineFeedAfterLastKey) {
        this.header = header;
        this.payload = payload;
        this.resource = resource;
        this.lineFeedAfterLastKey = lineFeedAfterLastKey;
    }

    /** The documented form first, so that a refusal shows what the documentation describes. */
    static List<SocketStringToSign> forms(SocketHeader header, byte[] payload, String servicePath, String fullUrl) {
        return List.of(new SocketStringToSign(header, payload, servicePath, false),
                new SocketStringToSign(header, payload, servicePath, true),
                new SocketStringToSign(header, payload, fullUrl, false),
                new SocketStringToSign(header, payload, fullUrl, true));
    }

    /**
     * Base64 HMAC-SHA256 keyed with the decoded secret, over this form with the secret text on
     * line 2; the payload goes to the MAC as it is, never copied into a text.
     */
    String signature(String secretBase64) {
        Mac mac = RequestSigner.hmacSha256(SecretKeys.decode(secretBase64));
        mac.update(linesBeforePayload(secretBase64).getBytes(StandardCharsets.UTF_8));
        mac.update(payload);
        mac.update(linesAfterPayload().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** What a refused caller is shown: secret and payload masked, as for REST (spec §2.5). */
    String echo() {
        return linesBeforePayload(StringToSign.SECRET_PLACEHOLDER) + StringToSign.BODY_PLACEHOLDER + linesAfterPayload();
    }

    private String linesBeforePayload(String secretText) {
        return header.contentMd5() + '\n' + secretText + '\n' + header.symDate() + '\n' + header.cid() + '\n';
    }

    private String linesAfterPayload() {
        StringBuilder text = new StringBuilder().append('\n').append(resource);
        for (String key : header.extraKeys()) {
            text.append('\n').append(key);
        }
        if (lineFeedAfterLastKey) {
            text.append('\n');
        }
        return text.toString();
    }
}
