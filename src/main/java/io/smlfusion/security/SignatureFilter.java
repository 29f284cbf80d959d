package io.smlfusion.security;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.smlfusion.api.Responses;

/**
 * Verifies the SymetryML request signature (spec §2) on every {@code /symetry/rest/{cid}/...} call
 * before any resource sees it. The body is read once here (its bytes are part of the signature)
 * and handed on unchanged.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    @Inject
    CustomerService customers;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    private SignatureVerifier verifier;

    @PostConstruct
    void init() {
        verifier = new SignatureVerifier(customers::secretOf, clock, new ReplayGuard());
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        String cid = segments.isEmpty() ? "" : segments.get(0).getPath();
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        IncomingRequest incoming = new IncomingRequest(request.getMethod(), uri.getRawPath(),
                uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath(), uri.getRawQuery(), body,
                request::getHeaderString, cid);
        try {
            caller.set(verifier.verify(incoming));
        } catch (AuthenticationException e) {
            Map<String, Object> values = e.stringToSign().<Map<String, Object>>map(s -> Map.of("stringToSign", s)).orElse(Map.of());
            request.abortWith(Responses.envelope(Response.Status.fromStatusCode(e.status()), e.statusString(), values));
        }
    }
}
