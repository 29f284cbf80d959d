package io.smlfusion.api.socket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.api.PredictionResource;
import io.smlfusion.api.ProjectResource;
import io.smlfusion.api.RequestRefusedMapper;
import io.smlfusion.api.Responses;
import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.modelling.PredictionService;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.AuthenticatedCustomer;
import io.smlfusion.security.AuthenticationException;
import io.smlfusion.security.SocketAuthentication;
import io.smlfusion.security.SocketHeader;
import io.smlfusion.security.SocketMessageException;

/**
 * Answers the messages of WebSocket connections with the services the REST resources use, and
 * renders every answer — success or refusal — as the REST envelope's JSON text (spec §2.6).
 * Holds the limits: characters per text message, bytes per binary message, open connections.
 */
@ApplicationScoped
public class SocketCalls {

    private static final Logger LOG = Logger.getLogger(SocketCalls.class.getName());

    @Inject
    SocketAuthentication authentication;

    @Inject
    ProjectService projects;

    @Inject
    PredictionService predictions;

    @Inject
    @ConfigProperty(name = "smlfusion.ws.max.message.chars", defaultValue = "33554432")
    long maxMessageChars;

    @Inject
    @ConfigProperty(name = "smlfusion.ws.max.message.bytes", defaultValue = "33554432")
    long maxMessageBytes;

    @Inject
    @ConfigProperty(name = "smlfusion.ws.max.connections", defaultValue = "256")
    int maxConnections;

    private final AtomicInteger open = new AtomicInteger();
    private final Jsonb jsonb = JsonbBuilder.create();

    @PreDestroy
    void closeJsonb() {
        try {
            jsonb.close();
        } catch (Exception alreadyClosed) {
            // nothing left to release
        }
    }

    boolean admit() {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        open.decrementAndGet();
    }

    long maxMessageChars() {
        return maxMessageChars;
    }

    long maxMessageBytes() {
        return maxMessageBytes;
    }

    AuthenticatedCustomer authenticate(SocketHeader header, byte[] payload, String servicePath, String fullUrl)
            throws AuthenticationException {
        return authentication.verify(header, payload, servicePath, fullUrl);
    }

    /**
     * The call's answer, or its refusal, as the envelope's JSON.
     *
     * @param format JSON for a text message's payload, Arrow for a binary message's
     */
    String answer(SocketCall call, AuthenticatedCustomer customer, List<String> arguments, byte[] payload, FrameFormat format) {
        String cid = customer.cid();
        try {
            Response answer = switch (call) {
                case LEARN -> Responses.ok(ProjectResource.ingested(projects.learn(cid, arguments.get(0), payload, format)));
                case FORGET -> Responses.ok(ProjectResource.ingested(projects.forget(cid, arguments.get(0), payload, format)));
                case PREDICT -> PredictionResource.predicted(predictions.predict(cid, arguments.get(0), arguments.get(1), null, payload, format));
            };
            return json(answer);
        } catch (RuntimeException e) {
            return json(refusal(e));
        }
    }

    String refused(AuthenticationException e) {
        return json(Responses.envelope(Response.Status.fromStatusCode(e.status()), e.statusString(),
                e.stringToSign().<Map<String, Object>>map(s -> Map.of("stringToSign", s)).orElse(Map.of())));
    }

    String unauthenticated() {
        return json(Responses.error(Response.Status.UNAUTHORIZED,
                "The first message of a WebSocket connection must carry the header block: <length>,{\"headers\":[…],\"extraKeys\":[…]}<DataFrame>"));
    }

    String malformed(SocketMessageException e) {
        return json(Responses.error(Response.Status.BAD_REQUEST, "Malformed WebSocket message: " + e.getMessage()));
    }

    String wrongArguments(SocketCall call) {
        return json(Responses.error(Response.Status.BAD_REQUEST,
                "extraKeys of ws/" + call.path() + " must be " + call.arguments()));
    }

    String tooLarge() {
        return json(Responses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "WebSocket message longer than "
                + maxMessageChars + " characters (smlfusion.ws.max.message.chars)"));
    }

    String tooLargeBinary() {
        return json(Responses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "binary WebSocket message longer than "
                + maxMessageBytes + " bytes (smlfusion.ws.max.message.bytes)"));
    }

    /** The same answer as REST gives: every domain exception is a {@link RequestRefused}. */
    private static Response refusal(RuntimeException e) {
        if (e instanceof RequestRefused refused) {
            return RequestRefusedMapper.answer(refused);
        }
        LOG.log(Level.SEVERE, "Unexpected failure while answering a WebSocket message", e);
        return Responses.error(Response.Status.INTERNAL_SERVER_ERROR, "Generic Exception <" + e.getClass().getSimpleName() + ">");
    }

    private String json(Response response) {
        return jsonb.toJson(response.getEntity());
    }
}
