package io.smlfusion.api.socket;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.security.AuthenticatedCustomer;
import io.smlfusion.security.AuthenticationException;
import io.smlfusion.security.SocketHeader;
import io.smlfusion.security.SocketMessage;
import io.smlfusion.security.SocketMessageException;

/**
 * One WebSocket connection's state: the message being assembled from its parts (text: a
 * DataFrame's JSON; binary: an Arrow IPC stream), and the caller and arguments its last header
 * block established (spec §2.6: later messages may omit the block, whatever their kind).
 * A refused signature or a malformed message is answered with the REST error envelope, then the
 * connection is closed; a refused DataFrame is answered and the connection stays open.
 * Not thread-safe: the container delivers one connection's messages one at a time.
 */
final class SocketConversation {

    /** A close reason phrase is at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
    private static final int MAX_REASON_BYTES = 123;

    private final SocketCall call;
    private final Session session;
    private final SocketCalls calls;
    private final StringBuilder text = new StringBuilder();
    private final MessageBytes binary = new MessageBytes();
    private boolean oversized;
    private AuthenticatedCustomer customer;
    private List<String> arguments;

    SocketConversation(SocketCall call, Session session, SocketCalls calls) {
        this.call = call;
        this.session = session;
        this.calls = calls;
    }

    /** A part of a text message: its payload is a DataFrame's JSON. */
    void receive(String part, boolean last) throws IOException {
        if (!oversized && text.length() + (long) part.length() > calls.maxMessageChars()) {
            oversized = true;
            text.setLength(0);
            text.trimToSize();
        }
        if (!oversized) {
            text.append(part);
        }
        if (!last) {
            return;
        }
        if (oversized) {
            refuse(calls.tooLarge(), CloseReason.CloseCodes.TOO_BIG, "message too big");
            return;
        }
        String message = text.toString();
        text.setLength(0);
        answer(() -> SocketMessage.parse(message), FrameFormat.JSON);
    }

    /** A part of a binary message: its payload is an Arrow IPC stream. */
    void receive(byte[] part, boolean last) throws IOException {
        if (!oversized && binary.length() + part.length > calls.maxMessageBytes()) {
            oversized = true;
            binary.drop();
        }
        if (!oversized) {
            binary.append(part);
        }
        if (!last) {
            return;
        }
        if (oversized) {
            refuse(calls.tooLargeBinary(), CloseReason.CloseCodes.TOO_BIG, "message too big");
            return;
        }
        byte[] message = binary.take();
        answer(() -> SocketMessage.parse(message), FrameFormat.ARROW);
    }

    private void answer(Supplier<SocketMessage> framing, FrameFormat format) throws IOException {
        SocketMessage parsed;
        try {
            parsed = framing.get();
        } catch (SocketMessageException e) {
            refuse(calls.malformed(e), CloseReason.CloseCodes.PROTOCOL_ERROR, "malformed message");
            return;
        }
        if (parsed.header().isPresent()) {
            SocketHeader header = parsed.header().get();
            try {
                customer = calls.authenticate(header, parsed.payload(), servicePath(), fullUrl());
            } catch (AuthenticationException e) {
                refuse(calls.refused(e), CloseReason.CloseCodes.VIOLATED_POLICY, e.statusString());
                return;
            }
            arguments = header.extraKeys();
        } else if (customer == null) {
            refuse(calls.unauthenticated(), CloseReason.CloseCodes.VIOLATED_POLICY, "no header block");
            return;
        }
        if (arguments.size() != call.arguments().size()) {
            refuse(calls.wrongArguments(call), CloseReason.CloseCodes.VIOLATED_POLICY, "extraKeys must be " + call.arguments());
            return;
        }
        session.getBasicRemote().sendText(calls.answer(call, customer, arguments, parsed.payload(), format));
    }

    /** The connection closed: its place counts no more. */
    void end() {
        calls.release();
    }

    private void refuse(String envelope, CloseReason.CloseCode code, String reason) throws IOException {
        session.getBasicRemote().sendText(envelope);
        session.close(closing(code, reason));
    }

    static CloseReason closing(CloseReason.CloseCode code, String reason) {
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_BYTES) {
            return new CloseReason(code, reason);
        }
        String cut = new String(utf8, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8);
        return new CloseReason(code, cut.substring(0, cut.length() - 1) + "…");
    }

    private String servicePath() {
        return session.getRequestURI().getRawPath();
    }

    /** The URL the vendor's client signs: {@code ws://host:port/symetry/ws/learn}, from what the client asked for. */
    private String fullUrl() {
        URI uri = session.getRequestURI();
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
