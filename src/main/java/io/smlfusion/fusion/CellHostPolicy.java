package io.smlfusion.fusion;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which cell hosts a fusion may call. Cell URLs are user input, so without a rule a fusion could be
 * pointed at any address its server reaches (SSRF, DESIGN §5): a host must be an absolute
 * {@code http}/{@code https} URL without user info, query or fragment, and match the configured
 * pattern {@code smlfusion.fusion.cell.host.allow} as a whole (default: any http(s) URL; production
 * deployments narrow it, e.g. {@code https://cell[0-9]+\.example\.org(:[0-9]+)?}).
 */
public final class CellHostPolicy {

    /** The configuration key of the pattern. */
    public static final String ALLOW_KEY = "smlfusion.fusion.cell.host.allow";
    public static final String DEFAULT_ALLOW = "https?://.+";

    private final Pattern allowed;

    /** @throws IllegalArgumentException when {@code allowRegex} is not a regular expression */
    public CellHostPolicy(String allowRegex) {
        try {
            this.allowed = Pattern.compile(allowRegex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(ALLOW_KEY + " is not a regular expression: " + e.getDescription(), e);
        }
    }

    /** The host without trailing slashes, so that {@code http://a:1/} and {@code http://a:1} are one cell. */
    static String normalise(String host) {
        String normalised = host.strip();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /** @return why {@code host} may not be called, or null when it may */
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
        return null;
    }

    /**
     * Checks a list for creation or update: every host callable, no cell twice.
     *
     * @throws io.smlfusion.api.ApiException 400 naming the first problem
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
}
