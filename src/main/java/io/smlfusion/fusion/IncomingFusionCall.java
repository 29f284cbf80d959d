package io.smlfusion.fusion;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.smlfusion.security.RequestHeaders;

/**
 * What the current request says about the fusions it comes from: the raw {@value FusionPath#HEADER}
 * and {@value FusionBudget#HEADER} headers, recorded by the API's filter for every request and
 * parsed only where a fusion answers an {@code export} ({@link FusionExport}), so a malformed
 * header fails that call and no other.
 */
@RequestScoped
public class IncomingFusionCall {

    private String path;
    private String budget;

    /** Keeps the two headers as received (null when absent). */
    public void record(RequestHeaders headers) {
        this.path = headers.get(FusionPath.HEADER);
        this.budget = headers.get(FusionBudget.HEADER);
    }

    /** @throws io.smlfusion.refusal.RequestRefused 400 when the header is malformed or too long */
    FusionPath path(int maxDepth) {
        return FusionPath.parse(path, maxDepth);
    }

    /** @throws io.smlfusion.refusal.RequestRefused 400 when the header is not a number of milliseconds */
    Optional<Duration> budget() {
        return FusionBudget.parse(budget);
    }
}
