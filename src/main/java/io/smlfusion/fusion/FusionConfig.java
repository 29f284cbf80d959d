package io.smlfusion.fusion;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The fusion tunables (README "Configuration" and "Cell calls and SSRF"), read from MicroProfile
 * Config on every use so a changed value applies to the next refresh or cell call without a restart
 * (except {@value #THREADS_KEY}, read once at start):
 * <ul>
 * <li>{@value #PREFETCH_KEY}, default 15000: minimum time between two refreshes of a fusion;</li>
 * <li>{@value #MIN_CELLS_KEY}, default 0 = all cells: how many cells must answer for a refresh to
 *     replace the merge (fewer → a labelled partial merge);</li>
 * <li>{@value #REFRESH_MODE_KEY}, default {@code wait}: see {@link RefreshPolicy.Mode};</li>
 * <li>{@value #CONNECT_TIMEOUT_KEY}, default 5000, and {@value #READ_TIMEOUT_KEY}, default 30000:
 *     per socket operation of a cell call;</li>
 * <li>{@value #DEADLINE_KEY}, default 30000: the whole cell call, and the longest a read waits for
 *     a refresh;</li>
 * <li>{@value #MAX_BYTES_KEY}, default {@link #largestPlainSnapshot} of
 *     {@value #MAX_ATTRIBUTES_KEY} (default 2000) attributes: the largest answer read from a cell;</li>
 * <li>{@value #CACHE_BYTES_KEY}, default {@value #DEFAULT_CACHE_BYTES} (1 GiB): the cell snapshots one
 *     fusion keeps for conditional fetches; each of n cells may send at most this / n
 *     ({@link AnswerLimit});</li>
 * <li>{@value #THREADS_KEY}, default 64: cell calls running at once;</li>
 * <li>{@value #MAX_CELLS_KEY}, default {@value #DEFAULT_MAX_CELLS}: cells in one list;</li>
 * <li>{@value #MAX_DEPTH_KEY}, default 8: fusions a request may pass through, this one included
 *     (hierarchical fusions, {@link FusionPath}); at most {@value FusionPath#MAX_DEPTH_LIMIT};</li>
 * <li>{@value CellHostPolicy#ALLOW_KEY}, default this server itself: the pattern every cell host
 *     must match (see {@link CellHostPolicy}).</li>
 * </ul>
 */
@ApplicationScoped
public class FusionConfig {

    public static final String PREFETCH_KEY = "rtlm.option.sml.fusion.prefetch.min.time.ms";
    public static final String MIN_CELLS_KEY = "smlfusion.fusion.min.cells";
    public static final String REFRESH_MODE_KEY = "smlfusion.fusion.refresh.mode";
    public static final String CONNECT_TIMEOUT_KEY = "smlfusion.fusion.cell.connect.timeout.ms";
    public static final String READ_TIMEOUT_KEY = "smlfusion.fusion.cell.read.timeout.ms";
    public static final String DEADLINE_KEY = "smlfusion.fusion.cell.deadline.ms";
    public static final String MAX_BYTES_KEY = "smlfusion.fusion.cell.max.bytes";
    public static final String CACHE_BYTES_KEY = "smlfusion.fusion.cache.max.bytes";
    public static final String THREADS_KEY = "smlfusion.fusion.cell.threads";
    public static final String MAX_CELLS_KEY = "smlfusion.fusion.max.cells";
    public static final String MAX_DEPTH_KEY = "smlfusion.fusion.max.depth";
    /** The per-project attribute limit (owned by the project side); the default answer size follows from it. */
    public static final String MAX_ATTRIBUTES_KEY = "smlfusion.project.max.attributes";

    static final int DEFAULT_MAX_ATTRIBUTES = 2000;
    static final long DEFAULT_CACHE_BYTES = 1L << 30;
    static final int DEFAULT_MAX_CELLS = 1000;
    /** An attribute name of at most 256 characters, each at most 4 bytes of UTF-8. */
    static final int MAX_NAME_BYTES = 256 * 4;

    @Inject
    Config config;

    /** The policy of the last pattern read: compiled once per pattern, not at every cell call. */
    private volatile CompiledHostPolicy hostPolicy;

    public RefreshPolicy refreshPolicy() {
        return new RefreshPolicy(millis(PREFETCH_KEY, RefreshPolicy.DEFAULT_INTERVAL.toMillis()),
                config.getOptionalValue(MIN_CELLS_KEY, Integer.class).orElse(0),
                RefreshPolicy.Mode.parse(config.getOptionalValue(REFRESH_MODE_KEY, String.class).orElse("wait")),
                deadline(), maxCellBytes(), Math.max(1, config.getOptionalValue(CACHE_BYTES_KEY, Long.class).orElse(DEFAULT_CACHE_BYTES)));
    }

    public Duration connectTimeout() {
        return millis(CONNECT_TIMEOUT_KEY, 5_000);
    }

    public Duration readTimeout() {
        return millis(READ_TIMEOUT_KEY, 30_000);
    }

    public Duration deadline() {
        return millis(DEADLINE_KEY, 30_000);
    }

    /** Never more than a Java array holds. */
    public long maxCellBytes() {
        long configured = config.getOptionalValue(MAX_BYTES_KEY, Long.class).orElseGet(() -> largestPlainSnapshot(
                config.getOptionalValue(MAX_ATTRIBUTES_KEY, Integer.class).orElse(DEFAULT_MAX_ATTRIBUTES)));
        return Math.max(1, Math.min(configured, Integer.MAX_VALUE - 16));
    }

    public int cellThreads() {
        return Math.max(1, config.getOptionalValue(THREADS_KEY, Integer.class).orElse(64));
    }

    public int maxCells() {
        return Math.max(1, config.getOptionalValue(MAX_CELLS_KEY, Integer.class).orElse(DEFAULT_MAX_CELLS));
    }

    public int maxDepth() {
        return Math.max(1, Math.min(FusionPath.MAX_DEPTH_LIMIT, config.getOptionalValue(MAX_DEPTH_KEY, Integer.class).orElse(8)));
    }

    public CellHostPolicy hostPolicy() {
        String pattern = config.getOptionalValue(CellHostPolicy.ALLOW_KEY, String.class).orElseGet(() -> CellHostPolicy.thisServer(
                config.getOptionalValue("http.port", Integer.class).orElse(9080),
                config.getOptionalValue("https.port", Integer.class).orElse(9443)));
        CompiledHostPolicy kept = hostPolicy;
        if (kept != null && kept.pattern().equals(pattern)) {
            return kept.policy();
        }
        CellHostPolicy compiled = new CellHostPolicy(pattern);
        hostPolicy = new CompiledHostPolicy(pattern, compiled);
        return compiled;
    }

    /**
     * The size of the largest snapshot of a plain project (no partitions, no histograms) with
     * {@code attributes} attributes whose names have {@value #MAX_NAME_BYTES} bytes
     * (SNAPSHOT-FORMAT.md): header 12 + per attribute (4 + name + 1) + 8 + 8·(3p + 3·p(p+1)/2).
     * 2000 attributes give 50,130,020 bytes (about 48 MiB).
     */
    static long largestPlainSnapshot(int attributes) {
        long p = Math.max(0, attributes);
        long packed = p * (p + 1) / 2;
        return 12 + p * (4 + MAX_NAME_BYTES + 1) + 8 + 8 * (3 * p + 3 * packed);
    }

    private Duration millis(String key, long defaultMillis) {
        return Duration.ofMillis(config.getOptionalValue(key, Long.class).orElse(defaultMillis));
    }

    private record CompiledHostPolicy(String pattern, CellHostPolicy policy) {
    }
}
