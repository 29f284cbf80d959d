package io.smlfusion.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link StreamDefinitionEntity}: a stream id is unique per project. */
public class StreamDefinitionKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String cid;
    private String pid;
    private String streamId;

    public StreamDefinitionKey() {
    }

    public StreamDefinitionKey(String cid, String pid, String streamId) {
        this.cid = cid;
        this.pid = pid;
        this.streamId = streamId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamDefinitionKey key && Objects.equals(cid, key.cid) && Objects.equals(pid, key.pid)
                && Objects.equals(streamId, key.streamId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cid, pid, streamId);
    }
}
