package io.smlfusion.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * extra key with a line feed: a verifier accepts the four combinations. They differ only after the
 * payload, so one HMAC runs over the lines before and the payload and is cloned for the four endings,
 * as {@link BodyVerification} does for REST's two resource forms. The payload is signed as the bytes
 * it was sent as: the UTF-8 of a text message's DataFrame, the raw bytes of a binary message's
 * Arrow stream.
 */
final class SocketStringToSign {

    private final SocketHeader header;
    private final byte[] payload;
    /** After the payload, the documented form first, so that a refusal shows what the documentation describes. */
    private final List<String> endings;

    SocketStringToSign(SocketHeader header, byte[] payload, String servicePath, String fullUrl) {
        this.header = header;
        this.payload = payload;
        this.endings = List.of(ending(servicePath, false), ending(servicePath, true), ending(fullUrl, false), ending(fullUrl, true));
    }

    /**
     * The Base64 HMAC-SHA256 of each form, keyed with the decoded secret, the secret text on line 2;
     * the payload goes to the MAC once, as it is, never copied into a text.
     */
    List<String> signatures(String secretBase64) {
        Mac mac = RequestSigner.hmacSha256(SecretKeys.decode(secretBase64));
        mac.update(linesBeforePayload(secretBase64).getBytes(StandardCharsets.UTF_8));
        mac.update(payload);
        List<String> signatures = new ArrayList<>(endings.size());
        for (String ending : endings) {
            Mac form = RequestSigner.copy(mac);
            form.update(ending.getBytes(StandardCharsets.UTF_8));
            signatures.add(Base64.getEncoder().encodeToString(form.doFinal()));
        }
        return signatures;
    }

    /** What a refused caller is shown: the documented form, secret and payload masked, as for REST (spec §2.5). */
    String echo() {
        return linesBeforePayload(StringToSign.SECRET_PLACEHOLDER) + StringToSign.BODY_PLACEHOLDER + endings.get(0);
    }

    private String linesBeforePayload(String secretText) {
        return header.contentMd5() + '\n' + secretText + '\n' + header.symDate() + '\n' + header.cid() + '\n';
    }

    private String ending(String resource, boolean lineFeedAfterLastKey) {
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
