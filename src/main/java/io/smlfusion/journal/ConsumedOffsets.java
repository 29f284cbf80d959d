package io.smlfusion.journal;

import java.util.List;
import java.util.Map;

import io.smlfusion.persistence.StreamOffsetEntity;

/**
 * The offsets a stream has consumed up to, per partition (the offset of the next record to read),
 * to be stored with the statistics of the records before them.
 */
public record ConsumedOffsets(String streamId, Map<Integer, Long> nextOffsets) {

    /** A change that no stream made. */
    public static final ConsumedOffsets NONE = new ConsumedOffsets("", Map.of());

    public ConsumedOffsets {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    List<StreamOffsetEntity> entities(String journalId) {
        return nextOffsets.entrySet().stream()
                .map(next -> new StreamOffsetEntity(journalId, streamId, next.getKey(), next.getValue()))
                .toList();
    }
}
