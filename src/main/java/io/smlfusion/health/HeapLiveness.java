package io.smlfusion.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the heap has room; a server stuck at its heap limit is better restarted. */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "smlfusion.health.heap.max.fraction", defaultValue = "0.95")
    double maxFraction;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(used < max * maxFraction)
                .withData("usedBytes", used)
                .withData("maxBytes", max)
                .build();
    }
}
