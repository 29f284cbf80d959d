package io.smlfusion.health;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heap has room and no fatal error ({@link FatalErrors}) happened: a server stuck
 * at its heap limit, or one that ran out of memory once, is better restarted.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "smlfusion.health.heap.max.fraction", defaultValue = "0.95")
    double maxFraction;

    @Inject
    FatalErrors fatalErrors;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        Optional<FatalErrors.Fatal> fatal = fatalErrors.first();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("heap")
                .status(used < max * maxFraction && fatal.isEmpty())
                .withData("usedBytes", used)
                .withData("maxBytes", max);
        fatal.ifPresent(f -> response.withData("fatalError", f.error()).withData("fatalErrorAt", f.at().toString()));
        return response.build();
    }
}
