package io.smlfusion.project;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Saves persisted projects after updates without making learners wait for the disk: an update
 * only marks the project; one save per project runs at most every
 * {@code smlfusion.autosave.delay.ms} and writes whatever state the project has by then, so a
 * burst of learns costs one write.
 */
@ApplicationScoped
public class ProjectAutosave {

    private static final Logger LOG = Logger.getLogger(ProjectAutosave.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ProjectStore store;

    @Inject
    ProjectRegistry registry;

    @Inject
    @ConfigProperty(name = "smlfusion.autosave.delay.ms", defaultValue = "1000")
    long delayMs;

    private final Set<CellProject> pending = ConcurrentHashMap.newKeySet();

    public void changed(CellProject project) {
        ProjectSettings settings = project.header().settings();
        if (settings.persisted() && settings.autoSave() && pending.add(project)) {
            scheduler.schedule(() -> save(project), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void save(CellProject project) {
        pending.remove(project);
        ProjectHeader header = project.header();
        if (registry.get(header.cid(), header.pid()).orElse(null) != project) {
            return; // deleted or unloaded meanwhile: nothing to keep
        }
        try {
            store.save(project);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Autosave of project [" + project.header().pid() + "] of customer ["
                    + project.header().cid() + "] failed; the previous saved version is kept", e);
        }
    }
}
