package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A project created with {@code persist=true}: its settings and its statistics in the binary
 * snapshot format, with the place in the project's journal that snapshot stands at. One row,
 * written in one transaction, so a crash mid-save leaves the previous version in place.
 */
@Entity
@Table(name = "SML_PROJECT")
@IdClass(ProjectKey.class)
public class ProjectEntity {

    @Id
    @Column(name = "CID", nullable = false, length = 64)
    private String cid;

    @Id
    @Column(name = "PID", nullable = false, length = 128)
    private String pid;

    @Column(name = "PROJECT_TYPE", nullable = false, length = 16)
    private String type;

    @Column(name = "HISTOGRAM_ENABLED", nullable = false)
    private boolean histogramEnabled;

    @Column(name = "FROZEN", nullable = false)
    private boolean frozen;

    /** the create call's options map, as a JSON object */
    @Column(name = "OPTIONS_JSON", nullable = false, length = 8192)
    private String optionsJson;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "MODIFIED_AT", nullable = false)
    private Instant modifiedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "SNAPSHOT")
    private byte[] snapshot;

    /** Which journal entries are this project's ({@link JournalEntryEntity}); null for fusions and rows of older releases. */
    @Column(name = "JOURNAL_ID", length = 36)
    private String journalId;

    /** The last journal entry the snapshot holds (nullable: the column was added to existing tables). */
    @Column(name = "JOURNAL_SEQ")
    private Long journalSequence;

    /** A fusion's cell list, sealed with the server key (it holds the cells' secrets); null for other projects. */
    @Lob
    @Column(name = "FUSION_CELLS_SEALED")
    private String sealedFusionCells;

    protected ProjectEntity() {
    }

    public ProjectEntity(String cid, String pid) {
        this.cid = cid;
        this.pid = pid;
    }

    /** The same project under another id: the id is the key, so a rename is a new row. */
    public ProjectEntity renamedTo(String newPid) {
        ProjectEntity renamed = new ProjectEntity(cid, newPid);
        renamed.update(type, histogramEnabled, frozen, optionsJson, createdAt, modifiedAt, snapshot);
        renamed.setSealedFusionCells(sealedFusionCells);
        renamed.journalId = journalId;
        renamed.journalSequence = journalSequence;
        return renamed;
    }

    public String getCid() {
        return cid;
    }

    public String getPid() {
        return pid;
    }

    public String getType() {
        return type;
    }

    public boolean isHistogramEnabled() {
        return histogramEnabled;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public String getOptionsJson() {
        return optionsJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public byte[] getSnapshot() {
        return snapshot;
    }

    public String getSealedFusionCells() {
        return sealedFusionCells;
    }

    /** Where the snapshot stands in the project's journal, or null when it has no journal yet. */
    public JournalPosition getJournalPosition() {
        return journalId == null ? null : new JournalPosition(journalId, journalSequence == null ? 0 : journalSequence);
    }

    public void setJournalPosition(JournalPosition position) {
        this.journalId = position == null ? null : position.journalId();
        this.journalSequence = position == null ? null : position.sequence();
    }

    /** Whether this row already holds a later state of the project that {@code position} belongs to. */
    boolean isAheadOf(JournalPosition position) {
        return position != null && position.journalId().equals(journalId)
                && journalSequence != null && journalSequence > position.sequence();
    }

    public void setSealedFusionCells(String sealedFusionCells) {
        this.sealedFusionCells = sealedFusionCells;
    }

    /** Copies everything a save writes; the caller's transaction makes it all-or-nothing. */
    public void update(String type, boolean histogramEnabled, boolean frozen, String optionsJson,
                       Instant createdAt, Instant modifiedAt, byte[] snapshot) {
        this.type = type;
        this.histogramEnabled = histogramEnabled;
        this.frozen = frozen;
        this.optionsJson = optionsJson;
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
        this.snapshot = snapshot;
    }
}
