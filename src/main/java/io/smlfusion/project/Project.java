package io.smlfusion.project;

import java.util.function.Function;

import io.smlfusion.stats.ProjectStatistics;

/**
 * The seam every reader (info, exploration, modelling, prediction) goes through: a cell project
 * answers from the rows it learned, a fusion project from the merge of its cells. Readers never
 * need to know which one they hold.
 */
public interface Project {

    ProjectHeader header();

    /**
     * Runs {@code reader} on a consistent state of the statistics: never half of a DataFrame. The
     * reader must not keep or modify the object it is given.
     */
    <T> T read(Function<ProjectStatistics, T> reader);

    /** Increases with every change of the statistics; tells autosave and caches that something changed. */
    long version();
}
