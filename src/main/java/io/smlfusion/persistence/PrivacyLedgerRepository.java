package io.smlfusion.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The privacy ledger of cell projects ({@link PrivacyLedgerEntity}): settings, and the budget spent. */
@ApplicationScoped
public class PrivacyLedgerRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /** Transactional for a fresh persistence context on every read (see {@link CustomerRepository#find}). */
    @Transactional
    public Optional<PrivacyLedgerEntity> find(String journalId) {
        return Optional.ofNullable(em.find(PrivacyLedgerEntity.class, journalId));
    }

    /** Stores the settings of the project with {@code journalId}; what it has spent is kept. */
    @Transactional
    public void saveSettings(String journalId, String cid, String settingsJson, Instant now) {
        PrivacyLedgerEntity entity = em.find(PrivacyLedgerEntity.class, journalId);
        if (entity == null) {
            entity = new PrivacyLedgerEntity(journalId, cid);
            entity.setSettings(settingsJson, now);
            em.persist(entity);
        } else {
            entity.setSettings(settingsJson, now);
        }
    }

    /**
     * Adds {@code rho} to what the project spent, unless that would pass {@code limit}: one
     * conditional UPDATE, so concurrent exports (of one server or of several sharing the database)
     * never spend more than the limit together, and the spending is committed before the caller
     * releases anything.
     *
     * @return false, changing nothing, when the budget does not allow it
     */
    @Transactional
    public boolean spend(String journalId, double rho, double limit, Instant now) {
        return em.createQuery("UPDATE PrivacyLedgerEntity l SET l.rhoSpent = l.rhoSpent + :rho, l.exports = l.exports + 1,"
                        + " l.updatedAt = :now WHERE l.journalId = :id AND l.rhoSpent + :rho <= :limit")
                .setParameter("rho", rho).setParameter("limit", limit).setParameter("now", now)
                .setParameter("id", journalId).executeUpdate() == 1;
    }

    /** Deletes the ledger of a project's journal, inside the caller's transaction (the project's delete). */
    static void deleteAll(EntityManager em, String journalId) {
        em.createQuery("DELETE FROM PrivacyLedgerEntity l WHERE l.journalId = :id").setParameter("id", journalId).executeUpdate();
    }
}
