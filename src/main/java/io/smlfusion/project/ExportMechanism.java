package io.smlfusion.project;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * What a new release of a cell project's export makes of its exact statistics: the statistics
 * themselves, or a noisy release when differential privacy is on for the project. The privacy
 * layer implements it, so the dependency runs from privacy to project only, as for
 * {@link ModelStorage}.
 */
public interface ExportMechanism {

    /**
     * The statistics a new release of {@code project} hands out; called under the project's read
     * lock, once per release ({@link ProjectExports}).
     *
     * @throws io.smlfusion.refusal.RequestRefused when the statistics may not be released now;
     *     nothing is released then
     */
    ProjectStatistics released(CellProject project, ProjectStatistics exact);
}
