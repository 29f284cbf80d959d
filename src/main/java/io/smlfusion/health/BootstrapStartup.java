package io.smlfusion.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.smlfusion.security.BootstrapCustomer;

/** Started once the bootstrap customer is in place, i.e. the server can authenticate its first request. */
@Startup
@ApplicationScoped
public class BootstrapStartup implements HealthCheck {

    @Inject
    BootstrapCustomer bootstrap;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bootstrap-customer")
                .status(bootstrap.isDone())
                .withData("cid", bootstrap.cid())
                .build();
    }
}
