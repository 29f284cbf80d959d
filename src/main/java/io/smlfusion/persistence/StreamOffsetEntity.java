package io.smlfusion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Where a Kafka stream of a persisted cell project resumes in one partition: the offset of the
 * first record its statistics do not hold. Written in the transaction of the journal entry that
 * holds the records before it ({@link JournalRepository#append}), so after a crash the project's
 * statistics and its offsets agree: no record is lost or counted twice. Keyed by the project's
 * journal id, which a project created again under the same id does not get.
 */
@Entity
@Table(name = "SML_STREAM_OFFSET")
@IdClass(StreamOffsetKey.class)
public class StreamOffsetEntity {

    @Id
    @Column(name = "JOURNAL_ID", nullable = false, length = 36)
    private String journalId;

    @Id
    @Column(name = "SID", nullable = false, length = 128)
    private String streamId;

    @Id
    @Column(name = "PART", nullable = false)
    private int partition;

    @Column(name = "NEXT_OFFSET", nullable = false)
    private long nextOffset;

    protected StreamOffsetEntity() {
    }

    public StreamOffsetEntity(String journalId, String streamId, int partition, long nextOffset) {
        this.journalId = journalId;
        this.streamId = streamId;
        this.partition = partition;
        this.nextOffset = nextOffset;
    }

    public int getPartition() {
        return partition;
    }

    public long getNextOffset() {
        return nextOffset;
    }
}
