package io.smlfusion.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The MAC input of a REST request, spec §2.3 rules 1–9:
 * <pre>
 * verb \n contentMd5 \n SECRET \n symDate \n cid \n [body \n] resource \n [query \n]
 * </pre>
 * The body and the query, with their line ends, are present only when non-empty. The body is
 * kept as bytes and enters the MAC input unchanged, so a body that is not valid UTF-8 is still
 * signed "as transmitted" (rule 6); only the {@linkplain #masked() masked text} decodes it.
 */
public final class StringToSign {

    /** What the 401 answer shows instead of the secret (spec §2.5). */
    public static final String SECRET_PLACEHOLDER = "SECRETKEY";
    /**
     * What the 401 answer shows instead of the body: the caller has it, echoing it back would turn
     * a refused 256 MB request into a 256 MB answer, and an unknown caller's body is never read.
     */
    public static final String BODY_PLACEHOLDER = "REQUESTBODY";

    private final String verb;
    private final String contentMd5;
    private final String symDate;
    private final String cid;
    private final byte[] body;
    private final String resource;
    private final String rawQuery;

    /**
     * @param verb       HTTP method as sent, e.g. {@code POST}
     * @param contentMd5 the {@code Content-MD5} line; empty when there is no body
     * @param symDate    the {@code sym-date} header text, verbatim
     * @param cid        the customer id
     * @param body       body bytes as transmitted; {@code null} or empty for none
     * @param resource   the canonical resource: the absolute path ({@code /symetry/rest/c1/jobs/5})
     *                   or, in the legacy form, the URL up to the query
     * @param rawQuery   the query string as sent, without {@code ?}; {@code null} or empty for none
     */
    public StringToSign(String verb, String contentMd5, String symDate, String cid, byte[] body,
                        String resource, String rawQuery) {
        this.verb = verb;
        this.contentMd5 = contentMd5 == null ? "" : contentMd5;
        this.symDate = symDate;
        this.cid = cid;
        this.body = body == null ? new byte[0] : body; // not copied: bodies can be megabytes; never modified here
        this.resource = resource;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** The same request signed over another form of the resource (path vs full URL, spec §2.3 rule 7). */
    StringToSign withResource(String otherResource) {
        return new StringToSign(verb, contentMd5, symDate, cid, body, otherResource, rawQuery);
    }

    /**
     * Feeds the exact bytes of the string to sign, with {@code secretText} on line 3, to {@code sink}
     * piece by piece, so that a large body is hashed where it lies instead of being copied.
     */
    void writeTo(Consumer<byte[]> sink, String secretText) {
        writeHead(sink, secretText);
        sink.accept(body);
        writeTail(sink, body.length > 0);
    }

    /** The lines before the body: what a verifier can hash before the body arrives. */
    void writeHead(Consumer<byte[]> sink, String secretText) {
        sink.accept(utf8(verb + "\n" + contentMd5 + "\n" + secretText + "\n" + symDate + "\n" + cid + "\n"));
    }

    /** The body's line end when there was a body, then the resource and query lines. */
    void writeTail(Consumer<byte[]> sink, boolean hadBody) {
        if (hadBody) {
            sink.accept(utf8("\n"));
        }
        sink.accept(utf8(resource + "\n"));
        if (!rawQuery.isEmpty()) {
            sink.accept(utf8(rawQuery + "\n"));
        }
    }

    /**
     * What a refused caller is shown (spec §2.5): the secret masked, and the body, when there is
     * one, as {@value #BODY_PLACEHOLDER} — so the answer is the same whether or not it was read.
     */
    public String echo(boolean hasBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeHead(out::writeBytes, SECRET_PLACEHOLDER);
        if (hasBody) {
            out.writeBytes(utf8(BODY_PLACEHOLDER));
        }
        writeTail(out::writeBytes, hasBody);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The text with the secret replaced by {@value #SECRET_PLACEHOLDER}: safe to show and log. */
    public String masked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
        writeTo(out::writeBytes, SECRET_PLACEHOLDER);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
