package io.smlfusion.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The write-ahead journal of persisted projects. Entries are appended in batches (one transaction,
 * one commit for many learners), replayed in sequence order after the snapshot that does not hold
 * them, and deleted by the snapshot save that does ({@link ProjectRepository#save}, through
 * {@link #deleteFolded}, in its transaction).
 */
@ApplicationScoped
public class JournalRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /**
     * Inserts the entries, and stores the stream offsets that travel with them, in one transaction:
     * all of them are durable when this returns, or none.
     */
    @Transactional
    public void append(List<JournalEntryEntity> entries, List<StreamOffsetEntity> offsets) {
        entries.forEach(em::persist);
        offsets.forEach(em::merge);
    }

    /** The entries after {@code position}, oldest first. */
    @Transactional
    public List<JournalEntryEntity> after(JournalPosition position) {
        return em.createQuery("SELECT e FROM JournalEntryEntity e WHERE e.journalId = :id AND e.sequence > :seq"
                        + " ORDER BY e.sequence", JournalEntryEntity.class)
                .setParameter("id", position.journalId()).setParameter("seq", position.sequence())
                .getResultList();
    }

    /**
     * Deletes entries whose project is gone (deleted while a learn was being acknowledged). Run at
     * start, before any request can create a project whose first entry precedes its row.
     */
    @Transactional
    public int deleteOrphans() {
        return em.createQuery("DELETE FROM JournalEntryEntity e WHERE NOT EXISTS"
                + " (SELECT p FROM ProjectEntity p WHERE p.journalId = e.journalId)").executeUpdate();
    }

    /** Deletes the entries a snapshot at {@code position} holds, in the caller's transaction. */
    static void deleteFolded(EntityManager em, JournalPosition position) {
        em.createQuery("DELETE FROM JournalEntryEntity e WHERE e.journalId = :id AND e.sequence <= :seq")
                .setParameter("id", position.journalId()).setParameter("seq", position.sequence())
                .executeUpdate();
    }

    /** Deletes a project's entries, in the caller's transaction. */
    static void deleteAll(EntityManager em, String journalId) {
        em.createQuery("DELETE FROM JournalEntryEntity e WHERE e.journalId = :id")
                .setParameter("id", journalId).executeUpdate();
    }
}
