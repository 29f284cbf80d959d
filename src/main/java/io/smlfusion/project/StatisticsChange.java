package io.smlfusion.project;

import java.time.Instant;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * One change of a cell project's statistics as it was applied: the statistics of the rows it added
 * or removed ({@code rows}, never modified once made), and its place in the project's order of
 * changes ({@code sequence}, the project's {@link Project#version() version} right after it). What
 * the write-ahead journal stores, and what replays it.
 */
public record StatisticsChange(Kind kind, ProjectStatistics rows, long sequence, Instant at) {

    public enum Kind {
        /** learn, or merge of another project */
        ADD,
        /** forget */
        SUBTRACT;

        /** @throws IllegalArgumentException when the rows do not fit the statistics (see {@link ProjectStatistics}) */
        public void applyTo(ProjectStatistics statistics, ProjectStatistics rows) {
            if (this == ADD) {
                statistics.merge(rows);
            } else {
                statistics.subtract(rows);
            }
        }

        public Kind inverse() {
            return this == ADD ? SUBTRACT : ADD;
        }
    }
}
