package io.smlfusion.fusion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.security.SymHeaders;

/** Records the request's {@code sym-encryption} header in {@link RequestedEncryption}; an unknown value fails only where a scheme is needed. */
@Provider
@ApplicationScoped
public class RequestedEncryptionFilter implements ContainerRequestFilter {

    @Inject
    RequestedEncryption requested;

    @Override
    public void filter(ContainerRequestContext request) {
        requested.set(request.getHeaderString(SymHeaders.SYM_ENCRYPTION));
    }
}
