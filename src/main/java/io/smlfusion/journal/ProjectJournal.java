package io.smlfusion.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.journal.GroupCommit.Ticket;
import io.smlfusion.persistence.JournalEntryEntity;
import io.smlfusion.persistence.JournalRepository;
import io.smlfusion.persistence.StreamRepository;
import io.smlfusion.project.CellProject;
import io.smlfusion.project.ProjectQuota;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.project.StatisticsChange;

/**
 * The write-ahead journal that makes an acknowledged change of a persisted project durable before
 * it is acknowledged: learn, forget and merge return only once the statistics of the rows they
 * added or removed (O(p²) bytes, whatever the number of rows) are committed to the database, in
 * batches shared by concurrent learners ({@link GroupCommit}). Autosave folds the entries into the
 * project's snapshot; loading a project replays the entries its snapshot does not hold.
 * Projects without {@code persist}, or with {@code sml_project_autosave=false}, are not journaled.
 */
@ApplicationScoped
public class ProjectJournal {

    private static final Logger LOG = Logger.getLogger(ProjectJournal.class.getName());

    @Inject
    JournalRepository repository;

    @Inject
    StreamRepository streams;

    @Inject
    @ConfigProperty(name = "smlfusion.journal.batch.max.entries", defaultValue = "256")
    int maxBatch;

    private GroupCommit<StatisticsChangeOf> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>(this::write, maxBatch);
    }

    public void learn(CellProject project, DataBlock block, Instant now, ProjectQuota quota) {
        learn(project, block, now, quota, ConsumedOffsets.NONE);
    }

    /**
     * Learns rows a stream consumed; the offsets after them are written in the transaction of their
     * journal entry, so statistics and offsets never disagree after a crash (exactly once).
     *
     * @return whether the offsets are durable with the rows (false: the project has no journal)
     */
    public boolean learn(CellProject project, DataBlock block, Instant now, ProjectQuota quota, ConsumedOffsets consumed) {
        Ticket<StatisticsChangeOf> ticket = project.learn(block, now, quota, change -> enqueue(project, change, consumed));
        awaitDurable(project, ticket, now);
        return ticket != null;
    }

    /**
     * Stores the offsets after records that changed no statistics (all of them skipped), when the
     * project has a journal.
     *
     * @return whether they were stored
     */
    public boolean consumed(CellProject project, ConsumedOffsets consumed) {
        if (!journaled(project)) {
            return false;
        }
        streams.saveOffsets(consumed.entities(project.journalId()));
        return true;
    }

    /** partition → the offset of the first record of stream {@code streamId} the project's statistics do not hold */
    public Map<Integer, Long> consumedOffsets(CellProject project, String streamId) {
        return journaled(project) ? streams.offsets(project.journalId(), streamId) : Map.of();
    }

    public void forget(CellProject project, DataBlock block, Instant now) {
        awaitDurable(project, project.forget(block, now, change -> enqueue(project, change)), now);
    }

    /** Adds {@code copy} (another project's statistics, copied) into {@code project}. */
    public void merge(CellProject project, ProjectStatistics copy, Instant now, ProjectQuota quota) {
        awaitDurable(project, project.mergeFrom(copy, now, quota, change -> enqueue(project, change)), now);
    }

    /** Runs under the project's write lock: queue order is the order of the project's changes. */
    private Ticket<StatisticsChangeOf> enqueue(CellProject project, StatisticsChange change) {
        return enqueue(project, change, ConsumedOffsets.NONE);
    }

    private Ticket<StatisticsChangeOf> enqueue(CellProject project, StatisticsChange change, ConsumedOffsets consumed) {
        return journaled(project) ? commits.enqueue(new StatisticsChangeOf(project.journalId(), change, consumed)) : null;
    }

    private static boolean journaled(CellProject project) {
        ProjectSettings settings = project.header().settings();
        return settings.persisted() && settings.autoSave();
    }

    private void awaitDurable(CellProject project, Ticket<StatisticsChangeOf> ticket, Instant now) {
        if (ticket == null) {
            return;
        }
        try {
            commits.await(ticket);
        } catch (JournalWriteException e) {
            LOG.log(Level.SEVERE, "Journal write for project [" + project.header().pid() + "] of customer ["
                    + project.header().cid() + "] failed; the change is undone and refused", e.getCause());
            try {
                project.revert(ticket.entry().change(), now);
            } catch (RuntimeException revertFailed) {
                LOG.log(Level.SEVERE, "The change that could not be journaled could not be undone either: project ["
                        + project.header().pid() + "] holds it in memory until it is reloaded", revertFailed);
            }
            throw e;
        }
    }

    private void write(List<StatisticsChangeOf> batch) {
        repository.append(batch.stream().map(ProjectJournal::entry).toList(),
                batch.stream().flatMap(of -> of.consumed().entities(of.journalId()).stream()).toList());
    }

    private static JournalEntryEntity entry(StatisticsChangeOf of) {
        StatisticsChange change = of.change();
        return new JournalEntryEntity(of.journalId(), change.sequence(), change.kind().name(), change.at(),
                StatisticsCodec.encode(change.rows()));
    }

    /** A change, the journal it goes to and the stream offsets that travel with it. */
    record StatisticsChangeOf(String journalId, StatisticsChange change, ConsumedOffsets consumed) {
    }
}
