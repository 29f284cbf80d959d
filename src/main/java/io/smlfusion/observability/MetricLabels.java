package io.smlfusion.observability;

import java.net.URI;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The labels of the server's own metrics, each bounded ({@link BoundedLabels}): a project is named
 * by {@code customer} and {@code project} for the first {@code smlfusion.metrics.projects.max}
 * projects seen, a fusion's cell by its host (scheme, host and port; never its customer, project or
 * key) for the first {@code smlfusion.metrics.cells.max} hosts. Labels never carry row values or secrets.
 */
@ApplicationScoped
public class MetricLabels {

    static final String PROJECTS_MAX_KEY = "smlfusion.metrics.projects.max";
    static final String CELLS_MAX_KEY = "smlfusion.metrics.cells.max";

    @Inject
    @ConfigProperty(name = PROJECTS_MAX_KEY, defaultValue = "100")
    int projectsMax;

    @Inject
    @ConfigProperty(name = CELLS_MAX_KEY, defaultValue = "100")
    int cellsMax;

    private BoundedLabels projects;
    private BoundedLabels cells;

    @PostConstruct
    void init() {
        projects = new BoundedLabels(projectsMax);
        cells = new BoundedLabels(cellsMax);
    }

    /** {@code customer} and {@code project}, or both {@link BoundedLabels#OTHER} past the limit. */
    public Tag[] project(String cid, String pid) {
        String labelled = projects.of(cid + "\n" + pid);
        if (labelled.equals(BoundedLabels.OTHER)) {
            return new Tag[] {new Tag("customer", BoundedLabels.OTHER), new Tag("project", BoundedLabels.OTHER)};
        }
        return new Tag[] {new Tag("customer", BoundedLabels.clean(cid)), new Tag("project", BoundedLabels.clean(pid))};
    }

    /** {@code cell}: the cell's scheme, host and port, or {@link BoundedLabels#OTHER} past the limit. */
    public Tag cell(String host) {
        return new Tag("cell", cells.of(origin(host)));
    }

    /** Scheme, host and port of a cell's base URL: no user info, path or query reaches a label. */
    static String origin(String host) {
        try {
            URI uri = URI.create(host);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "invalid";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
