package io.smlfusion.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link StreamOffsetEntity}: one offset per project, stream and partition. */
public class StreamOffsetKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String journalId;
    private String streamId;
    private int partition;

    public StreamOffsetKey() {
    }

    public StreamOffsetKey(String journalId, String streamId, int partition) {
        this.journalId = journalId;
        this.streamId = streamId;
        this.partition = partition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamOffsetKey key && Objects.equals(journalId, key.journalId)
                && Objects.equals(streamId, key.streamId) && partition == key.partition;
    }

    @Override
    public int hashCode() {
        return Objects.hash(journalId, streamId, partition);
    }
}
