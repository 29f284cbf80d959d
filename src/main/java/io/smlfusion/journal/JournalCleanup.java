package io.smlfusion.journal;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smlfusion.persistence.JournalRepository;

/**
 * At start, before the first request, deletes journal entries whose project is gone: a learn
 * acknowledged while its project was being deleted leaves one behind. Entries of existing
 * projects are replayed when the project is first used.
 */
@ApplicationScoped
public class JournalCleanup {

    private static final Logger LOG = Logger.getLogger(JournalCleanup.class.getName());

    @Inject
    JournalRepository repository;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            int deleted = repository.deleteOrphans();
            if (deleted > 0) {
                LOG.info("Deleted " + deleted + " journal entries of deleted projects");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not clean the journal of deleted projects; trying again at the next start", e);
        }
    }
}
