package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.smlfusion.api.ApiException;
import io.smlfusion.persistence.CustomerEntity;
import io.smlfusion.security.Clocks;
import io.smlfusion.security.CustomerService;
import io.smlfusion.security.SecretKeys;

/** {@link CustomerService} inside Liberty: CDI, JTA and JPA on the server's database. */
@ExtendWith(ArquillianExtension.class)
class CustomerServiceArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "customer-service-it.war")
                .addClasses(CustomerService.class, SecretKeys.class, ApiException.class, Clocks.class)
                .addPackage(CustomerEntity.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    CustomerService customers;

    @Test
    void createLookUpAndRotate() {
        String admin = System.getProperty("it.bootstrap.cid", "c1");
        String cid = "arq-" + System.nanoTime();
        String secret = customers.create(admin, cid, false);
        assertEquals(Optional.of(secret), customers.secretOf(cid));
        String rotated = customers.rotate(cid, cid);
        assertNotEquals(secret, rotated);
        assertEquals(Optional.of(rotated), customers.secretOf(cid));
        ApiException refused = assertThrows(ApiException.class, () -> customers.create(cid, "x" + cid, false));
        assertTrue(refused.getMessage().contains("not an administrator"), refused.getMessage());
    }
}
