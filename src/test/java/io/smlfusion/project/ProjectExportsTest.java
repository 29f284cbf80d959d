package io.smlfusion.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.smlfusion.disclosure.ExportPolicy;
import io.smlfusion.disclosure.ExportRelease;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.refusal.RequestRefused;

/** Issue 11 §4: minimum rows and minimum change between the releases of a cell project's export. */
class ProjectExportsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final double[] SECRET_ROW = {52.0, 187_300.0};

    private final ProjectQuota quota = new ProjectQuota(new ProjectLimits(2000, Long.MAX_VALUE), new ProjectRegistry());
    private final CellProject project = new CellProject(new ProjectHeader("c1", "p1",
            new ProjectSettings(ProjectType.CPU, false, false, Map.of()), NOW, NOW, false), new ProjectStatistics(false, false));

    @Test
    void aChangeMovesTheVersionAndAReleaseNamesExactlyItsBytes() {
        ProjectExports exports = exports(0, 0);
        ExportRelease empty = exports.release(project, null, UnaryOperator.identity());
        assertEquals(project.snapshotVersion(), empty.version());
        assertTrue(exports.release(project, "\"" + empty.version().etag() + "\"", UnaryOperator.identity()).unchanged(),
                "a current copy gets no bytes");
        learn(rows(20));
        ExportRelease learned = exports.release(project, "\"" + empty.version().etag() + "\"", UnaryOperator.identity());
        assertFalse(learned.unchanged(), "a changed project is never answered 304");
        assertEquals(1, learned.version().sequence());
        assertEquals(project.snapshotVersion(), learned.version());
        assertArrayEquals(project.read(StatisticsCodec::encode), learned.snapshot());
    }

    @Test
    void withTheControlsOffACurrentCopyIsConfirmedWithoutMakingAReleaseAgain() {
        ProjectExports exports = exports(0, 0);
        learn(rows(20));
        AtomicInteger releases = new AtomicInteger();
        UnaryOperator<ProjectStatistics> counting = statistics -> {
            releases.incrementAndGet();
            return statistics;
        };
        ExportRelease first = exports.release(project, null, counting);
        ExportRelease confirmed = exports.release(project, "\"" + first.version().etag() + "\"", counting);
        assertTrue(confirmed.unchanged());
        assertEquals(1, releases.get(), "a 304 draws no noise and encodes nothing");
        ExportRelease again = exports.release(project, null, counting);
        assertTrue(again.repeated());
        assertEquals(1, releases.get(), "without If-None-Match an unchanged project gets its last release again");
    }

    @Test
    void aProjectLoadedAgainAtAnAlreadyServedSequenceIsNeverAnswered304() throws SnapshotFormatException {
        ProjectExports exports = exports(0, 0);
        learn(rows(20));
        ExportRelease served = exports.release(project, null, UnaryOperator.identity());
        // kill -9 before that change was durable: the project comes back at sequence 0, then learns other rows
        CellProject reloaded = new CellProject(project.header(), new ProjectStatistics(false, false), project.journalId(), 0);
        reloaded.learn(block(rows(30)), NOW, quota, change -> change);
        assertEquals(served.version().sequence(), reloaded.snapshotVersion().sequence(), "the crash reused the sequence");
        ExportRelease after = exports.release(reloaded, "\"" + served.version().etag() + "\"", UnaryOperator.identity());
        assertFalse(after.unchanged(), "other statistics under a reused sequence must be sent whole");
        assertEquals(30, decode(after).total().count());
    }

    @Test
    void aReleaseSentAgainKeepsItsVersionSoACurrentCopyGetsNoBytes() {
        ProjectExports exports = exports(10, 10);
        learn(rows(20));
        ExportRelease first = exports.release(project, null, UnaryOperator.identity());
        learn(SECRET_ROW);
        ExportRelease again = exports.release(project, "\"" + first.version().etag() + "\"", UnaryOperator.identity());
        assertTrue(again.unchanged(), "one row changed: the first release is still the one released, and the caller has it");
    }

    @Test
    void withTheControlsOffTwoExportsAroundOneLearnedRowGiveThatRowAway() throws SnapshotFormatException {
        ProjectExports exports = exports(0, 0);
        learn(rows(20));
        ProjectStatistics before = decode(exports.release(project, null, UnaryOperator.identity()));
        learn(SECRET_ROW);
        ProjectStatistics after = decode(exports.release(project, null, UnaryOperator.identity()));

        assertArrayEquals(SECRET_ROW, difference(before.total(), after.total()), 1e-6);
    }

    @Test
    void withTheDefaultsTheSecondExportRepeatsTheFirstUntilTenRowsChanged() throws SnapshotFormatException {
        ProjectExports exports = exports(10, 10);
        learn(rows(20));
        ExportRelease first = exports.release(project, null, UnaryOperator.identity());
        learn(SECRET_ROW);
        ExportRelease second = exports.release(project, null, UnaryOperator.identity());

        assertTrue(second.repeated());
        assertSame(first.snapshot(), second.snapshot(), "the previous bytes, so their entity tag is the previous one");
        for (int k = 0; k < 8; k++) {
            learn(rows(1));
            assertTrue(exports.release(project, null, UnaryOperator.identity()).repeated(), "after " + (k + 2) + " changed rows");
        }
        learn(rows(1));
        ExportRelease third = exports.release(project, null, UnaryOperator.identity());
        assertFalse(third.repeated());
        ProjectStatistics before = decode(first);
        ProjectStatistics after = decode(third);
        assertEquals(10, after.total().count() - before.total().count(), "the difference describes ten rows, not one");
    }

    @Test
    void forgottenRowsCountAsChangesToo() {
        ProjectExports exports = exports(10, 10);
        learn(rows(30));
        ExportRelease first = exports.release(project, null, UnaryOperator.identity());
        learn(rows(5));
        forget(rows(4));
        assertTrue(exports.release(project, null, UnaryOperator.identity()).repeated(), "9 rows changed");
        forget(rows(1));
        ExportRelease next = exports.release(project, null, UnaryOperator.identity());
        assertFalse(next.repeated(), "10 rows changed: 5 learned, 5 forgotten");
        assertNotEquals(first.rowsChanged(), next.rowsChanged());
    }

    @Test
    void aProjectOfFewRowsReleasesNothingAndItsPreviousReleaseStaysTheLastOne() {
        ProjectExports exports = exports(10, 10);
        learn(rows(9));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> exports.release(project, null, UnaryOperator.identity()));
        assertEquals(RequestRefused.Reason.CONFLICT, refused.reason());
        assertEquals("Export of project [p1] withheld: the project holds 9 rows, fewer than the 10 rows of export_min_rows"
                + " (its statistics would describe those few people)", refused.getMessage());

        learn(rows(1));
        ExportRelease released = exports.release(project, null, UnaryOperator.identity());
        forget(rows(5));
        assertSame(released.snapshot(), exports.release(project, null, UnaryOperator.identity()).snapshot(), "5 changed rows: the release of 10 rows again");
        forget(rows(4));
        assertSame(released.snapshot(), exports.release(project, null, UnaryOperator.identity()).snapshot(), "9 changed rows, though only 1 row is left");
        forget(rows(1));
        assertThrows(RequestRefused.class, () -> exports.release(project, null, UnaryOperator.identity()), "10 changed rows: a new release is due, of no rows");
    }

    @Test
    void withoutAMinimumChangeEveryChangeIsANewReleaseAndAnUnchangedProjectGetsItsLastOne() {
        ProjectExports exports = exports(10, 0);
        learn(rows(10));
        ExportRelease first = exports.release(project, null, UnaryOperator.identity());
        ExportRelease unchanged = exports.release(project, null, UnaryOperator.identity());
        assertTrue(unchanged.repeated());
        assertSame(first.snapshot(), unchanged.snapshot());
        learn(rows(1));
        ExportRelease changed = exports.release(project, null, UnaryOperator.identity());
        assertFalse(changed.repeated(), "one changed row is a new release");

        // the last release was kept: once the project asks for a minimum change, it is counted from that release
        exports.setPolicy(project, Map.of(ExportPolicy.MIN_DELTA_ROWS_OPTION, "5"));
        learn(rows(4));
        assertSame(changed.snapshot(), exports.release(project, null, UnaryOperator.identity()).snapshot());
        learn(rows(1));
        assertFalse(exports.release(project, null, UnaryOperator.identity()).repeated(), "5 rows changed since");
    }

    @Test
    void aNoisyReleaseIsDrawnOncePerVersionAndARefusedOneLeavesNothingBehind() throws SnapshotFormatException {
        ProjectExports exports = exports(0, 0);
        learn(rows(20));
        List<Long> drawnAt = new ArrayList<>();
        UnaryOperator<ProjectStatistics> noisy = exact -> {
            drawnAt.add(project.version());
            ProjectStatistics released = exact.copy();
            released.learn(block(rows(drawnAt.size())));
            return released;
        };
        ExportRelease first = exports.release(project, null, noisy);
        ExportRelease again = exports.release(project, null, noisy);
        assertSame(first.snapshot(), again.snapshot(), "the same noise: averaging two draws of one state would cancel it");
        assertEquals(List.of(1L), drawnAt);

        learn(rows(1));
        UnaryOperator<ProjectStatistics> budgetSpent = exact -> {
            throw RequestRefused.conflict("budget spent");
        };
        assertThrows(RequestRefused.class, () -> exports.release(project, null, budgetSpent));
        assertThrows(RequestRefused.class, () -> exports.release(project, null, budgetSpent),
                "a refused release is not remembered: the next export tries again");
        ExportRelease changed = exports.release(project, null, noisy);
        assertEquals(List.of(1L, 2L), drawnAt);
        assertNotEquals(decode(first).total().count(), decode(changed).total().count());
    }

    @Test
    void aProjectMayRaiseItsThresholdsButNotLowerThem() {
        ProjectExports exports = exports(10, 10);
        assertEquals(new ExportPolicy(10, 10), exports.policyOf(project));

        assertEquals(new ExportPolicy(25, 10), exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "25")));
        assertEquals(new ExportPolicy(25, 50), exports.setPolicy(project, Map.of(ExportPolicy.MIN_DELTA_ROWS_OPTION, "50")));
        assertEquals("25", project.header().settings().options().get(ExportPolicy.MIN_ROWS_OPTION), "kept in the settings that are saved");
        assertEquals(new ExportPolicy(10, 50), exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "10")),
                "back down to the server's");

        RequestRefused lower = assertThrows(RequestRefused.class,
                () -> exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "3")));
        assertEquals("Option 'export_min_rows' cannot be 3: this server's smlfusion.export.min.rows is 10, and a project may"
                + " only be stricter", lower.getMessage());
        assertThrows(RequestRefused.class, () -> exports.setPolicy(project, Map.of("partitionSplit", "x")));
        assertThrows(RequestRefused.class, () -> exports.setPolicy(project, Map.of()));
        assertThrows(RequestRefused.class, () -> exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "many")));
        assertEquals(new ExportPolicy(10, 50), exports.policyOf(project), "a refused change changes nothing");

        learn(rows(10));
        assertThrows(RequestRefused.class, () -> exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "-1")));
        exports.setPolicy(project, Map.of(ExportPolicy.MIN_ROWS_OPTION, "11"));
        assertThrows(RequestRefused.class, () -> exports.release(project, null, UnaryOperator.identity()), "10 rows are fewer than the project's 11");
    }

    private static ProjectExports exports(int minRows, int minDeltaRows) {
        ProjectExports exports = new ProjectExports();
        exports.minRows = minRows;
        exports.minDeltaRows = minDeltaRows;
        exports.init();
        return exports;
    }

    /** n·x̄ of the later minus n·x̄ of the earlier, per attribute: the rows learned between them. */
    private static double[] difference(Moments before, Moments after) {
        double[] sums = new double[after.dimension()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = after.count() * after.mean(i) - before.count() * before.mean(i);
        }
        return sums;
    }

    private static ProjectStatistics decode(ExportRelease release) throws SnapshotFormatException {
        return StatisticsCodec.decode(release.snapshot());
    }

    /** {@code n} rows (age, income) of made-up people. */
    private static double[] rows(int n) {
        double[] values = new double[2 * n];
        for (int r = 0; r < n; r++) {
            values[2 * r] = 20 + r % 50;
            values[2 * r + 1] = 30_000 + 1_000.0 * (r % 17);
        }
        return values;
    }

    private void learn(double[] values) {
        project.learn(block(values), NOW, quota, change -> change);
    }

    private void forget(double[] values) {
        project.forget(block(values), NOW, change -> change);
    }

    private static DataBlock block(double[] values) {
        return new DataBlock(List.of("age", "income"), List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS),
                values, values.length / 2);
    }
}
