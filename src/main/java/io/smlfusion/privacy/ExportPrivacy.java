package io.smlfusion.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.engine.privacy.GaussianRelease;
import io.smlfusion.engine.privacy.NotReleasable;
import io.smlfusion.engine.privacy.PrivacyBudget;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.persistence.PrivacyLedgerEntity;
import io.smlfusion.persistence.PrivacyLedgerRepository;
import io.smlfusion.project.CellProject;
import io.smlfusion.project.ExportMechanism;
import io.smlfusion.refusal.RequestRefused;

/**
 * What a cell project's export releases: its exact statistics, or — when differential privacy is on
 * for it — a {@link GaussianRelease} that spends one export's share of its budget. The spending is
 * committed to the database before the release leaves this class, so neither a restart nor a crash
 * (kill -9) right after an export gives the budget back.
 *
 * <p>It is the {@code releasing} step of the project's {@code disclosure.ReleaseHistory}, which calls it
 * only for a new release, one at a time: a project that has not changed since its last release gets
 * that same release again, at no cost (sending it twice is post-processing of one release). A
 * fusion re-fetches its cells every few seconds; without that every refresh would spend budget on
 * the same rows. The history lives in memory: a restart makes the next export a new, paid release.
 */
@ApplicationScoped
public class ExportPrivacy implements ExportMechanism {

    @Inject
    PrivacyLedgerRepository ledger;

    @Inject
    PrivacyDefaults defaults;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    /**
     * What a new release of {@code project} exports, whose statistics are {@code exact} (the caller
     * holds the project's read lock, so they cannot change meanwhile); every call with privacy on
     * spends budget.
     *
     * @throws RequestRefused (conflict) when privacy is on and the statistics cannot be released as
     *     configured, or the budget does not allow another export; nothing is spent then
     */
    @Override
    public ProjectStatistics released(CellProject project, ProjectStatistics exact) {
        PrivacySettings settings = settingsOf(project);
        if (!settings.enabled()) {
            return exact;
        }
        String pid = project.header().pid();
        if (settings.bounds().isEmpty()) {
            throw RequestRefused.conflict("Project [" + pid + "] exports with differential privacy only, and no attribute bounds"
                    + " are declared: POST them to projects/" + pid + "/privacy");
        }
        PrivacyBudget budget = settings.budget();
        GaussianRelease mechanism = new GaussianRelease(settings.bounds(), budget.perExportRho());
        try {
            mechanism.requireReleasable(exact);
        } catch (NotReleasable e) {
            throw RequestRefused.conflict("Project [" + pid + "] cannot be exported with differential privacy: " + e.getMessage());
        }
        if (!ledger.spend(project.journalId(), budget.perExportRho(), budget.spendableRho(), clock.instant())) {
            throw RequestRefused.conflict(spentMessage(pid, budget, ledger.find(project.journalId())
                    .map(PrivacyLedgerEntity::getRhoSpent).orElse(0.0)));
        }
        return mechanism.release(exact, random);
    }

    /** The project's own settings, or the server's defaults when it has none. */
    PrivacySettings settingsOf(CellProject project) {
        return ledger.find(project.journalId()).map(row -> PrivacySettings.stored(row.getSettingsJson()))
                .orElseGet(() -> PrivacySettings.defaults(defaults));
    }

    static String spentMessage(String pid, PrivacyBudget budget, double rhoSpent) {
        return String.format(Locale.ROOT, "Privacy budget spent for project [%s]: ε used %.6g of %.6g (δ = %.3g;"
                + " zCDP ρ %.6g of %.6g, %.6g per export); no further export is allowed", pid, budget.epsilonOf(rhoSpent),
                budget.epsilon(), budget.delta(), rhoSpent, budget.totalRho(), budget.perExportRho());
    }
}
