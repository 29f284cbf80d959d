package io.smlfusion.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/**
 * An HTTP client of the server under test that signs like any SymetryML client would, with the
 * project's one {@link RequestSigner}. Paths are relative to {@code /symetry/rest/{cid}/}.
 */
public final class SignedClient {

    public static final String BASE = "http://localhost:" + System.getProperty("http.port", "9080");
    public static final String BOOTSTRAP_CID = System.getProperty("it.bootstrap.cid", "c1");
    public static final String BOOTSTRAP_SECRET = System.getProperty("it.bootstrap.secret", "VLmAm+WkpnA5zp2wXiSYkw==");

    /** HTTP/1.1 like bin/sml: the JDK's default h2c upgrade stalls concurrent requests to Liberty for seconds. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String cid;
    private final RequestSigner signer;

    public SignedClient(String cid, String secret) {
        this(BASE, cid, secret);
    }

    /** A client of another server of the build, e.g. the cell server of the fusion ITs ({@code base} = {@code http://host:port}). */
    public SignedClient(String base, String cid, String secret) {
        this.base = base;
        this.cid = cid;
        this.signer = new RequestSigner(cid, secret, Clock.systemUTC());
    }

    public static SignedClient bootstrap() {
        return new SignedClient(BOOTSTRAP_CID, BOOTSTRAP_SECRET);
    }

    public String cid() {
        return cid;
    }

    public Reply get(String relative) {
        return send("GET", relative, null);
    }

    public Reply delete(String relative) {
        return send("DELETE", relative, null);
    }

    public Reply post(String relative, String body) {
        return send("POST", relative, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply send(String verb, String relative, byte[] body) {
        return send(verb, relative, body, Map.of());
    }

    /** Signs and sends; {@code extraHeaders} are added after the signature headers (and may replace them). */
    public Reply send(String verb, String relative, byte[] body, Map<String, String> extraHeaders) {
        String path = "/symetry/rest/" + cid + "/" + pathPart(relative);
        String query = queryPart(relative);
        SignedRequest signed = signer.sign(verb, path, query, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.putAll(extraHeaders);
        headers.forEach((name, value) -> {
            if (value != null) {
                request.setHeader(name, value);
            }
        });
        return Reply.of(send(request.build()));
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        }
    }

    private static String pathPart(String relative) {
        int q = relative.indexOf('?');
        return q < 0 ? relative : relative.substring(0, q);
    }

    private static String queryPart(String relative) {
        int q = relative.indexOf('?');
        return q < 0 ? null : relative.substring(q + 1);
    }

    /** A response with its envelope parsed. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.body(), response);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String statusCode() {
            return json().getString("statusCode");
        }

        public String statusString() {
            return json().getString("statusString");
        }

        public JsonObject values() {
            return json().getJsonObject("values");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
