package io.smlfusion.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import io.smlfusion.jobs.JobRegistry;

/** The gauges read from the server's state at each scrape: asynchronous jobs queued and running. */
@ApplicationScoped
public class ServerGauges {

    static final String JOBS_QUEUED = "smlfusion.jobs.queued";
    static final String JOBS_RUNNING = "smlfusion.jobs.running";

    @Inject
    MetricRegistry registry;

    @Inject
    JobRegistry jobs;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(JOBS_QUEUED).withDescription("Asynchronous jobs waiting for a thread").build(),
                jobs, JobRegistry::queued);
        registry.gauge(Metadata.builder().withName(JOBS_RUNNING).withDescription("Asynchronous jobs running").build(),
                jobs, JobRegistry::running);
    }
}
