package io.smlfusion.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link JournalEntryEntity}: a sequence number is unique per journal. */
public class JournalEntryKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String journalId;
    private long sequence;

    public JournalEntryKey() {
    }

    public JournalEntryKey(String journalId, long sequence) {
        this.journalId = journalId;
        this.sequence = sequence;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntryKey key && Objects.equals(journalId, key.journalId) && sequence == key.sequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(journalId, sequence);
    }
}
