package io.smlfusion.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smlfusion.persistence.CustomerRepository;

/** Ready only while the database answers: every signed request needs it to find the customer's key. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    CustomerRepository customers;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("database").up().withData("customers", customers.count()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("reason", "database unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }
}
