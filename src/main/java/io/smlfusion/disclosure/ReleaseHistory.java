package io.smlfusion.disclosure;

import java.util.function.UnaryOperator;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;

/**
 * The last export one cell project released, and the rules for the next one. Without it, two
 * exports around a single learned row differ by exactly that row (n₂·x̄₂ − n₁·x̄₁ is its value, and
 * likewise for every moment); so a new release is made only once {@link ExportPolicy#minDeltaRows}
 * rows were learned or forgotten since the last one, and until then the last one is sent again.
 *
 * <p>One history per project, shared by every caller: the signing customer of an export is always
 * the project's owner (its id is the path's), and a shared history also keeps colluding fusions —
 * or one fusion owner with several copies of the key — from getting two releases closer than the
 * threshold. Its memory is one snapshot per exported project, so nothing needs evicting (and
 * evicting would hand out a fresh release: exactly the leak).
 *
 * <p>An unchanged project (the same {@link SnapshotVersion}) gets its last release again whatever the
 * policy: a noisy release (differential privacy) must be drawn once per state, or every export would
 * spend budget again and the noise of several draws of one state would average out.
 *
 * <p>Counting learned plus forgotten rows is a count of changes, not of distinct rows: a row learned
 * and forgotten again between two releases counts twice and contributes nothing to their
 * difference. Only the project's owner can do that; it is documented with the control.
 */
public final class ReleaseHistory {

    private ExportRelease last;

    /**
     * The release for an export now. Call it with the project's statistics and change count read
     * together (under the project's read lock), so the bytes and the count describe one state.
     *
     * @param pid         names the project in a refusal
     * @param statistics  the project's statistics; only read
     * @param version     which state of the project {@code statistics} are (read under the same lock)
     * @param rowsChanged rows learned plus rows forgotten over the project's life in memory
     * @param ifNoneMatch the caller's {@code If-None-Match} header, or null: when it names the release
     *                    due, the answer is {@linkplain ExportRelease#notModified not modified}
     * @param releasing   what a new release makes of the statistics once they passed the checks; called
     *                    under this history's lock, at most once per version
     * @throws io.smlfusion.refusal.RequestRefused (409, {@link WithheldExport}) when a new release is
     *     due but a group of the statistics is smaller than {@link ExportPolicy#minRows}
     */
    public synchronized ExportRelease next(String pid, ExportPolicy policy, ProjectStatistics statistics, SnapshotVersion version,
                                           long rowsChanged, String ifNoneMatch, UnaryOperator<ProjectStatistics> releasing) {
        if (last != null && (last.version().equals(version) || rowsChanged - last.rowsChanged() < policy.minDeltaRows())) {
            return last.version().matchesAny(ifNoneMatch) ? last.notModified() : last.again();
        }
        SmallGroup small = SmallGroup.find(statistics, policy.minRows());
        if (small != null) {
            throw WithheldExport.refusal(pid, small, policy.minRows());
        }
        ProjectStatistics released = releasing.apply(statistics);
        last = new ExportRelease(StatisticsCodec.encode(released), version, released.total().count(), rowsChanged, false);
        return last;
    }
}
