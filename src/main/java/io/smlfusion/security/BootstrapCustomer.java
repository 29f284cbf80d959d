package io.smlfusion.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals the customer keys an earlier release stored in clear, then creates the bootstrap customer,
 * at start-up, so that a fresh install answers signed requests at once. Its key comes from
 * {@code smlfusion.bootstrap.secret}; without one a key is generated on the first start, printed in
 * the server log exactly once and written to the private credentials file ({@link BootstrapCredentials}).
 */
@ApplicationScoped
public class BootstrapCustomer {

    private static final Logger LOG = Logger.getLogger(BootstrapCustomer.class.getName());

    @Inject
    CustomerService customers;

    @Inject
    @ConfigProperty(name = "smlfusion.bootstrap.cid", defaultValue = "c1")
    String cid;

    @Inject
    @ConfigProperty(name = "smlfusion.bootstrap.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = BootstrapCredentials.FILE_PROPERTY)
    Optional<String> credentialsFile;

    private volatile boolean done;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        int sealedNow = customers.sealClearKeys();
        if (sealedNow > 0) {
            LOG.info("sml-fusion sealed " + sealedNow + " customer key(s) stored in clear by an earlier release");
        }
        Optional<String> generated = customers.ensureBootstrap(cid, secret);
        done = true;
        if (generated.isPresent()) {
            announce(new BootstrapCredentials(cid, generated.get()));
        } else if (secret.isPresent()) {
            LOG.info("sml-fusion bootstrap customer [" + cid + "] uses the key from smlfusion.bootstrap.secret");
        } else {
            LOG.info("sml-fusion bootstrap customer [" + cid + "] exists; its key is not shown again");
        }
    }

    /** The generated key in a box in the log, and in the credentials file when one is configured. */
    private void announce(BootstrapCredentials credentials) {
        Path file = credentialsFile.filter(f -> !f.isBlank()).map(Path::of).orElse(null);
        try {
            if (file != null && !credentials.writeTo(file)) {
                LOG.warning("sml-fusion left the existing " + file + " alone: it is not the key generated now");
                file = null;
            }
        } catch (IOException e) {
            LOG.warning("sml-fusion could not write the bootstrap credentials to " + file + ": " + e);
            file = null;
        }
        LOG.warning(credentials.box(file));
    }

    public boolean isDone() {
        return done;
    }

    public String cid() {
        return cid;
    }
}
