package io.smlfusion.api.socket;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The calls of the WebSocket API (spec §5.5) and the positional arguments each takes in {@code extraKeys}. */
enum SocketCall {
    LEARN("learn", List.of("pid")),
    FORGET("forget", List.of("pid")),
    PREDICT("predict", List.of("pid", "modelid"));

    private final String path;
    private final List<String> arguments;

    SocketCall(String path, List<String> arguments) {
        this.path = path;
        this.arguments = arguments;
    }

    static Optional<SocketCall> of(String path) {
        return Arrays.stream(values()).filter(call -> call.path.equals(path)).findFirst();
    }

    String path() {
        return path;
    }

    /** e.g. {@code [pid, modelid]}, for the message that refuses a wrong count. */
    List<String> arguments() {
        return arguments;
    }
}
