package io.smlfusion.fusion;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.smlfusion.refusal.RequestRefused;

/**
 * Which cell hosts a fusion may call. Cell URLs are user input, so without a rule a fusion could be
 * pointed at any address its server reaches (SSRF, DESIGN §5):
 * <ul>
 * <li>a host must be an absolute {@code http}/{@code https} URL without user info, query or fragment,
 *     and match the pattern {@value #ALLOW_KEY} as a whole. Unset, the pattern allows only
 *     this server itself ({@link #thisServer}), so the quick start works and nothing else is reachable
 *     until the operator names the cell hosts, e.g. {@code https://cell[0-9]+\.example\.org(:[0-9]+)?};</li>
 * <li>link-local addresses (169.254.0.0/16 — cloud metadata — and fe80::/10), the wildcard address
 *     and multicast are never called, whatever the pattern says;</li>
 * <li>the check of addresses happens when the call is made ({@link #target}), on the addresses the
 *     name resolves to then, and a plain-http call goes to the very address that was checked, so a
 *     name that resolves elsewhere a moment later (DNS rebinding) gains nothing. An https call keeps
 *     the name, because TLS proves that the peer is that name.</li>
 * </ul>
 */
public final class CellHostPolicy {

    /** The configuration key of the pattern. */
    public static final String ALLOW_KEY = "smlfusion.fusion.cell.host.allow";

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} on the server. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Pattern allowed;
    private final Resolver resolver;

    /** @throws IllegalArgumentException when {@code allowRegex} is not a regular expression */
    public CellHostPolicy(String allowRegex) {
        this(allowRegex, InetAddress::getAllByName);
    }

    /** @throws IllegalArgumentException when {@code allowRegex} is not a regular expression */
    public CellHostPolicy(String allowRegex, Resolver resolver) {
        try {
            this.allowed = Pattern.compile(allowRegex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(ALLOW_KEY + " is not a regular expression: " + e.getDescription(), e);
        }
        this.resolver = resolver;
    }

    /** The default pattern: this server on its own HTTP and HTTPS ports, by its loopback names. */
    public static String thisServer(int httpPort, int httpsPort) {
        return "http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):" + httpPort + "|https://(localhost|127\\.0\\.0\\.1|\\[::1\\]):" + httpsPort;
    }

    /** The host without trailing slashes, so that {@code http://a:1/} and {@code http://a:1} are one cell. */
    static String normalise(String host) {
        String normalised = host.strip();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /**
     * The checks that need no name resolution: form, pattern, and an address literal that is never
     * called. What the name resolves to is checked by {@link #target} at each call.
     *
     * @return why {@code host} may not be called, or null when it may
     */
    public String refusal(String host) {
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException e) {
            return "host [" + host + "] is not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "host [" + host + "] is not an http or https URL";
        }
        if (uri.getHost() == null) {
            return "host [" + host + "] has no host name";
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "host [" + host + "] must not carry user info, a query or a fragment";
        }
        if (!allowed.matcher(host).matches()) {
            return "host [" + host + "] is not allowed by " + ALLOW_KEY;
        }
        if (isAddressLiteral(uri.getHost())) {
            try {
                return forbidden(host, InetAddress.getByName(uri.getHost()));
            } catch (UnknownHostException e) {
                return "host [" + host + "] is not a valid address";
            }
        }
        return null;
    }

    /**
     * Where to connect for one call, checked now: the host passes {@link #refusal}, and every address
     * its name resolves to may be called.
     *
     * @throws CellFailure {@code ERROR} for a refused host or address, {@code UNREACHABLE} for an unknown name
     */
    public CellTarget target(String host) throws CellFailure {
        String refusal = refusal(host);
        if (refusal != null) {
            throw new CellFailure(CellStatus.ERROR, refusal);
        }
        URI uri = URI.create(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new CellFailure(CellStatus.UNREACHABLE, "UnknownHostException: " + uri.getHost());
        }
        if (addresses.length == 0) {
            throw new CellFailure(CellStatus.UNREACHABLE, "UnknownHostException: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String forbidden = forbidden(host, address);
            if (forbidden != null) {
                throw new CellFailure(CellStatus.ERROR, forbidden);
            }
        }
        return CellTarget.of(uri, addresses[0]);
    }

    /**
     * Checks a list for creation or update: every host callable as far as can be told without
     * resolving it, no cell twice.
     *
     * @throws io.smlfusion.api.RequestRefused 400 naming the first problem
     */
    public void requireCallable(List<CellInfo> cells) {
        for (int k = 0; k < cells.size(); k++) {
            String refusal = refusal(cells.get(k).host());
            if (refusal != null) {
                throw CellList.invalid("cell " + (k + 1) + ": " + refusal);
            }
            for (int earlier = 0; earlier < k; earlier++) {
                if (cells.get(earlier).sameCellAs(cells.get(k))) {
                    throw CellList.invalid("cells " + (earlier + 1) + " and " + (k + 1) + " are the same cell (host, cid and pid)");
                }
            }
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || IPV4_LITERAL.matcher(host).matches();
    }

    /** Addresses no cell may have: link-local (cloud metadata services live there), wildcard, multicast. */
    private static String forbidden(String host, InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            String kind = address.isLinkLocalAddress() ? "a link-local" : address.isAnyLocalAddress() ? "the wildcard" : "a multicast";
            return "host [" + host + "] is " + kind + " address (" + literal(address) + "), never called whatever " + ALLOW_KEY + " allows";
        }
        return null;
    }

    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
