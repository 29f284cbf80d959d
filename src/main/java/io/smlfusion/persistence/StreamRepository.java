package io.smlfusion.persistence;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The stream definitions of persisted cell projects and the offsets their statistics hold. Offsets
 * that travel with statistics are written by {@link JournalRepository#append}; this writes those
 * of records that changed no statistics (all skipped).
 */
@ApplicationScoped
public class StreamRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    @Transactional
    public List<StreamDefinitionEntity> all() {
        return em.createQuery("SELECT s FROM StreamDefinitionEntity s", StreamDefinitionEntity.class).getResultList();
    }

    @Transactional
    public void save(StreamDefinitionEntity definition) {
        em.merge(definition);
    }

    @Transactional
    public void setRunning(String cid, String pid, String streamId, boolean running) {
        StreamDefinitionEntity stored = em.find(StreamDefinitionEntity.class, new StreamDefinitionKey(cid, pid, streamId));
        if (stored != null) {
            stored.setRunning(running);
        }
    }

    /** Deletes the definition and, unless {@code journalId} is null, the offsets of the stream in that journal. */
    @Transactional
    public void delete(String cid, String pid, String streamId, String journalId) {
        StreamDefinitionEntity stored = em.find(StreamDefinitionEntity.class, new StreamDefinitionKey(cid, pid, streamId));
        if (stored != null) {
            em.remove(stored);
        }
        if (journalId != null) {
            em.createQuery("DELETE FROM StreamOffsetEntity o WHERE o.journalId = :id AND o.streamId = :sid")
                    .setParameter("id", journalId).setParameter("sid", streamId).executeUpdate();
        }
    }

    /** partition → the offset of the first record the project's statistics do not hold */
    @Transactional
    public Map<Integer, Long> offsets(String journalId, String streamId) {
        return em.createQuery("SELECT o FROM StreamOffsetEntity o WHERE o.journalId = :id AND o.streamId = :sid",
                        StreamOffsetEntity.class)
                .setParameter("id", journalId).setParameter("sid", streamId).getResultList().stream()
                .collect(Collectors.toMap(StreamOffsetEntity::getPartition, StreamOffsetEntity::getNextOffset));
    }

    @Transactional
    public void saveOffsets(List<StreamOffsetEntity> offsets) {
        offsets.forEach(em::merge);
    }

    /** Deletes a project's stream offsets, in the caller's transaction. */
    static void deleteOffsets(EntityManager em, String journalId) {
        em.createQuery("DELETE FROM StreamOffsetEntity o WHERE o.journalId = :id").setParameter("id", journalId).executeUpdate();
    }
}
