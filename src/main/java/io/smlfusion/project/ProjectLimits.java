package io.smlfusion.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.engine.stats.Footprint;
import io.smlfusion.ingest.FrameOptions;

/**
 * The configured size limits of projects, in one place for every part of the server that makes
 * or receives statistics (learn, merge, import; a fusion's merge of its cells).
 */
@ApplicationScoped
public class ProjectLimits {

    /** Attributes of one project, categories expanded ({@code T} column {@code u} → {@code u$value} each). */
    public static final String MAX_ATTRIBUTES = "smlfusion.project.max.attributes";
    /** Memory of the statistics of one customer's projects in memory. */
    public static final String CUSTOMER_MAX_BYTES = "smlfusion.customer.max.bytes";

    /**
     * 2,000 attributes: one moment block then takes 48 MB ({@link Footprint#blockBytes}); 30,000
     * would take 10.8 GB.
     */
    @Inject
    @ConfigProperty(name = MAX_ATTRIBUTES, defaultValue = "2000")
    int maxAttributes;

    /**
     * 256 MiB: five projects at the attribute limit, or one with four partitions. A customer at
     * its budget, the transient copies of an export of its largest project (4 × 48 MB) and Liberty
     * itself (about 300 MB) fit in a 1 GiB heap; raise it with the heap, lower it with the number
     * of customers sharing one.
     */
    @Inject
    @ConfigProperty(name = CUSTOMER_MAX_BYTES, defaultValue = "268435456")
    long customerMaxBytes;

    public ProjectLimits() {
    }

    /** For unit tests. */
    ProjectLimits(int maxAttributes, long customerMaxBytes) {
        this.maxAttributes = maxAttributes;
        this.customerMaxBytes = customerMaxBytes;
    }

    public int maxAttributes() {
        return maxAttributes;
    }

    public long customerMaxBytes() {
        return customerMaxBytes;
    }

    /**
     * How a project reads DataFrames: no DataFrame alone may be wider than a project may be, nor
     * expand into rows larger than a customer's whole budget.
     */
    FrameOptions frameOptions(String partitionColumn) {
        return new FrameOptions(partitionColumn, new FrameOptions.Limit(maxAttributes, MAX_ATTRIBUTES),
                new FrameOptions.Limit(customerMaxBytes, CUSTOMER_MAX_BYTES));
    }
}
