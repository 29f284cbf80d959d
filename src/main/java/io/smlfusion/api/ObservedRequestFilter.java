package io.smlfusion.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import io.opentelemetry.api.trace.Span;

import io.smlfusion.observability.RequestObservation;

/**
 * First of the request filters: gives the request its id and log context ({@link RequestObservation})
 * and counts its body bytes as they are read; the answer carries the id in {@code X-Request-Id}.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 200)
public class ObservedRequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String REQUEST_ID = ObservedRequestFilter.class.getName() + ".id";

    @Inject
    RequestObservation observation;

    @Override
    public void filter(ContainerRequestContext request) {
        String id = observation.begin(request.getHeaderString(RequestObservation.REQUEST_ID_HEADER),
                request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath).toList(),
                Span.current().getSpanContext());
        request.setProperty(REQUEST_ID, id);
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(RequestObservation.REQUEST_ID_HEADER, id);
        }
        observation.end();
    }

    private final class CountingStream extends FilterInputStream {

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                observation.received(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                observation.received(n);
            }
            return n;
        }
    }
}
