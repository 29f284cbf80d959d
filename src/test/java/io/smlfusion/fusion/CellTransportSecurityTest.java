package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.smlfusion.security.TestCertificates;

/**
 * Cell calls over https: against a cell that demands a client certificate signed by its CA (mutual
 * TLS), with certificates made at test time.
 */
class CellTransportSecurityTest {

    private static final String PASSWORD = "test-password";

    @TempDir
    Path directory;

    private final TestCertificates authority = new TestCertificates("cells CA");
    private HttpsServer cell;
    private String cellUrl;

    @BeforeEach
    void startACellDemandingAClientCertificate() throws Exception {
        SSLContext serverTls = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(authority.server(PASSWORD), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(authority.trust());
        serverTls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        cell = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cell.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverTls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        cell.createContext("/", exchange -> {
            byte[] answer = "cell".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        cell.start();
        cellUrl = "https://localhost:" + cell.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        cell.stop(0);
    }

    @Test
    void withTheCellsCaAndAClientCertificateTheCallGoesThrough() throws Exception {
        CellTransportSecurity security = configured(trustStore(), Optional.of(clientStore(authority)));
        assertEquals("cell", call(security.sslContextFor(cellUrl)));
        assertSame(security.sslContextFor(cellUrl), security.sslContextFor(cellUrl), "built once");
    }

    @Test
    void withoutAClientCertificateTheCellRefusesTheHandshake() {
        CellTransportSecurity security = configured(trustStore(), Optional.empty());
        assertThrows(IOException.class, () -> call(security.sslContextFor(cellUrl)));
    }

    @Test
    void aClientCertificateFromAnotherAuthorityIsRefused() {
        CellTransportSecurity security = configured(trustStore(), Optional.of(clientStore(new TestCertificates("other CA"))));
        assertThrows(IOException.class, () -> call(security.sslContextFor(cellUrl)));
    }

    @Test
    void withoutTheCellsCaTheCellIsNotTrusted() throws Exception {
        CellTransportSecurity security = configured(Optional.empty(), Optional.empty());
        assertSame(SSLContext.getDefault(), security.sslContextFor(cellUrl));
        assertThrows(IOException.class, () -> call(security.sslContextFor(cellUrl)));
    }

    @Test
    void plainHttpCellsNeverReadTheStores() throws Exception {
        CellTransportSecurity security = configured(Optional.of(directory.resolve("missing.p12").toString()), Optional.empty());
        assertSame(SSLContext.getDefault(), security.sslContextFor("http://localhost:9080"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> security.sslContextFor(cellUrl));
        assertTrue(e.getMessage().contains(CellTransportSecurity.TRUSTSTORE), e.getMessage());
    }

    private Optional<String> trustStore() {
        return Optional.of(TestCertificates.write(authority.trust(), PASSWORD, directory.resolve("trust.p12")).toString());
    }

    private String clientStore(TestCertificates issuer) {
        KeyStore client = issuer.client("fusion", PASSWORD);
        return TestCertificates.write(client, PASSWORD, directory.resolve("client-" + System.nanoTime() + ".p12")).toString();
    }

    private static CellTransportSecurity configured(Optional<String> truststore, Optional<String> keystore) {
        CellTransportSecurity security = new CellTransportSecurity();
        security.truststore = truststore;
        security.truststorePassword = Optional.of(PASSWORD);
        security.truststoreType = "PKCS12";
        security.keystore = keystore;
        security.keystorePassword = Optional.of(PASSWORD);
        security.keystoreType = "PKCS12";
        return security;
    }

    private String call(SSLContext tls) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(cellUrl + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body();
    }
}
