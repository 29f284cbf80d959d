package io.smlfusion.project;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import io.smlfusion.fusion.FusionProject;
import io.smlfusion.fusion.FusionProjects;
import io.smlfusion.modelling.ModelStore;
import io.smlfusion.persistence.ProjectRepository;
import io.smlfusion.stats.ProjectStatistics;
import io.smlfusion.stats.SnapshotFormatException;
import io.smlfusion.stats.StatisticsCodec;

/**
 * Writes projects to the database and reads them back: a cell project's statistics in the binary
 * snapshot format, a fusion's cell list sealed by {@link FusionProjects} (its merge is re-fetched),
 * and the models of either through {@link ModelStore}. Renaming and deleting a project renames and
 * deletes its models in the same transaction.
 */
@ApplicationScoped
public class ProjectStore {

    @Inject
    ProjectRepository repository;

    @Inject
    FusionProjects fusions;

    @Inject
    ModelStore models;

    /** Saves a consistent state: header and statistics are read under the project's read lock. */
    public void save(Project project) {
        ProjectHeader header = project.header();
        FusionProject fusion = project instanceof FusionProject f ? f : null;
        byte[] snapshot = fusion == null ? project.read(StatisticsCodec::encode) : null;
        String sealedCells = fusion == null ? null : fusions.seal(fusion);
        ProjectSettings settings = header.settings();
        repository.save(header.cid(), header.pid(), entity -> {
            entity.update(settings.type().wireName(), settings.histogramEnabled(), header.frozen(),
                    optionsJson(settings.options()), header.created(), header.lastModified(), snapshot);
            entity.setSealedFusionCells(sealedCells);
        });
    }

    /** Writes the project's models, replacing the stored ones (the project row is written by {@link #save}). */
    public void saveModels(Project project) {
        models.saveAll(project.header().cid(), project.header().pid(), project.models());
    }

    /** The project with its models. */
    public Optional<Project> load(String cid, String pid) {
        return repository.find(cid, pid).map(entity -> {
            ProjectSettings settings = new ProjectSettings(ProjectType.fromWireName(entity.getType()), true,
                    entity.isHistogramEnabled(), options(entity.getOptionsJson()));
            ProjectHeader header = new ProjectHeader(cid, pid, settings, entity.getCreatedAt(), entity.getModifiedAt(),
                    entity.isFrozen());
            Project project = settings.type() == ProjectType.FUSION
                    ? fusions.restore(header, entity.getSealedFusionCells())
                    : new CellProject(header, decodeStored(cid, pid, entity.getSnapshot()));
            models.restoreInto(cid, pid, project.models());
            return project;
        });
    }

    private static ProjectStatistics decodeStored(String cid, String pid, byte[] snapshot) {
        try {
            return StatisticsCodec.decodeStored(snapshot);
        } catch (SnapshotFormatException e) {
            throw new IllegalStateException("Stored snapshot of project [" + pid + "] of customer [" + cid
                    + "] cannot be read: " + e.getMessage(), e);
        }
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

    private static String optionsJson(Map<String, String> options) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        options.forEach(json::add);
        return json.build().toString();
    }

    private static Map<String, String> options(String json) {
        Map<String, String> options = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> options.put(key, ((JsonString) value).getString()));
        }
        return options;
    }
}
