package io.smlfusion.security;

import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to the headers of an incoming request. Implementations match names ignoring case,
 * as HTTP requires (spec §1: clients send {@code Sym-date} as well as {@code sym-date}); a JAX-RS
 * filter can pass {@code requestContext::getHeaderString}, which already does.
 */
@FunctionalInterface
public interface RequestHeaders {

    /** The value of the header, or {@code null} when the request does not carry it. */
    String get(String name);

    /** Headers from a map, looked up ignoring the case of the names. */
    static RequestHeaders of(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return byName::get;
    }
}
