package io.smlfusion.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.audit.AnsweredRequest;

/** Tells the audit trail which call the request is (its path), for the entries its answer makes. */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class AnsweredCallFilter implements ContainerRequestFilter {

    @Inject
    AnsweredRequest answered;

    @Override
    public void filter(ContainerRequestContext request) {
        answered.answering(request.getUriInfo().getPath());
    }
}
