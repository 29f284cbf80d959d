package io.smlfusion.fusion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectHeader;
import io.smlfusion.project.ProjectService;
import io.smlfusion.project.ProjectSettings;
import io.smlfusion.project.ProjectStore;
import io.smlfusion.project.ProjectType;
import io.smlfusion.refusal.RequestRefused;

/**
 * The fusion endpoints of spec §6.2–6.4 on plaintext cell lists (the resource decrypts and
 * encrypts): create a fusion, replace its cells, probe cells. Everything else a fusion does —
 * info, list, rename, delete, save, the refresh on read — goes through {@link ProjectService} like
 * any project.
 */
@ApplicationScoped
public class FusionService {

    @Inject
    ProjectService projects;

    @Inject
    ProjectStore store;

    @Inject
    FusionProjects fusions;

    @Inject
    FusionConfig config;

    @Inject
    CellClient cells;

    @Inject
    Clock clock;

    @Inject
    CellCallers callers;

    /** @param cellListJson the decrypted FusionCellInfoList */
    public String create(String cid, String pid, boolean persist, String cellListJson) {
        List<CellInfo> cellList = callableCells(cellListJson);
        Instant now = clock.instant();
        ProjectSettings settings = new ProjectSettings(ProjectType.FUSION, persist, false, Map.of());
        projects.add(fusions.create(new ProjectHeader(cid, pid, settings, now, now, false), cellList));
        return "Fusion Project Created with id:" + pid;
    }

    /** Replaces the whole cell list; the cached merge is dropped, so the next read fetches the new cells. */
    public void updateCells(String cid, String pid, String cellListJson) {
        FusionProject fusion = fusion(cid, pid);
        List<CellInfo> cellList = callableCells(cellListJson);
        fusion.replaceCells(cellList);
        if (fusion.header().settings().persisted()) {
            store.save(fusion);
        }
    }

    /**
     * Probes the cells of the list — not necessarily those of {@code pid}, which must only exist —
     * in parallel, with the same signed export call a refresh makes, so {@code OK} means the cell
     * would contribute to a merge. A host the allow-list refuses is reported {@code ERROR}, not
     * called; a cell that has not answered by the deadline is {@code TIMEOUT}. When {@code pid} is a
     * fusion the calls carry it as their {@link FusionPath}, so a cell that leads back to it is {@code CYCLE}.
     *
     * @return the FusionCellStatusList, in the order of the list
     */
    public String cellsStatus(String cid, String pid, String cellListJson) {
        Project project = projects.project(cid, pid);
        List<CellInfo> cellList = CellList.parse(cellListJson, config.maxCells());
        FusionPath path = project instanceof FusionProject fusion ? FusionPath.EMPTY.then(fusion.hopId()) : FusionPath.EMPTY;
        return CellList.statusJson(callers.askAll(cells.along(path), cellList, config.maxCellBytes(), Deadline.after(config.deadline())));
    }

    private FusionProject fusion(String cid, String pid) {
        Project project = projects.project(cid, pid);
        if (project instanceof FusionProject fusion) {
            return fusion;
        }
        throw RequestRefused.invalid("Project [" + pid + "] is a " + project.header().settings().type().wireName()
                + " project, not a fusion project");
    }

    private List<CellInfo> callableCells(String cellListJson) {
        List<CellInfo> cellList = CellList.parse(cellListJson, config.maxCells());
        config.hostPolicy().requireCallable(cellList);
        config.refreshPolicy().answerLimit(cellList.size()).requireRoomForASnapshot(cellList.size());
        return cellList;
    }
}
