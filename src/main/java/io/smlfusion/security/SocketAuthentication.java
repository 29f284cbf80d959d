package io.smlfusion.security;

import java.time.Clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the header blocks of WebSocket messages (spec §2.6) against the customers' keys. Its
 * replay memory is its own: a WebSocket string to sign has no verb line, so no signature is valid
 * both here and for REST, and neither channel can spend the other's budget.
 */
@ApplicationScoped
public class SocketAuthentication {

    @Inject
    CustomerService customers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "smlfusion.security.replay.max.per.customer", defaultValue = "" + ReplayGuard.DEFAULT_MAX_PER_CUSTOMER)
    int replayBudget;

    private SignatureVerifier verifier;

    @PostConstruct
    void init() {
        verifier = new SignatureVerifier(customers::secretOf, clock, new ReplayGuard(replayBudget));
    }

    /** @see SignatureVerifier#verifySocket */
    public AuthenticatedCustomer verify(SocketHeader header, byte[] payload, String servicePath, String fullUrl)
            throws AuthenticationException {
        return verifier.verifySocket(header, payload, servicePath, fullUrl);
    }
}
