package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.security.TestCertificates;

/**
 * HTTPS end to end, with certificates made now: the cell server serves {@code tls-on.xml} with
 * mutual TLS (the pom points its key store here; the renewed file is picked up without a restart),
 * and a fusion on the IT server fetches a cell over {@code https://} with the truststore and client
 * certificate of {@code smlfusion.fusion.cell.tls.*}.
 */
class TlsIT {

    private static final Path DIRECTORY = Path.of(System.getProperty("it.tls.dir", "target/it-tls"));
    private static final String PASSWORD = System.getProperty("it.tls.password", "it-tls-password");
    private static final String CELL_HTTPS = System.getProperty("it.cell.https.url", "https://localhost:9445");

    private final FusionClient fusionOwner = FusionClient.itServer();
    private final FusionClient cellOwner = new FusionClient(CellServer.BASE, CellServer.CID, CellServer.SECRET);
    private final String run = "tls" + System.nanoTime();

    @Test
    void aFusionFetchesItsCellOverMutualTls() throws Exception {
        TestCertificates authority = new TestCertificates("sml-fusion IT CA");
        KeyStore cellKeys = authority.server(PASSWORD);
        cellKeys.setCertificateEntry("ca", authority.ca());
        TestCertificates.write(cellKeys, PASSWORD, DIRECTORY.resolve("cell-keystore.p12"));
        TestCertificates.write(authority.trust(), PASSWORD, DIRECTORY.resolve("fusion-truststore.p12"));
        KeyStore fusionClient = authority.client("fusion", PASSWORD);
        TestCertificates.write(fusionClient, PASSWORD, DIRECTORY.resolve("fusion-client.p12"));
        CellServer.server().start();

        assertEquals(200, readinessOverHttps(tls(authority.trust(), fusionClient)), "a client with a certificate of the CA");
        assertRefused(tls(authority.trust(), null), "mutual TLS: no certificate, no connection");
        assertRefused(tls(new TestCertificates("other").trust(), fusionClient), "the server's certificate is checked too");

        String pid = run + "-cell";
        cellOwner.cellProject(pid, "housing-fed3/housing1.csv");
        CellInfo overHttps = new CellInfo(CELL_HTTPS, CellServer.CID, CellServer.SECRET, pid);
        String fusion = run + "-f";
        assertEquals(201, fusionOwner.create(fusion, false, List.of(overHttps)).status());
        assertEquals(cellOwner.info(pid).getInt("rowCount"), fusionOwner.info(fusion).getInt("rowCount"));
        assertEquals(Map.of(pid, "OK"), fusionOwner.cellsStatus(fusion, List.of(overHttps)));
    }

    /**
     * The cell server's readiness over HTTPS. The server may still be opening its TLS endpoint, or
     * serving the certificate it had before this test wrote the key store (tls-on.xml polls the
     * file every 5 s): until then the handshake fails, so this retries for a while.
     */
    private static int readinessOverHttps(SSLContext tls) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                return send(tls);
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void assertRefused(SSLContext tls, String why) {
        IOException refused = assertThrows(IOException.class, () -> send(tls), why);
        assertFalse(refused instanceof HttpTimeoutException, () -> why + ": a refusal, not a timeout: " + refused);
    }

    private static int send(SSLContext tls) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
        return client.send(HttpRequest.newBuilder(URI.create(CELL_HTTPS + "/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static SSLContext tls(KeyStore trusted, KeyStore clientKeys) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (clientKeys != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(clientKeys, PASSWORD.toCharArray());
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }
}
