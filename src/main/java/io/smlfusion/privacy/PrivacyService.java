package io.smlfusion.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.engine.privacy.PrivacyBudget;
import io.smlfusion.persistence.PrivacyLedgerEntity;
import io.smlfusion.persistence.PrivacyLedgerRepository;
import io.smlfusion.project.CellProject;
import io.smlfusion.project.ProjectLimits;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;

/**
 * The owner's view and settings of a cell project's differential privacy ({@code GET|POST
 * projects/{pid}/privacy}): settings, and what the exports have spent. Spent budget is never given
 * back: new settings keep it, and disabling privacy then enabling it again finds it spent.
 */
@ApplicationScoped
public class PrivacyService {

    private static final String EXPORTED_WITH_PRIVACY = "exported with differential privacy";

    @Inject
    ProjectService projects;

    @Inject
    PrivacyLedgerRepository ledger;

    @Inject
    ExportPrivacy exports;

    @Inject
    PrivacyDefaults defaults;

    @Inject
    ProjectLimits limits;

    @Inject
    Clock clock;

    /** The settings in force (the project's own or the server's defaults) and the budget spent. */
    public Map<String, Object> describe(String cid, String pid) {
        CellProject project = projects.cell(cid, pid, EXPORTED_WITH_PRIVACY);
        PrivacySettings settings = exports.settingsOf(project);
        PrivacyLedgerEntity row = ledger.find(project.journalId()).orElse(null);
        double rhoSpent = row == null ? 0 : row.getRhoSpent();
        PrivacyBudget budget = settings.budget();
        Map<String, Object> values = new LinkedHashMap<>(settings.describe());
        values.put("serverDefaults", row == null);
        values.put("rhoTotal", budget.totalRho());
        values.put("rhoPerExport", budget.perExportRho());
        values.put("rhoSpent", rhoSpent);
        values.put("epsilonSpent", budget.epsilonOf(rhoSpent));
        values.put("exports", row == null ? 0 : row.getExports());
        values.put("exportsLeft", budget.exportsLeftAfter(rhoSpent));
        return values;
    }

    /** Replaces the project's settings (the budget spent stays) and answers {@link #describe}. */
    public Map<String, Object> configure(String cid, String pid, String body) {
        CellProject project = projects.cell(cid, pid, EXPORTED_WITH_PRIVACY);
        PrivacySettings settings = PrivacySettings.parse(body, defaults, limits.maxAttributes());
        if (settings.enabled()) {
            project.read(statistics -> {
                if (statistics.partitioned() || !statistics.histogramsEnabled()) {
                    throw RequestRefused.conflict("Project [" + pid + "] cannot export with differential privacy: it must keep"
                            + " histograms (create it with enableHistogram=true) and must not be partitioned");
                }
                return null;
            });
        }
        ledger.saveSettings(project.journalId(), cid, settings.toJson(), clock.instant());
        return describe(cid, pid);
    }
}
