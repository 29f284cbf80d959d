package io.smlfusion.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import io.smlfusion.security.AuthenticationException;

/** Refused signatures by {@link AuthenticationFailure}; no customer label (the claimed id is the attacker's choice). */
@ApplicationScoped
public class AuthenticationMetrics {

    static final String FAILURES = "smlfusion.authentication.failures";

    @Inject
    MetricRegistry registry;

    public void refused(AuthenticationException e) {
        registry.counter(FAILURES, new Tag("reason", AuthenticationFailure.of(e.status(), e.statusString()).label())).inc();
    }
}
