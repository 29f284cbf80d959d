package io.smlfusion.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-wide defaults of differential privacy on export ({@code smlfusion.export.dp.*}): what
 * a project without settings of its own gets, and what settings posted without a value take.
 * See docs/operations.md for the threat each one answers.
 */
@ApplicationScoped
public class PrivacyDefaults {

    public static final String ENABLED = "smlfusion.export.dp.enabled";
    public static final String EPSILON = "smlfusion.export.dp.epsilon";
    public static final String DELTA = "smlfusion.export.dp.delta";
    public static final String EXPORT_SHARE = "smlfusion.export.dp.export.share";

    /** Off: exports are exact unless a project's owner turns privacy on. */
    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = EPSILON, defaultValue = "1.0")
    double epsilon;

    @Inject
    @ConfigProperty(name = DELTA, defaultValue = "1e-6")
    double delta;

    @Inject
    @ConfigProperty(name = EXPORT_SHARE, defaultValue = "0.1")
    double exportShare;

    public PrivacyDefaults() {
    }

    /** For unit tests. */
    PrivacyDefaults(boolean enabled, double epsilon, double delta, double exportShare) {
        this.enabled = enabled;
        this.epsilon = epsilon;
        this.delta = delta;
        this.exportShare = exportShare;
    }

    public boolean enabled() {
        return enabled;
    }

    public double epsilon() {
        return epsilon;
    }

    public double delta() {
        return delta;
    }

    public double exportShare() {
        return exportShare;
    }
}
