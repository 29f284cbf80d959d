package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.smlfusion.persistence.CustomerEntity;
import io.smlfusion.persistence.CustomerRepository;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.Clocks;
import io.smlfusion.security.CustomerService;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.Sealer;
import io.smlfusion.security.SecretKeys;
import io.smlfusion.security.SignedRequest;
import io.smlfusion.security.StringToSign;
import io.smlfusion.security.SymDate;
import io.smlfusion.security.SymHeaders;

/** {@link CustomerService} inside Liberty: CDI, JTA and JPA on the server's database, keys sealed at rest. */
@ExtendWith(ArquillianExtension.class)
class CustomerServiceArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "customer-service-it.war")
                .addClasses(CustomerService.class, SecretKeys.class, RequestRefused.class, Clocks.class, Sealer.class,
                        RequestSigner.class, StringToSign.class, SignedRequest.class, SymDate.class, SymHeaders.class)
                // package-private: the keys CustomerService keeps unsealed
                .addClass("io.smlfusion.security.UnsealedKeys")
                .addPackage(CustomerEntity.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    CustomerService customers;

    @Inject
    CustomerRepository repository;

    @ArquillianResource
    URL deployment;

    @Test
    void createLookUpAndRotate() {
        String admin = System.getProperty("it.bootstrap.cid", "c1");
        String cid = "arq-" + System.nanoTime();
        String secret = customers.create(admin, cid, false);
        assertEquals(Optional.of(secret), customers.secretOf(cid));
        String rotated = customers.rotate(cid, cid);
        assertNotEquals(secret, rotated);
        assertEquals(Optional.of(rotated), customers.secretOf(cid));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> customers.create(cid, "x" + cid, false));
        assertTrue(refused.getMessage().contains("not an administrator"), refused.getMessage());
    }

    @Test
    void theDatabaseHoldsNoClearKey() {
        String cid = "arq-sealed-" + System.nanoTime();
        String secret = customers.create(System.getProperty("it.bootstrap.cid", "c1"), cid, false);
        assertSealedAndNotContaining(secret, repository.find(cid).orElseThrow().getSealedKey());
        String rotated = customers.rotate(cid, cid);
        assertSealedAndNotContaining(rotated, repository.find(cid).orElseThrow().getSealedKey());
    }

    @Test
    void aClearKeyOfAnEarlierReleaseIsSealedAndStillAuthenticates() throws Exception {
        String cid = "arq-clear-" + System.nanoTime();
        String clear = SecretKeys.generate();
        repository.insert(new CustomerEntity(cid, clear, false, Instant.now()));

        assertTrue(customers.sealClearKeys() >= 1);
        assertSealedAndNotContaining(clear, repository.find(cid).orElseThrow().getSealedKey());
        assertEquals(0, customers.sealClearKeys(), "nothing left in clear");
        assertEquals(Optional.of(clear), customers.secretOf(cid));

        String path = "/symetry/rest/" + cid + "/projects/list";
        SignedRequest signed = new RequestSigner(cid, clear, Clock.systemUTC()).sign("GET", path, null, null);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + deployment.getHost() + ":" + deployment.getPort() + path));
        signed.headers().forEach(request::header);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static void assertSealedAndNotContaining(String secret, String stored) {
        assertTrue(Sealer.isSealed(stored), stored);
        assertFalse(stored.contains(secret));
    }
}
