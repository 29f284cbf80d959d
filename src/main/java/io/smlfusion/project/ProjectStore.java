package io.smlfusion.project;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.fusion.FusionProject;
import io.smlfusion.fusion.FusionProjects;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.persistence.JournalEntryEntity;
import io.smlfusion.persistence.JournalPosition;
import io.smlfusion.persistence.JournalRepository;
import io.smlfusion.persistence.ProjectEntity;
import io.smlfusion.persistence.ProjectRepository;

/**
 * Writes projects to the database and reads them back: a cell project's statistics in the binary
 * snapshot format, a fusion's cell list sealed by {@link FusionProjects} (its merge is re-fetched),
 * and the models of either through {@link ModelStorage}. Renaming and deleting a project renames and
 * deletes its models in the same transaction. A cell project's acknowledged changes that its
 * snapshot does not hold yet are in the journal ({@code journal.ProjectJournal}): saving deletes
 * the entries the new snapshot holds, loading replays the others.
 */
@ApplicationScoped
public class ProjectStore {

    @Inject
    ProjectRepository repository;

    @Inject
    FusionProjects fusions;

    @Inject
    ModelStorage models;

    @Inject
    JournalRepository journal;

    /**
     * Saves a consistent state: header and statistics are read under the project's read lock, and
     * a cell project's journal entries up to that state are deleted in the same transaction.
     */
    public void save(Project project) {
        ProjectHeader header = project.header();
        FusionProject fusion = project instanceof FusionProject f ? f : null;
        SavedState state = fusion == null ? project.read(s -> new SavedState(StatisticsCodec.encode(s), project.version())) : null;
        JournalPosition position = project instanceof CellProject cell ? new JournalPosition(cell.journalId(), state.version()) : null;
        String sealedCells = fusion == null ? null : fusions.seal(fusion);
        ProjectSettings settings = header.settings();
        repository.save(header.cid(), header.pid(), position, entity -> {
            entity.update(settings.type().wireName(), settings.histogramEnabled(), header.frozen(),
                    optionsJson(settings.options()), header.created(), header.lastModified(),
                    state == null ? null : state.snapshot());
            entity.setSealedFusionCells(sealedCells);
        });
    }

    /** Writes the project's models, replacing the stored ones (the project row is written by {@link #save}). */
    public void saveModels(Project project) {
        models.saveAll(project.header().cid(), project.header().pid(), project.models());
    }

    /** The project with its models; a cell project with the journal entries its snapshot does not hold. */
    public Optional<Project> load(String cid, String pid) {
        return repository.find(cid, pid).map(entity -> {
            ProjectSettings settings = new ProjectSettings(ProjectType.fromWireName(entity.getType()), true,
                    entity.isHistogramEnabled(), options(entity.getOptionsJson()));
            Project project = settings.type() == ProjectType.FUSION
                    ? fusions.restore(header(entity, settings, entity.getModifiedAt()), entity.getSealedFusionCells())
                    : restoreCell(entity, settings);
            models.restoreInto(cid, pid, project.models());
            return project;
        });
    }

    /**
     * The stored snapshot plus, in sequence order, every journal entry after it: each
     * acknowledged change exactly once (the snapshot names the last entry it holds). The replayed
     * entries are folded into the snapshot at once; a row of an older release gets its journal id.
     */
    private CellProject restoreCell(ProjectEntity entity, ProjectSettings settings) {
        ProjectStatistics statistics = decodeStored(entity.getCid(), entity.getPid(), entity.getSnapshot());
        JournalPosition stored = entity.getJournalPosition();
        List<JournalEntryEntity> entries = stored == null ? List.of() : journal.after(stored);
        JournalPosition position = stored == null ? new JournalPosition(UUID.randomUUID().toString(), 0) : stored;
        Instant modified = entity.getModifiedAt();
        for (JournalEntryEntity entry : entries) {
            replay(entity, entry, statistics);
            position = new JournalPosition(position.journalId(), entry.getSequence());
            modified = entry.getAppliedAt().isAfter(modified) ? entry.getAppliedAt() : modified;
        }
        CellProject project = new CellProject(header(entity, settings, modified), statistics, position.journalId(),
                position.sequence());
        if (stored == null || !entries.isEmpty()) {
            save(project);
        }
        return project;
    }

    private static void replay(ProjectEntity project, JournalEntryEntity entry, ProjectStatistics statistics) {
        try {
            StatisticsChange.Kind.valueOf(entry.getKind()).applyTo(statistics, StatisticsCodec.decode(entry.getRows()));
        } catch (SnapshotFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("Journal entry " + entry.getSequence() + " of project [" + project.getPid()
                    + "] of customer [" + project.getCid() + "] cannot be replayed (nothing was changed or deleted): "
                    + e.getMessage(), e);
        }
    }

    private static ProjectStatistics decodeStored(String cid, String pid, byte[] snapshot) {
        try {
            return StatisticsCodec.decodeStored(snapshot);
        } catch (SnapshotFormatException e) {
            throw new IllegalStateException("Stored snapshot of project [" + pid + "] of customer [" + cid
                    + "] cannot be read: " + e.getMessage(), e);
        }
    }

    private static ProjectHeader header(ProjectEntity entity, ProjectSettings settings, Instant modified) {
        return new ProjectHeader(entity.getCid(), entity.getPid(), settings, entity.getCreatedAt(), modified,
                entity.isFrozen());
    }

    public List<String> pids(String cid) {
        return repository.pids(cid);
    }

    public boolean exists(String cid, String pid) {
        return repository.find(cid, pid).isPresent();
    }

    public void rename(String cid, String pid, String newPid) {
        repository.rename(cid, pid, newPid);
    }

    public void delete(String cid, String pid) {
        repository.delete(cid, pid);
    }

    private record SavedState(byte[] snapshot, long version) {
    }

    private static String optionsJson(Map<String, String> options) {
        JsonObjectBuilder json = JsonFactory.createObjectBuilder();
        options.forEach(json::add);
        return json.build().toString();
    }

    private static Map<String, String> options(String json) {
        Map<String, String> options = new LinkedHashMap<>();
        try (var reader = JsonFactory.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> options.put(key, ((JsonString) value).getString()));
        }
        return options;
    }
}
