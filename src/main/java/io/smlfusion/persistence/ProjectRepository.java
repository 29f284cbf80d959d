package io.smlfusion.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Persisted projects: one row each, found by (customer, project id), with their journal entries. */
@ApplicationScoped
public class ProjectRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /** Transactional for a fresh persistence context on every read (see {@link CustomerRepository#find}). */
    @Transactional
    public Optional<ProjectEntity> find(String cid, String pid) {
        return Optional.ofNullable(em.find(ProjectEntity.class, new ProjectKey(cid, pid)));
    }

    public List<String> pids(String cid) {
        return em.createQuery("SELECT p.pid FROM ProjectEntity p WHERE p.cid = :cid ORDER BY p.pid", String.class)
                .setParameter("cid", cid).getResultList();
    }

    /**
     * Inserts or replaces the row of (cid, pid) and deletes the journal entries its snapshot holds
     * (up to {@code position}, null for a project without a journal), in one transaction. A save
     * that would go back in the journal (an older state saved late) leaves the row as it is.
     */
    @Transactional
    public void save(String cid, String pid, JournalPosition position, SaveContent content) {
        ProjectEntity entity = find(cid, pid).orElseGet(() -> {
            ProjectEntity created = new ProjectEntity(cid, pid);
            em.persist(created);
            return created;
        });
        if (entity.isAheadOf(position)) {
            return;
        }
        content.copyInto(entity);
        entity.setJournalPosition(position);
        if (position != null) {
            JournalRepository.deleteFolded(em, position);
        }
    }

    /** Moves the project and its models to {@code newPid}, in one transaction. */
    @Transactional
    public boolean rename(String cid, String pid, String newPid) {
        Optional<ProjectEntity> entity = find(cid, pid);
        entity.ifPresent(old -> {
            em.persist(old.renamedTo(newPid));
            em.remove(old);
            ModelRepository.renameAll(em, cid, pid, newPid);
        });
        return entity.isPresent();
    }

    /** Deletes the project, its journal, its privacy ledger, its stream offsets and its models, in one transaction. */
    @Transactional
    public boolean delete(String cid, String pid) {
        Optional<ProjectEntity> entity = find(cid, pid);
        entity.ifPresent(row -> {
            em.remove(row);
            if (row.getJournalPosition() != null) {
                JournalRepository.deleteAll(em, row.getJournalPosition().journalId());
                PrivacyLedgerRepository.deleteAll(em, row.getJournalPosition().journalId());
                StreamRepository.deleteOffsets(em, row.getJournalPosition().journalId());
            }
        });
        ModelRepository.deleteAll(em, cid, pid);
        return entity.isPresent();
    }

    /** What a save writes, filled by the caller outside the transaction. */
    @FunctionalInterface
    public interface SaveContent {
        void copyInto(ProjectEntity entity);
    }
}
