package io.smlfusion.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.fusion.IncomingFusionCall;

/**
 * Hands the headers a calling fusion sends ({@code sym-fusion-path}, {@code sym-fusion-budget-ms})
 * to {@link IncomingFusionCall}; only a fusion's {@code export} reads them.
 */
@Provider
@ApplicationScoped
public class FusionCallFilter implements ContainerRequestFilter {

    @Inject
    IncomingFusionCall incoming;

    @Override
    public void filter(ContainerRequestContext request) {
        incoming.record(request::getHeaderString);
    }
}
