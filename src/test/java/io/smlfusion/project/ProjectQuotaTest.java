package io.smlfusion.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.Footprint;
import io.smlfusion.engine.stats.ProjectStatistics;

/** Issue 10 §3: attributes per project and memory per customer are admitted before anything is allocated. */
class ProjectQuotaTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final ProjectRegistry registry = new ProjectRegistry();

    @Test
    void aRowOf30000AttributesIsRefusedBeforeItsMatricesExist() {
        ProjectQuota quota = new ProjectQuota(new ProjectLimits(2000, Long.MAX_VALUE), registry);
        CellProject project = project("c1", "wide");
        DataBlock row = block(30_000, 1);

        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> project.learn(row, NOW, quota, change -> change));

        assertEquals("Project [wide] would have 30000 attributes (categories expanded); the limit is 2000"
                + " (smlfusion.project.max.attributes)", e.getMessage());
        assertEquals(0, (int) project.read(s -> s.schema().size()));
        assertEquals(Footprint.EMPTY.bytes(), project.footprintBytes());
    }

    @Test
    void aCustomerCannotGrowItsProjectsBeyondItsBudgetButOthersCan() {
        long budget = 3 * Footprint.blockBytes(100);
        ProjectQuota quota = new ProjectQuota(new ProjectLimits(2000, budget), registry);
        CellProject first = project("c1", "a");
        CellProject second = project("c1", "b");
        first.learn(block(100, 2), NOW, quota, change -> change);
        second.learn(block(100, 2), NOW, quota, change -> change);
        assertEquals(2 * Footprint.blockBytes(100), quota.used("c1"));

        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> second.learn(block(150, 1), NOW, quota, change -> change));
        assertTrue(e.getMessage().startsWith("Project [b] would grow by "), e.getMessage());
        assertTrue(e.getMessage().contains("customer [c1] already uses " + 2 * Footprint.blockBytes(100) + " of its " + budget
                + " bytes for project statistics (smlfusion.customer.max.bytes)"), e.getMessage());
        assertEquals(100, (int) second.read(s -> s.schema().size()), "nothing learned");
        assertEquals(2L, (long) second.read(s -> s.total().count()));

        second.learn(block(100, 5), NOW, quota, change -> change);
        assertEquals(7L, (long) second.read(s -> s.total().count()), "learning rows over known attributes takes no memory");
        project("c2", "a").learn(block(150, 1), NOW, quota, change -> change);
        assertThrows(QuotaExceededException.class, () -> quota.admitNew("c1", "imported", new Footprint(100, 2, 0)));
    }

    @Test
    void aProjectAboveALoweredLimitKeepsLearningItsAttributes() {
        CellProject project = project("c1", "old");
        project.learn(block(50, 1), NOW, new ProjectQuota(new ProjectLimits(2000, Long.MAX_VALUE), registry), change -> change);
        ProjectQuota lowered = new ProjectQuota(new ProjectLimits(10, 1), registry);

        project.learn(block(50, 3), NOW, lowered, change -> change);

        assertEquals(4L, (long) project.read(s -> s.total().count()));
        assertThrows(QuotaExceededException.class, () -> project.learn(block(51, 1), NOW, lowered, change -> change));
    }

    private CellProject project(String cid, String pid) {
        ProjectSettings settings = new ProjectSettings(ProjectType.CPU, false, false, Map.of());
        CellProject project = new CellProject(new ProjectHeader(cid, pid, settings, NOW, NOW, false),
                new ProjectStatistics(false, false));
        registry.add(project);
        return project;
    }

    private static DataBlock block(int attributes, int rows) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < attributes; i++) {
            names.add("a" + i);
        }
        double[] values = new double[attributes * rows];
        for (int k = 0; k < values.length; k++) {
            values[k] = k % 7;
        }
        return new DataBlock(names, Collections.nCopies(attributes, AttributeType.CONTINUOUS), values, rows);
    }
}
