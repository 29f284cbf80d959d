package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;

import org.junit.jupiter.api.Test;

/** Every cell connection: no redirects, no cache, the configured timeouts, one TLS socket factory per context. */
class CellConnectionsTest {

    private final CellConnections connections = new CellConnections();
    private volatile Duration connectTimeout = Duration.ofMillis(5000);

    CellConnectionsTest() {
        connections.config = new FusionConfig() {
            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofMillis(700);
            }
        };
        connections.transportSecurity = new CellTransportSecurity() {
            {
                truststore = java.util.Optional.empty();
                keystore = java.util.Optional.empty();
            }
        };
    }

    @Test
    void aConnectionFollowsNoRedirectAndTakesTheConfiguredTimeouts() throws IOException {
        HttpURLConnection connection = connections.open(URI.create("http://127.0.0.1:9080/symetry/rest/c1/projects/p1/export"), "http://cell:9080");
        assertFalse(connection.getInstanceFollowRedirects());
        assertFalse(connection.getUseCaches());
        assertEquals(5000, connection.getConnectTimeout());
        assertEquals(700, connection.getReadTimeout());

        connectTimeout = Duration.ZERO;
        assertEquals(1, connections.open(URI.create("http://127.0.0.1:9080/x"), "http://cell:9080").getConnectTimeout(),
                "a zero timeout would mean none at all");
    }

    @Test
    void httpsConnectionsShareTheSocketFactoryOfTheirContext() throws IOException {
        HttpsURLConnection first = (HttpsURLConnection) connections.open(URI.create("https://cell1.example.org:9443/x"), "https://cell1.example.org:9443");
        HttpsURLConnection second = (HttpsURLConnection) connections.open(URI.create("https://cell2.example.org:9443/y"), "https://cell2.example.org:9443");
        assertNotNull(first.getSSLSocketFactory());
        assertSame(first.getSSLSocketFactory(), second.getSSLSocketFactory(),
                "the keep-alive cache reuses a TLS connection only for the socket factory that opened it");
    }
}
