package io.smlfusion.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Export-only keys in the database, beside the customers they belong to. */
@ApplicationScoped
public class ExportKeyRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /** Transactional for a fresh persistence context, as {@link CustomerRepository#find}: a key revoked a moment ago is gone. */
    @Transactional
    public Optional<ExportKeyEntity> find(String keyId) {
        return Optional.ofNullable(em.find(ExportKeyEntity.class, keyId));
    }

    @Transactional
    public List<ExportKeyEntity> ofOwner(String owner) {
        return em.createQuery("SELECT k FROM ExportKeyEntity k WHERE k.owner = :owner ORDER BY k.createdAt, k.keyId", ExportKeyEntity.class)
                .setParameter("owner", owner).getResultList();
    }

    @Transactional
    public long countOfOwner(String owner) {
        return em.createQuery("SELECT COUNT(k) FROM ExportKeyEntity k WHERE k.owner = :owner", Long.class)
                .setParameter("owner", owner).getSingleResult();
    }

    @Transactional
    public void insert(ExportKeyEntity key) {
        em.persist(key);
    }

    /** @return false when {@code owner} has no key {@code keyId} */
    @Transactional
    public boolean delete(String owner, String keyId) {
        ExportKeyEntity key = em.find(ExportKeyEntity.class, keyId);
        if (key == null || !key.getOwner().equals(owner)) {
            return false;
        }
        em.remove(key);
        return true;
    }
}
