package io.smlfusion.fusion;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The fusion tunables (README "Configuration"), read from MicroProfile Config on every use so a
 * changed value applies to the next refresh or cell call without a restart:
 * <ul>
 * <li>{@value #PREFETCH_KEY}, default 15000: minimum time between two refreshes of a fusion;</li>
 * <li>{@value #MIN_CELLS_KEY}, default 0 = all cells: how many cells must answer for a refresh to
 *     replace the merge (fewer → a labelled partial merge);</li>
 * <li>{@value #CONNECT_TIMEOUT_KEY}, default 5000, and {@value #READ_TIMEOUT_KEY}, default 30000:
 *     per cell call;</li>
 * <li>{@value CellHostPolicy#ALLOW_KEY}, default {@value CellHostPolicy#DEFAULT_ALLOW}: the
 *     pattern every cell host must match (see {@link CellHostPolicy}).</li>
 * </ul>
 */
@ApplicationScoped
public class FusionConfig {

    public static final String PREFETCH_KEY = "rtlm.option.sml.fusion.prefetch.min.time.ms";
    public static final String MIN_CELLS_KEY = "smlfusion.fusion.min.cells";
    public static final String CONNECT_TIMEOUT_KEY = "smlfusion.fusion.cell.connect.timeout.ms";
    public static final String READ_TIMEOUT_KEY = "smlfusion.fusion.cell.read.timeout.ms";

    @Inject
    Config config;

    public RefreshPolicy refreshPolicy() {
        return new RefreshPolicy(millis(PREFETCH_KEY, RefreshPolicy.DEFAULT_INTERVAL.toMillis()),
                config.getOptionalValue(MIN_CELLS_KEY, Integer.class).orElse(0));
    }

    public Duration connectTimeout() {
        return millis(CONNECT_TIMEOUT_KEY, 5_000);
    }

    public Duration readTimeout() {
        return millis(READ_TIMEOUT_KEY, 30_000);
    }

    public CellHostPolicy hostPolicy() {
        return new CellHostPolicy(config.getOptionalValue(CellHostPolicy.ALLOW_KEY, String.class).orElse(CellHostPolicy.DEFAULT_ALLOW));
    }

    private Duration millis(String key, long defaultMillis) {
        return Duration.ofMillis(config.getOptionalValue(key, Long.class).orElse(defaultMillis));
    }
}
