package io.smlfusion.fusion;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens the connections of the cell calls: blocking HTTP/1.1 on the JDK's {@link HttpURLConnection},
 * whose keep-alive cache keeps a finished call's connection open for the next call to the same host
 * and port, so a refresh reuses the connections of the previous one instead of opening one per cell.
 * A call runs on its own cell-calling thread from request to body ({@link CellCallers}), with no
 * hand-off to another thread: the JDK's asynchronous {@code java.net.http} client, used before,
 * cost about 0.6 ms of CPU per call against 0.25 ms here (docs/performance.md "Fusion at scale").
 *
 * <p>Every connection: no proxy (a call connects to the address {@link CellHostPolicy} checked, never
 * to one a proxy would resolve), redirects never followed, no cache, the configured connect and read
 * timeouts (per socket operation; the call's deadline is {@link CellClient}'s), and for https the TLS
 * context of {@link CellTransportSecurity}, through one socket factory per context, kept: the
 * keep-alive cache reuses a TLS connection only for the factory that opened it.
 *
 * <p>How many connections are kept idle per host and for how long are the JDK's
 * {@code http.maxConnections} and {@code http.keepAlive.time.server} (see jvm.options); a call holds
 * one connection, so at most {@code smlfusion.fusion.cell.threads} are open at once.
 */
@ApplicationScoped
public class CellConnections {

    private static final Logger LOG = Logger.getLogger(CellConnections.class.getName());

    /**
     * Whether this JVM lets a request carry its own {@code Host} header: the JDK drops it silently unless
     * {@code -Dsun.net.http.allowRestrictedHeaders=true} (the server's jvm.options sets it). Without it
     * a plain-http call to a checked address says that address as its host.
     */
    static final boolean HOST_HEADER_ALLOWED = Boolean.getBoolean("sun.net.http.allowRestrictedHeaders");

    @Inject
    FusionConfig config;

    @Inject
    CellTransportSecurity transportSecurity;

    /** By TLS context: an SSLContext compares by identity, and {@link CellTransportSecurity} keeps each one for good. */
    private final Map<SSLContext, SSLSocketFactory> socketFactories = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        if (!HOST_HEADER_ALLOWED) {
            LOG.warning("The JVM drops a Host header on HttpURLConnection requests: plain-http cell calls name the checked address "
                    + "as their host. Set -Dsun.net.http.allowRestrictedHeaders=true (jvm.options) to send the cell's name.");
        }
    }

    /**
     * A connection for one call to {@code url}, not connected yet.
     *
     * @param host the cell's host as its list names it (chooses the TLS context)
     */
    HttpURLConnection open(URI url, String host) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis(config.connectTimeout()));
        connection.setReadTimeout(millis(config.readTimeout()));
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(socketFactories.computeIfAbsent(transportSecurity.sslContextFor(host), SSLContext::getSocketFactory));
        }
        return connection;
    }

    /** A timeout in whole milliseconds, at least one: zero would mean none at all. */
    static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
