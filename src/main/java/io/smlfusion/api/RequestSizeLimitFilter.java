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
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.refusal.RequestRefused;

/**
 * Refuses request bodies above {@code smlfusion.request.max.bytes} with 413 before anything parses
 * them: at once when {@code Content-Length} says so — without reading the body, and closing the
 * connection so that the server does not read it either — otherwise (chunked bodies) as soon as
 * the stream passes the limit.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "smlfusion.request.max.bytes", defaultValue = "268435456")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(Response.fromResponse(Responses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge()))
                    .header("Connection", "close").build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedStream(request.getEntityStream()));
        }
    }

    private String tooLarge() {
        return "Request body exceeds the limit of " + maxBytes + " bytes (smlfusion.request.max.bytes)";
    }

    /** Counts bytes as the body is read and fails once the limit is passed. */
    private final class BoundedStream extends FilterInputStream {
        private long seen;

        BoundedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            seen += n;
            if (seen > maxBytes) {
                throw new RequestRefused(RequestRefused.Reason.TOO_LARGE, tooLarge());
            }
        }
    }
}
