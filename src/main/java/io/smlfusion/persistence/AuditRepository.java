package io.smlfusion.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** The audit trail's tables: written in batches, read a page at a time, pruned by age. */
@ApplicationScoped
public class AuditRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /**
     * Inserts the entries, and each merge not stored yet, in one transaction: all of them are
     * durable when this returns, or none.
     */
    @Transactional
    public void append(List<AuditEntryEntity> entries, Collection<AuditMergeEntity> merges) {
        Set<String> seen = new HashSet<>();
        for (AuditMergeEntity merge : merges) {
            if (seen.add(merge.getSha256()) && em.find(AuditMergeEntity.class, merge.getSha256()) == null) {
                em.persist(merge);
            }
        }
        entries.forEach(em::persist);
    }

    /**
     * Up to {@code limit} entries recorded in [{@code from}, {@code to}), newest first, after skipping
     * {@code offset}; only those of {@code owner}'s projects unless it is null.
     */
    @Transactional
    public List<AuditEntryEntity> page(Instant from, Instant to, String owner, int offset, int limit) {
        TypedQuery<AuditEntryEntity> query = em.createQuery("SELECT e FROM AuditEntryEntity e"
                + " WHERE e.recordedAt >= :from AND e.recordedAt < :to"
                + (owner == null ? "" : " AND e.owner = :owner")
                + " ORDER BY e.recordedAt DESC, e.id DESC", AuditEntryEntity.class)
                .setParameter("from", from).setParameter("to", to);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional
    public List<AuditMergeEntity> merges(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m FROM AuditMergeEntity m WHERE m.sha256 IN :hashes", AuditMergeEntity.class)
                .setParameter("hashes", hashes).getResultList();
    }

    /** Deletes the entries recorded before {@code cutoff}, then the merges no entry names any more. */
    @Transactional
    public int deleteBefore(Instant cutoff) {
        int deleted = em.createQuery("DELETE FROM AuditEntryEntity e WHERE e.recordedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        em.createQuery("DELETE FROM AuditMergeEntity m WHERE m.recordedAt < :cutoff AND NOT EXISTS"
                        + " (SELECT e FROM AuditEntryEntity e WHERE e.sha256 = m.sha256)")
                .setParameter("cutoff", cutoff).executeUpdate();
        return deleted;
    }
}
