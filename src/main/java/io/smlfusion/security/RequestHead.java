package io.smlfusion.security;

/**
 * What {@link SignatureVerifier#begin} needs to know about a request before its body is read, taken
 * from the wire as received.
 *
 * @param verb          HTTP method
 * @param path          raw (not percent-decoded) absolute request path, e.g. {@code /symetry/rest/c1/projects}
 * @param fullUrl       {@code scheme://host:port} + {@code path}, without query, for the legacy full-URL
 *                      resource form (spec §2.3 rule 7); {@code null} to accept the path form only
 * @param rawQuery      query string as received, without {@code ?}; {@code null} or empty for none
 * @param headers       header lookup, case-insensitive
 * @param cid           the customer id taken from the path
 * @param announcesBody whether the headers announce a body ({@code Content-Length} above zero or
 *                      {@code Transfer-Encoding}); decides how a refusal before the body shows it
 */
public record RequestHead(String verb, String path, String fullUrl, String rawQuery, RequestHeaders headers,
                          String cid, boolean announcesBody) {
}
