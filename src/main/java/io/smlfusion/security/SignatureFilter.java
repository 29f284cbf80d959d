package io.smlfusion.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.api.Responses;
import io.smlfusion.observability.AuthenticationMetrics;

/**
 * Verifies the SymetryML request signature (spec §2) on every {@code /symetry/rest/{cid}/...} call
 * before any resource sees it. The headers are checked first: a request refused on them gets its
 * answer without its body being read, with {@code Connection: close} so that the server does not
 * read the rest to keep the connection. Otherwise the body is read once here, through MD5 and HMAC
 * as it arrives, and handed on unchanged once it is verified.
 *
 * <p>The signer is a customer or an {@linkplain ExportKey export key}. A verified export key may
 * make only its two calls, which are then pointed at its owner's project (the path's cid becomes
 * the owner's); any other call is refused with 403 before a resource sees it.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    @Inject
    CustomerService customers;

    @Inject
    ExportKeyService exportKeys;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AuthenticationMetrics authenticationMetrics;

    @Inject
    @ConfigProperty(name = "smlfusion.security.replay.max.per.customer", defaultValue = "" + ReplayGuard.DEFAULT_MAX_PER_CUSTOMER)
    int replayBudget;

    private ReplayGuard replayGuard;

    @PostConstruct
    void init() {
        replayGuard = new ReplayGuard(replayBudget);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        String cid = segments.isEmpty() ? "" : segments.get(0).getPath();
        URI uri = request.getUriInfo().getRequestUri();
        boolean announcesBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        RequestHead head = new RequestHead(request.getMethod(), uri.getRawPath(),
                uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath(), uri.getRawQuery(),
                request::getHeaderString, cid, announcesBody);
        SignerLookup signer = new SignerLookup(customers, exportKeys);
        BodyVerification verification;
        try {
            verification = new SignatureVerifier(signer::secretOf, clock, replayGuard).begin(head);
        } catch (AuthenticationException e) {
            authenticationMetrics.refused(e);
            request.abortWith(refusal(e).header("Connection", "close").build());
            return;
        }
        try {
            ReceivedBody body = ReceivedBody.read(request.getEntityStream(), request.getLength(), verification);
            AuthenticatedCustomer verified = verification.finish();
            Optional<ExportKey> exportKey = signer.exportKey();
            if (exportKey.isPresent()) {
                toOwnerNamespace(request, exportKey.get(), segments);
            }
            caller.set(verified, exportKey);
            request.setEntityStream(body.asStream());
        } catch (AuthenticationException e) {
            authenticationMetrics.refused(e);
            request.abortWith(refusal(e).build());
        }
    }

    /**
     * Refuses every call an export key may not make (403); for the two it may, points the request at
     * the owner's project, so that the resources serve it as they serve the owner.
     */
    private static void toOwnerNamespace(ContainerRequestContext request, ExportKey key, List<PathSegment> segments)
            throws AuthenticationException {
        List<String> path = segments.subList(1, segments.size()).stream().map(PathSegment::getPath).toList();
        String pid = key.authorise(request.getMethod(), path);
        URI base = request.getUriInfo().getBaseUri();
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath(base.getRawPath() + key.owner() + "/projects/" + pid + "/" + path.get(2)).build());
    }

    private static Response.ResponseBuilder refusal(AuthenticationException e) {
        Map<String, Object> values = e.stringToSign().<Map<String, Object>>map(s -> Map.of("stringToSign", s)).orElse(Map.of());
        Response.ResponseBuilder answer = Response.fromResponse(
                Responses.envelope(Response.Status.fromStatusCode(e.status()), e.statusString(), values));
        e.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, wait.toSeconds()));
        return answer;
    }
}
