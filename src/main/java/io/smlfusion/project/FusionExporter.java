package io.smlfusion.project;

import io.smlfusion.disclosure.ExportRelease;

/**
 * The {@code export} of a project that holds no statistics of its own — a fusion, whose snapshot is
 * its current merge. The fusion package implements it, so the dependency runs from fusion to
 * project, as for {@link ModelStorage}.
 */
public interface FusionExporter {

    /** The snapshot of {@code fusion}, in the format of a cell's export. */
    ExportRelease export(Project fusion);
}
