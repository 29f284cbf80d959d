package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One acknowledged change of a persisted project that its stored snapshot may not hold yet: the
 * statistics of the rows it added or removed, in the binary snapshot format, at its place in the
 * project's order of changes. Written before the change is acknowledged; deleted by the save that
 * writes a snapshot holding it.
 */
@Entity
@Table(name = "SML_JOURNAL")
@IdClass(JournalEntryKey.class)
public class JournalEntryEntity {

    /** {@link ProjectEntity}'s journal id, which a rename keeps. */
    @Id
    @Column(name = "JOURNAL_ID", nullable = false, length = 36)
    private String journalId;

    @Id
    @Column(name = "SEQ", nullable = false)
    private long sequence;

    @Column(name = "KIND", nullable = false, length = 8)
    private String kind;

    @Column(name = "APPLIED_AT", nullable = false)
    private Instant appliedAt;

    @Lob
    @Column(name = "ROWS_SNAPSHOT", nullable = false)
    private byte[] rows;

    protected JournalEntryEntity() {
    }

    public JournalEntryEntity(String journalId, long sequence, String kind, Instant appliedAt, byte[] rows) {
        this.journalId = journalId;
        this.sequence = sequence;
        this.kind = kind;
        this.appliedAt = appliedAt;
        this.rows = rows;
    }

    public String getJournalId() {
        return journalId;
    }

    public long getSequence() {
        return sequence;
    }

    /** the name of a {@code StatisticsChange.Kind}: ADD or SUBTRACT */
    public String getKind() {
        return kind;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public byte[] getRows() {
        return rows;
    }
}
