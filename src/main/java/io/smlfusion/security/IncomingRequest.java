package io.smlfusion.security;

/**
 * A request whose body is already in memory, taken from the wire as received (tests, and callers
 * that verify a buffered request with {@link SignatureVerifier#verify}).
 *
 * @param verb     HTTP method
 * @param path     raw (not percent-decoded) absolute request path, e.g. {@code /symetry/rest/c1/projects}
 * @param fullUrl  {@code scheme://host:port} + {@code path}, without query, for the legacy full-URL
 *                 resource form (spec §2.3 rule 7); {@code null} to accept the path form only
 * @param rawQuery query string as received, without {@code ?}; {@code null} or empty for none
 * @param body     body bytes as received; {@code null} or empty for none
 * @param headers  header lookup, case-insensitive
 * @param cid      the customer id taken from the path
 */
public record IncomingRequest(String verb, String path, String fullUrl, String rawQuery, byte[] body,
                              RequestHeaders headers, String cid) {

    /** Everything but the body. */
    public RequestHead head() {
        return new RequestHead(verb, path, fullUrl, rawQuery, headers, cid, body != null && body.length > 0);
    }
}
