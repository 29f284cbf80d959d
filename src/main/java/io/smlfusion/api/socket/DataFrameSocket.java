package io.smlfusion.api.socket;

import java.io.IOException;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The WebSocket API (spec §5.5): {@code ws://HOST/symetry/ws/learn}, {@code /forget} and
 * {@code /predict}, one connection each, taking DataFrames as text messages and Arrow IPC streams
 * as binary ones. Only translates the transport: a {@link SocketConversation}
 * holds what the connection has said so far, {@link SocketCalls} answers its messages.
 *
 * <p>Each message is answered before the next is read — the container never calls
 * {@link #receive} concurrently for one connection — so a client that sends faster than its
 * project learns is held back by TCP flow control, with one message in flight per connection.
 */
@ServerEndpoint("/ws/{call}")
public class DataFrameSocket {

    private SocketConversation conversation;

    @OnOpen
    public void open(Session session, @PathParam("call") String path) throws IOException {
        // looked up, not injected: the container creates endpoints itself, and Liberty fails field injection into them
        SocketCalls calls = CDI.current().select(SocketCalls.class).get();
        SocketCall call = SocketCall.of(path).orElse(null);
        if (call == null) {
            session.close(SocketConversation.closing(CloseReason.CloseCodes.CANNOT_ACCEPT,
                    "no WebSocket call " + path + ": use learn, forget or predict"));
            return;
        }
        if (!calls.admit()) {
            session.close(SocketConversation.closing(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "too many WebSocket connections (smlfusion.ws.max.connections)"));
            return;
        }
        conversation = new SocketConversation(call, session, calls);
    }

    @OnMessage
    public void receive(String part, boolean last) throws IOException {
        if (conversation != null) {
            conversation.receive(part, last);
        }
    }

    @OnMessage
    public void receive(byte[] part, boolean last) throws IOException {
        if (conversation != null) {
            conversation.receive(part, last);
        }
    }

    @OnClose
    public void close() {
        if (conversation != null) {
            conversation.end();
            conversation = null;
        }
    }
}
