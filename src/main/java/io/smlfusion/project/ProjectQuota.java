package io.smlfusion.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.engine.stats.Footprint;

/**
 * Admits the growth of a project's statistics before anything is allocated for it: at most
 * {@link ProjectLimits#MAX_ATTRIBUTES} attributes per project, and for each customer at most
 * {@link ProjectLimits#CUSTOMER_MAX_BYTES} over the statistics of its cell projects in memory.
 *
 * <p>Only growth is checked, so a project stored before a limit was lowered keeps learning the
 * attributes it has. Growth of one customer is admitted under that customer's monitor, which no
 * one holds while waiting for a project's lock; the project's reserved size is published before
 * the monitor is released, so two growing learns never both take the last free bytes.
 */
@ApplicationScoped
public class ProjectQuota {

    @Inject
    ProjectLimits limits;

    @Inject
    ProjectRegistry registry;

    private final Map<String, Object> customerMonitors = new ConcurrentHashMap<>();

    public ProjectQuota() {
    }

    /** For unit tests. */
    ProjectQuota(ProjectLimits limits, ProjectRegistry registry) {
        this.limits = limits;
        this.registry = registry;
    }

    /**
     * Called under the project's write lock, before a learn or merge: admits the growth and reserves
     * it, so a concurrent growth of the same customer sees it.
     *
     * @throws QuotaExceededException naming the limit; the project then stays as it was
     */
    void admit(CellProject project, Footprint before, Footprint after) {
        requireWithinLimits(project, before, after, true);
    }

    /**
     * The same test without reserving anything: a learn asks it before it summarises its rows, since
     * the summary alone is as large as the growth.
     *
     * @throws QuotaExceededException naming the limit
     */
    void check(CellProject project, Footprint before, Footprint after) {
        requireWithinLimits(project, before, after, false);
    }

    private void requireWithinLimits(CellProject project, Footprint before, Footprint after, boolean reserve) {
        String pid = project.header().pid();
        if (after.attributes() > before.attributes() && after.attributes() > limits.maxAttributes()) {
            throw new QuotaExceededException("Project [" + pid + "] would have " + after.attributes()
                    + " attributes (categories expanded); the limit is " + limits.maxAttributes()
                    + " (" + ProjectLimits.MAX_ATTRIBUTES + ")");
        }
        long growth = after.bytes() - before.bytes();
        if (growth <= 0) {
            return;
        }
        String cid = project.header().cid();
        synchronized (monitor(cid)) {
            requireRoom(cid, "Project [" + pid + "] would grow by " + growth + " bytes", growth);
            if (reserve) {
                project.reserve(after.bytes());
            }
        }
    }

    /**
     * Before a project made elsewhere (an import) is registered.
     *
     * @throws QuotaExceededException naming the limit
     */
    void admitNew(String cid, String pid, Footprint footprint) {
        if (footprint.attributes() > limits.maxAttributes()) {
            throw new QuotaExceededException("Project [" + pid + "] has " + footprint.attributes()
                    + " attributes; the limit is " + limits.maxAttributes() + " (" + ProjectLimits.MAX_ATTRIBUTES + ")");
        }
        synchronized (monitor(cid)) {
            requireRoom(cid, "Project [" + pid + "] takes " + footprint.bytes() + " bytes", footprint.bytes());
        }
    }

    /** The statistics of the customer's cell projects in memory, as last published. */
    long used(String cid) {
        return registry.all(cid).stream().mapToLong(p -> p instanceof CellProject cell ? cell.footprintBytes() : 0).sum();
    }

    private void requireRoom(String cid, String what, long more) {
        long used = used(cid);
        if (used + more > limits.customerMaxBytes()) {
            throw new QuotaExceededException(what + ", but customer [" + cid + "] already uses " + used
                    + " of its " + limits.customerMaxBytes() + " bytes for project statistics ("
                    + ProjectLimits.CUSTOMER_MAX_BYTES + "); delete or unload projects, or ask the operator for more");
        }
    }

    private Object monitor(String cid) {
        return customerMonitors.computeIfAbsent(cid, c -> new Object());
    }
}
