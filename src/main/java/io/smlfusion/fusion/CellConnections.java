package io.smlfusion.fusion;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP clients of the cell calls, one per TLS context (there are at most two: the JVM's and the
 * configured one), kept for the life of the application: each holds a pool of kept-alive connections,
 * so a refresh reuses the connections of the previous one instead of opening one per cell (issue 16:
 * building a client and connecting per call was most of a refresh's time). A changed connect timeout
 * (read at every call, like every fusion setting) replaces the client of that context: calls under
 * way finish on the old one, which then goes away with its connections.
 *
 * <p>A call is aborted on its own ({@link CellClient}: cancelling its exchange or closing its body
 * closes only its connection), so nothing ever closes a shared client. Every client: HTTP/1.1
 * (no {@code h2c} upgrade on plain http), redirects never followed, no proxy (a call connects to the
 * address {@link CellHostPolicy} checked, never to one a proxy would resolve), its work on managed
 * threads of this application.
 *
 * <p>How many connections are open at once is bounded by {@code smlfusion.fusion.cell.threads}
 * (a call holds one connection); idle ones are kept per host up to the JDK's
 * {@code jdk.httpclient.connectionPoolSize} (0 = no bound) for {@code jdk.httpclient.keepalive.timeout}
 * seconds (see jvm.options).
 */
@ApplicationScoped
public class CellConnections {

    private static final Logger LOG = Logger.getLogger(CellConnections.class.getName());

    /**
     * Whether this JVM lets a request carry its own {@code Host} header: the JDK restricts it unless
     * {@code -Djdk.httpclient.allowRestrictedHeaders=host} (the server's jvm.options sets it).
     * Without it a plain-http call to a checked address says that address as its host.
     */
    static final boolean HOST_HEADER_ALLOWED = hostHeaderAllowed();

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FusionConfig config;

    @Inject
    CellTransportSecurity transportSecurity;

    /** By TLS context: an SSLContext compares by identity, and {@link CellTransportSecurity} keeps each one for good. */
    private final Map<SSLContext, TimedClient> clients = new ConcurrentHashMap<>();
    private ExecutorService work;

    @PostConstruct
    void start() {
        work = Executors.newCachedThreadPool(threads);
        if (!HOST_HEADER_ALLOWED) {
            LOG.warning("The JVM refuses a Host header on java.net.http requests: plain-http cell calls name the checked address "
                    + "as their host. Set -Djdk.httpclient.allowRestrictedHeaders=host (jvm.options) to send the cell's name.");
        }
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
    }

    /** The client for calls to {@code host} with the current connect timeout; built once per timeout, then shared. */
    HttpClient client(String host) {
        Duration configured = config.connectTimeout();
        Duration connect = configured.isNegative() || configured.isZero() ? Duration.ofMillis(1) : configured;
        SSLContext tls = transportSecurity.sslContextFor(host);
        TimedClient current = clients.get(tls);
        if (current != null && current.connectTimeout().equals(connect)) {
            return current.client();
        }
        return clients.compute(tls, (context, kept) -> kept != null && kept.connectTimeout().equals(connect)
                ? kept : new TimedClient(connect, build(context, connect))).client();
    }

    private HttpClient build(SSLContext tls, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(connectTimeout)
                .sslContext(tls)
                .executor(work)
                .build();
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder().header("Host", "probe");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    private record TimedClient(Duration connectTimeout, HttpClient client) {
    }
}
