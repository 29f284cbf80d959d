package io.smlfusion.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.PackedSymmetric;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.SnapshotFormatException;
import io.smlfusion.engine.stats.StatisticsCodec;

class GaussianReleaseTest {

    private static final AttributeType C = AttributeType.CONTINUOUS;
    private static final List<AttributeBounds> BOUNDS = List.of(new AttributeBounds("x", C, -10, 10),
            new AttributeBounds("y", C, 100, 200), new AttributeBounds("t", AttributeType.BINARY, 0, 1));

    @Test
    void theNoiseScalesFollowTheCalibration() {
        // p = 3, 6 packed pairs, ρ = 0.5: σ = √(Δ² / (2 s ρ)) = √(Δ² / s)
        double[] sigmas = new GaussianRelease(BOUNDS, 0.5).sigmas();
        assertArrayEquals(new double[] {Math.sqrt(1 / 0.1), Math.sqrt(3 / 0.2), Math.sqrt(6 / 0.5), Math.sqrt(3 / 0.1),
            Math.sqrt(6 / 0.1)}, sigmas, 1e-12);
    }

    @Test
    void theEmpiricalNoiseMatchesTheCalibration() {
        GaussianRelease release = new GaussianRelease(BOUNDS, 0.5);
        GaussianRelease.Sums exact = release.normalisedSums(learned(500, 1));
        double[] sigmas = release.sigmas();
        Random random = new Random(20261201);
        int releases = 4000;
        GaussianRelease.Sums[] noisy = new GaussianRelease.Sums[releases];
        for (int r = 0; r < releases; r++) {
            noisy[r] = release.addNoise(exact, random);
        }
        assertNoise(noisy, GaussianRelease.Sums::count, exact.count(), sigmas[0], "n");
        assertNoise(noisy, s -> s.sum()[1], exact.sum()[1], sigmas[1], "Σz_y");
        assertNoise(noisy, s -> s.squares()[PackedSymmetric.index(0, 2, 3)], exact.squares()[PackedSymmetric.index(0, 2, 3)],
                sigmas[2], "Σz_x z_t");
        assertNoise(noisy, s -> s.cubes()[0], exact.cubes()[0], sigmas[3], "Σz_x³");
        assertNoise(noisy, s -> s.squaredProducts()[PackedSymmetric.index(1, 1, 3)],
                exact.squaredProducts()[PackedSymmetric.index(1, 1, 3)], sigmas[4], "Σu_y⁴");
    }

    /**
     * Unbiased around the exact value (within 4 standard errors σ/√N) with the calibrated spread:
     * the sample standard deviation of N = 4000 normal draws has a relative standard error of
     * 1/√(2N) ≈ 1.1 %, so 5 % is more than 4 of them.
     */
    private static void assertNoise(GaussianRelease.Sums[] noisy, ToDoubleFunction<GaussianRelease.Sums> entry, double exact,
                                    double sigma, String what) {
        double sum = 0;
        double squares = 0;
        for (GaussianRelease.Sums sums : noisy) {
            double error = entry.applyAsDouble(sums) - exact;
            sum += error;
            squares += error * error;
        }
        int n = noisy.length;
        double mean = sum / n;
        double std = Math.sqrt((squares - n * mean * mean) / (n - 1));
        assertEquals(0, mean, 4 * sigma / Math.sqrt(n), what + ": mean error");
        assertEquals(sigma, std, 0.05 * sigma, what + ": standard deviation");
    }

    @Test
    void withoutNoiseTheNormalisedSumsGiveBackTheExactMoments() {
        ProjectStatistics exact = learned(300, 2);
        GaussianRelease release = new GaussianRelease(BOUNDS, 1);
        Moments back = release.statisticsOf(release.normalisedSums(exact)).total();
        Moments total = exact.total();
        assertEquals(total.count(), back.count());
        for (int i = 0; i < 3; i++) {
            assertRelative(total.mean(i), back.mean(i), "mean " + i);
            assertRelative(total.m3(i), back.m3(i), "M3 " + i);
            assertRelative(total.m4(i), back.m4(i), "M4 " + i);
            for (int j = i; j < 3; j++) {
                assertRelative(total.comoment(i, j), back.comoment(i, j), "co-moment " + i + "," + j);
                assertRelative(total.sumOfSquaredProducts(i, j), back.sumOfSquaredProducts(i, j), "Q " + i + "," + j);
            }
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void aReleaseIsADecodableMergeableSnapshotOverTheDeclaredAttributes() throws SnapshotFormatException {
        List<AttributeBounds> declared = List.of(new AttributeBounds("t", AttributeType.BINARY, 0, 1),
                new AttributeBounds("y", C, 100, 200), new AttributeBounds("x", C, -10, 10),
                new AttributeBounds("colour$red", AttributeType.BINARY, 0, 1));
        ProjectStatistics released = new GaussianRelease(declared, 0.05).release(learned(200, 3), new Random(5));
        ProjectStatistics decoded = StatisticsCodec.decode(StatisticsCodec.encode(released));
        assertEquals(List.of("t", "y", "x", "colour$red"), decoded.schema().names(), "declared order, never-seen attributes too");
        assertFalse(decoded.histogramsEnabled());
        assertFalse(decoded.partitioned());
        Moments total = decoded.total();
        for (int i = 0; i < 4; i++) {
            assertTrue(total.m2(i) >= 0);
            assertTrue(total.m4(i) >= total.m2(i) * total.m2(i) / total.count() * (1 - 1e-12));
            assertTrue(declared.get(i).contains(total.mean(i)), "mean " + total.mean(i) + " within the bounds");
        }
        ProjectStatistics fused = learned(50, 4);
        fused.merge(decoded);
        assertEquals(50 + total.count(), fused.total().count());
    }

    @Test
    void aReleaseOfManyRowsIsCloseToTheExactStatistics() {
        ProjectStatistics exact = learned(20_000, 6);
        ProjectStatistics released = new GaussianRelease(BOUNDS, 1).release(exact, new Random(7));
        Moments e = exact.total();
        Moments r = released.total();
        assertEquals(e.count(), r.count(), 20);
        for (int i = 0; i < 3; i++) {
            double sd = Math.sqrt(e.m2(i) / e.count());
            assertEquals(e.mean(i), r.mean(i), 0.05 * sd, "mean " + i);
            assertEquals(e.m2(i), r.m2(i), 0.05 * e.m2(i), "M2 " + i);
        }
        double correlation = e.comoment(0, 1) / Math.sqrt(e.m2(0) * e.m2(1));
        assertEquals(correlation, r.comoment(0, 1) / Math.sqrt(r.m2(0) * r.m2(1)), 0.05, "correlation of x and y");
    }

    @Test
    void projectsTheBoundsDoNotCoverAreRefusedBeforeAnythingIsSpent() {
        GaussianRelease release = new GaussianRelease(BOUNDS, 1);
        ProjectStatistics outside = learned(10, 8);
        outside.learn(new DataBlock(List.of("x", "y", "t"), List.of(C, C, AttributeType.BINARY), new double[] {11, 150, 0}, 1));
        assertTrue(refusal(release, outside).contains("attribute 'x' has held values outside its declared bounds [-10.0, 10.0]"));

        ProjectStatistics undeclared = learned(10, 8);
        undeclared.learn(new DataBlock(List.of("z"), List.of(C), new double[] {1}, 1));
        assertTrue(refusal(release, undeclared).contains("1 attribute(s) have no declared bounds: [z]"));

        ProjectStatistics withoutHistograms = new ProjectStatistics(false, false);
        assertTrue(refusal(release, withoutHistograms).contains("keeps histograms"));

        ProjectStatistics partitioned = new ProjectStatistics(true, true);
        assertTrue(refusal(release, partitioned).contains("partitioned"));

        GaussianRelease zeroExcluded = new GaussianRelease(List.of(new AttributeBounds("x", C, -10, 10),
                new AttributeBounds("y", C, 100, 200), new AttributeBounds("t", AttributeType.BINARY, 0, 1),
                new AttributeBounds("w", C, 1, 2)), 1);
        assertTrue(refusal(zeroExcluded, learned(10, 8)).contains("attribute 'w' is 0 in every row"));

        GaussianRelease wrongType = new GaussianRelease(List.of(new AttributeBounds("x", C, -10, 10),
                new AttributeBounds("y", C, 100, 200), new AttributeBounds("t", C, 0, 1)), 1);
        assertTrue(refusal(wrongType, learned(10, 8)).contains("attribute 't' is type B but declared type C"));
    }

    @Test
    void settingsThatCannotCalibrateAnythingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianRelease(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianRelease(BOUNDS, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianRelease(List.of(BOUNDS.get(0), BOUNDS.get(0)), 1));
        assertThrows(IllegalArgumentException.class, () -> new AttributeBounds("x", C, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AttributeBounds("x", C, -2e9, 0));
        assertThrows(IllegalArgumentException.class, () -> new AttributeBounds("x", C, Double.NaN, 0));
    }

    private static String refusal(GaussianRelease release, ProjectStatistics statistics) {
        return assertThrows(NotReleasable.class, () -> release.release(statistics, new Random(1))).getMessage();
    }

    /** {@code rows} rows of x ~ U(−10, 10), y = 150 + 3x + noise within [100, 200], t = [x > 0], with histograms. */
    private static ProjectStatistics learned(int rows, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows * 3];
        for (int r = 0; r < rows; r++) {
            double x = -10 + 20 * random.nextDouble();
            values[3 * r] = x;
            values[3 * r + 1] = 150 + 3 * x + 10 * (random.nextDouble() - 0.5);
            values[3 * r + 2] = x > 0 ? 1 : 0;
        }
        ProjectStatistics statistics = new ProjectStatistics(false, true);
        statistics.learn(new DataBlock(List.of("x", "y", "t"), List.of(C, C, AttributeType.BINARY), values, rows));
        return statistics;
    }
}
