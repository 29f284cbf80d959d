package io.smlfusion.security;

import java.util.List;

/**
 * The header block of a WebSocket message (spec §2.6): the four REST authentication headers in
 * their fixed order, and the endpoint's positional arguments ({@code [pid]} for learn and forget,
 * {@code [pid, modelid]} for predict).
 */
public record SocketHeader(String symDate, String contentMd5, String authorization, String cid, List<String> extraKeys) {

    public SocketHeader {
        extraKeys = List.copyOf(extraKeys);
    }

    @Override
    public String toString() {
        return "SocketHeader[cid=" + cid + ", symDate=" + symDate + ", extraKeys=" + extraKeys + "]";
    }
}
