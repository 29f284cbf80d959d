package io.smlfusion.project;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.smlfusion.engine.stats.ProjectStatistics;

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

    /** The models built on (or imported into) this project; a fusion's models predict without calling any cell. */
    ProjectModels models();

    /**
     * Adds what only this kind of project reports to its {@code smlInfo} (spec §4.5), after the
     * common fields: {@code info} is the entity, {@code params} its {@code params} map. Nothing by
     * default; a fusion adds its encrypted cell list, fetch error and provenance.
     */
    default void describe(Map<String, Object> info, Map<String, String> params) {
    }

    /**
     * The parts of this project that did not answer its last read, for messages that would otherwise
     * blame the data: a fusion names its failed cells ({@code host cid=… pid=…: STATUS (reason)});
     * empty for a project that holds its own statistics.
     */
    default Optional<String> failedParts() {
        return Optional.empty();
    }
}
