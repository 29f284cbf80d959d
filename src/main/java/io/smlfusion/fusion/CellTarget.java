package io.smlfusion.fusion;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where one cell call connects, as {@link CellHostPolicy#target} checked it: for plain http the
 * checked address itself (with the host's name in the {@code Host} header), for https the name
 * (TLS then proves the peer is that name).
 *
 * @param connectTo  scheme, address or name, and port to connect to
 * @param hostHeader the {@code Host} header when {@code connectTo} replaced the name by its address; null otherwise
 */
public record CellTarget(URI connectTo, String hostHeader) {

    static CellTarget of(URI host, InetAddress checked) {
        if (host.getScheme().equalsIgnoreCase("https")) {
            return new CellTarget(host, null);
        }
        String address = CellHostPolicy.literal(checked);
        String port = host.getPort() < 0 ? "" : ":" + host.getPort();
        String path = host.getRawPath() == null ? "" : host.getRawPath();
        return new CellTarget(URI.create("http://" + address + port + path), host.getRawAuthority());
    }

    /** The base URL of a cell's project: {@code …/symetry/rest/{cid}/projects/{pid}}, each id one encoded path segment. */
    URI projectBase(String cid, String pid) {
        return URI.create(connectTo + "/symetry/rest/" + segment(cid) + "/projects/" + segment(pid));
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters, and the dot segments {@code .} and
     * {@code ..} whole, so a value is always exactly one path segment and never a step up.
     */
    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
