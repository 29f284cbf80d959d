package io.smlfusion.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;
import io.smlfusion.security.SymHeaders;

/**
 * One signed REST call of {@code bin/sml}, built before it is sent so that tests can check it
 * without a network. The signed path and query are taken from the final {@link URI}, so what is
 * signed is exactly what goes on the wire (spec §2.3 rules 7–8).
 *
 * @param method  HTTP method
 * @param uri     the full request URI
 * @param headers every header to send: the signature headers, and {@code Content-Type} and
 *                {@code sym-encryption} when they apply
 * @param body    the body bytes as sent (already encrypted with {@code --encrypt}); empty for none
 * @param signed  the signature, for {@code --verbose}
 */
record SignedCall(String method, URI uri, Map<String, String> headers, byte[] body, SignedRequest signed) {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param body the BODY argument's bytes, before encryption; {@code null} for none
     * @throws CliUsageException when PATH does not make a valid URL with the host
     */
    static SignedCall build(CliArguments args, byte[] body, RequestSigner signer) throws CliUsageException {
        URI uri = uri(args);
        byte[] sent = body == null ? new byte[0] : body;
        if (args.encrypt()) {
            String sealed = args.scheme().codec().encrypt(args.secret(), new String(sent, StandardCharsets.UTF_8));
            sent = sealed.getBytes(StandardCharsets.UTF_8);
        }
        SignedRequest signed = signer.sign(args.method(), uri.getRawPath(), uri.getRawQuery(), sent);
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        if (sent.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        if (args.scheme() != BodyEncryption.AES_CBC) {
            headers.put(SymHeaders.SYM_ENCRYPTION, args.scheme().headerValue());
        }
        return new SignedCall(args.method(), uri, Collections.unmodifiableMap(headers), sent, signed);
    }

    HttpRequest toHttpRequest() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static URI uri(CliArguments args) throws CliUsageException {
        String typed = args.path();
        String relative = typed.startsWith("/") ? typed : "/symetry/rest/" + args.cid() + "/" + typed;
        String url = args.host() + (relative.endsWith("?") ? relative.substring(0, relative.length() - 1) : relative);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new CliUsageException("The host must be an absolute URL such as http://localhost:9080, not [" + args.host() + "]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliUsageException("Not a valid URL: " + e.getMessage() + " (percent-encode spaces and special characters in PATH)");
        }
    }
}
