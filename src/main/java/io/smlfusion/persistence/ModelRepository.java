package io.smlfusion.persistence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The models of persisted projects, found by (customer, project id[, model id]). Renaming and
 * deleting a project's models happens in {@link ProjectRepository}'s transactions through
 * {@link #renameAll} and {@link #deleteAll}.
 */
@ApplicationScoped
public class ModelRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /** A project's models, oldest first. */
    @Transactional
    public List<ModelEntity> findAll(String cid, String pid) {
        return all(em, cid, pid);
    }

    /** Inserts or replaces one model row. */
    @Transactional
    public void save(ModelEntity model) {
        upsert(em, model);
    }

    /** Makes the project's rows exactly {@code models}: rows of other ids are deleted. One transaction. */
    @Transactional
    public void replaceAll(String cid, String pid, List<ModelEntity> models) {
        Set<String> kept = models.stream().map(ModelEntity::getModelId).collect(Collectors.toSet());
        all(em, cid, pid).stream().filter(row -> !kept.contains(row.getModelId())).forEach(em::remove);
        models.forEach(model -> upsert(em, model));
    }

    @Transactional
    public boolean delete(String cid, String pid, String modelId) {
        ModelEntity row = em.find(ModelEntity.class, new ModelKey(cid, pid, modelId));
        if (row != null) {
            em.remove(row);
        }
        return row != null;
    }

    /** Moves a project's models to {@code newPid}, in the caller's transaction. */
    static void renameAll(EntityManager em, String cid, String pid, String newPid) {
        for (ModelEntity row : all(em, cid, pid)) {
            em.persist(row.renamedTo(newPid));
            em.remove(row);
        }
    }

    /** Deletes a project's models, in the caller's transaction. */
    static void deleteAll(EntityManager em, String cid, String pid) {
        all(em, cid, pid).forEach(em::remove);
    }

    private static List<ModelEntity> all(EntityManager em, String cid, String pid) {
        return em.createQuery("SELECT m FROM ModelEntity m WHERE m.cid = :cid AND m.pid = :pid"
                        + " ORDER BY m.createdAt, m.modelId", ModelEntity.class)
                .setParameter("cid", cid).setParameter("pid", pid).getResultList();
    }

    private static void upsert(EntityManager em, ModelEntity model) {
        ModelEntity row = em.find(ModelEntity.class, new ModelKey(model.getCid(), model.getPid(), model.getModelId()));
        if (row == null) {
            em.persist(model);
        } else {
            row.update(model.getAlgorithm(), model.getCreatedAt(), model.getBuildTimeNanos(), model.getMetadataJson(),
                    model.getModel());
        }
    }
}
