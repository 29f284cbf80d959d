package io.smlfusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The differential-privacy settings of one cell project and the budget its exports have spent.
 * Keyed by the project's journal id, which a rename keeps and a project created again under the
 * same id does not get: renaming a project cannot reset its budget, and a new project never
 * inherits an old one's. Kept for in-memory projects too, so that restarting the server is no way
 * to spend a budget twice either.
 */
@Entity
@Table(name = "SML_PRIVACY_LEDGER")
public class PrivacyLedgerEntity {

    @Id
    @Column(name = "JOURNAL_ID", nullable = false, length = 36)
    private String journalId;

    @Column(name = "CID", nullable = false, length = 64)
    private String cid;

    /** The settings as the owner posted them, canonical JSON. */
    @Lob
    @Column(name = "SETTINGS_JSON", nullable = false)
    private String settingsJson;

    /** The zCDP ρ spent by every export so far; only ever grows. */
    @Column(name = "RHO_SPENT", nullable = false)
    private double rhoSpent;

    @Column(name = "EXPORTS", nullable = false)
    private long exports;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected PrivacyLedgerEntity() {
    }

    PrivacyLedgerEntity(String journalId, String cid) {
        this.journalId = journalId;
        this.cid = cid;
    }

    public String getJournalId() {
        return journalId;
    }

    public String getCid() {
        return cid;
    }

    public String getSettingsJson() {
        return settingsJson;
    }

    public double getRhoSpent() {
        return rhoSpent;
    }

    public long getExports() {
        return exports;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void setSettings(String settingsJson, Instant now) {
        this.settingsJson = settingsJson;
        this.updatedAt = now;
    }
}
