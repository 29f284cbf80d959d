package io.smlfusion.engine.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.MergeableHistogram;
import io.smlfusion.engine.stats.MomentBlock;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.PackedSymmetric;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * The Gaussian mechanism over a project's sufficient statistics, spending ρ (zCDP) per release;
 * what a cell exports when differential privacy is on.
 *
 * <p><b>What is released.</b> Over the declared attributes, in declared order, with every value
 * normalised by its public bounds — z = (x − c)/w, c the bounds' midpoint and w their half width,
 * so |z| ≤ 1; u = x/m, m the bounds' largest magnitude, so |u| ≤ 1 — five sums, each with its own
 * Gaussian noise:
 * <pre>
 *   group                 L2 sensitivity Δ (add/remove one row)   share of ρ
 *   n                     1                                         0.1
 *   Σ z                   √p                                        0.2
 *   Σ z zᵀ (packed)       √(p(p+1)/2)                               0.5
 *   Σ z³                  √p                                        0.1
 *   Σ u² u²ᵀ (packed, Q)  √(p(p+1)/2)                               0.1
 * </pre>
 * Adding or removing one row changes each sum by that row's term, whose entries have magnitude at
 * most 1 after normalisation: hence Δ. A group with share s gets noise N(0, σ²), σ = Δ/√(2sρ), so
 * it is sρ-zCDP (Bun–Steinke Prop. 1.6) and the release ρ-zCDP (Lemma 1.7; see {@link PrivacyBudget}).
 * Centring at the declared midpoint rather than the data's mean keeps the sensitivity a property
 * of the bounds alone (the data's mean would make it depend on n), while making it depend on the
 * width of the range instead of its distance from 0; normalising per attribute makes each sum's
 * noise proportional to its own scale. Q = Σxᵢ²xⱼ² is a raw sum in the snapshot and cannot be
 * shifted without cross moments that are not kept, hence its own normalisation by m. Most of ρ
 * goes to the co-moments, which every model uses; the third and fourth moments (skewness,
 * kurtosis, binary-target checks) get a little.
 *
 * <p><b>Post-processing</b> (costs no privacy): the noisy sums become a snapshot block that any
 * fusion decodes and merges like any other. n̂ = max(0, round(ñ)); the mean is clamped into the
 * bounds; the co-moment matrix Σzzᵀ − n̂ z̄z̄ᵀ (rescaled) is repaired to the nearest PSD matrix
 * ({@link NearestPsd}) and, by a diagonal congruence that keeps it PSD, no variance exceeds n̂w²,
 * the most rows within the bounds can make; M3, M4 and Q are clamped to what n̂ rows within the
 * bounds can make (M4 ≥ M2²/n̂ by Cauchy–Schwarz) and Q's diagonal is made consistent with M4.
 * Partitions and histograms are never released: the snapshot carries neither.
 *
 * <p><b>Clipping.</b> The sums a cell keeps are of the rows as learned, not clipped ones, so the
 * bounds must hold for the data instead: {@link #requireReleasable} refuses unless the project
 * keeps histograms, whose recorded minimum and maximum of every value ever learned lie within the
 * bounds of each attribute. A learned value outside them makes the project unreleasable until the
 * bounds are widened (forgetting the row does not lower the recorded extremes).
 */
public final class GaussianRelease {

    static final double COUNT_SHARE = 0.1;
    static final double SUM_SHARE = 0.2;
    static final double COMOMENT_SHARE = 0.5;
    static final double CUBE_SHARE = 0.1;
    static final double SQUARED_PRODUCT_SHARE = 0.1;
    /** Attributes named in a refusal, at most. */
    private static final int NAMED = 10;

    private final List<AttributeBounds> bounds;
    private final double rho;

    /**
     * @param bounds the declared attributes, in the order they are released; names unique
     * @param rho    the zCDP this release spends, &gt; 0
     */
    public GaussianRelease(List<AttributeBounds> bounds, double rho) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("a release must spend a positive, finite rho, not " + rho);
        }
        Set<String> names = new HashSet<>();
        for (AttributeBounds bound : bounds) {
            if (!names.add(bound.name())) {
                throw new IllegalArgumentException("attribute '" + bound.name() + "' has bounds twice");
            }
        }
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("no attribute bounds: declare the bounds of every attribute to release");
        }
        this.bounds = List.copyOf(bounds);
        this.rho = rho;
    }

    /**
     * Checks that {@code exact} can be released under these bounds, without spending anything.
     *
     * @throws NotReleasable naming the first problem
     */
    public void requireReleasable(ProjectStatistics exact) {
        if (exact.partitioned()) {
            throw new NotReleasable("a partitioned project cannot be released with differential privacy:"
                    + " its partition values and per-partition statistics would need noise of their own");
        }
        if (!exact.histogramsEnabled()) {
            throw new NotReleasable("differential privacy needs a project that keeps histograms (create it with"
                    + " enableHistogram=true): their minimum and maximum prove every value lies within the declared bounds");
        }
        Schema schema = exact.schema();
        List<String> undeclared = new ArrayList<>();
        for (String name : schema.names()) {
            if (bounds.stream().noneMatch(b -> b.name().equals(name))) {
                undeclared.add(name);
            }
        }
        if (!undeclared.isEmpty()) {
            throw new NotReleasable(undeclared.size() + " attribute(s) have no declared bounds: "
                    + undeclared.subList(0, Math.min(NAMED, undeclared.size())));
        }
        long n = exact.total().count();
        for (AttributeBounds bound : bounds) {
            int i = schema.indexOf(bound.name());
            if (i < 0) {
                if (n > 0 && !bound.contains(0)) {
                    throw new NotReleasable("attribute '" + bound.name() + "' is 0 in every row (no row carried it) but its bounds "
                            + range(bound) + " exclude 0");
                }
                continue;
            }
            if (schema.type(i) != bound.type()) {
                throw new NotReleasable("attribute '" + bound.name() + "' is type " + schema.type(i).code()
                        + " but declared type " + bound.type().code());
            }
            MergeableHistogram histogram = exact.histogram(i);
            if (histogram.count() > 0 && !(bound.contains(histogram.min()) && bound.contains(histogram.max()))) {
                throw new NotReleasable("attribute '" + bound.name() + "' has held values outside its declared bounds "
                        + range(bound) + ": widen them (the extremes of every value ever learned are kept, forgetting rows does not lower them)");
            }
        }
    }

    /**
     * A noisy release of {@code exact}, which must be {@linkplain #requireReleasable releasable}:
     * unpartitioned statistics without histograms over the declared attributes.
     */
    public ProjectStatistics release(ProjectStatistics exact, RandomGenerator random) {
        requireReleasable(exact);
        return statisticsOf(addNoise(normalisedSums(exact), random));
    }

    /** The five normalised sums; see the class comment. */
    record Sums(double count, double[] sum, double[] squares, double[] cubes, double[] squaredProducts) {
    }

    /** The noise's standard deviation per group, in the order count, sum, squares, cubes, squared products. */
    double[] sigmas() {
        int p = bounds.size();
        double pairs = PackedSymmetric.size(p);
        return new double[] {sigma(1, COUNT_SHARE), sigma(p, SUM_SHARE), sigma(pairs, COMOMENT_SHARE),
                sigma(p, CUBE_SHARE), sigma(pairs, SQUARED_PRODUCT_SHARE)};
    }

    /** σ = Δ/√(2sρ) with Δ² = {@code squaredSensitivity}. */
    private double sigma(double squaredSensitivity, double share) {
        return Math.sqrt(squaredSensitivity / (2 * share * rho));
    }

    Sums normalisedSums(ProjectStatistics exact) {
        Schema schema = exact.schema();
        Moments total = exact.total();
        int p = bounds.size();
        double n = total.count();
        int[] index = new int[p];
        double[] offset = new double[p];
        for (int k = 0; k < p; k++) {
            AttributeBounds bound = bounds.get(k);
            index[k] = schema.indexOf(bound.name());
            offset[k] = (index[k] < 0 ? 0 : total.mean(index[k])) - bound.centre();
        }
        double[] sum = new double[p];
        double[] cubes = new double[p];
        double[] squares = new double[PackedSymmetric.size(p)];
        double[] squaredProducts = new double[squares.length];
        for (int k = 0; k < p; k++) {
            AttributeBounds a = bounds.get(k);
            double w = a.halfWidth();
            double d = offset[k];
            double m2 = index[k] < 0 ? 0 : total.m2(index[k]);
            double m3 = index[k] < 0 ? 0 : total.m3(index[k]);
            sum[k] = n * d / w;
            // Σ(x − c)³ = Σ((x − x̄) + d)³ = M3 + 3d·M2 + n·d³ (the linear term vanishes)
            cubes[k] = (m3 + 3 * d * m2 + n * d * d * d) / (w * w * w);
            for (int l = k; l < p; l++) {
                AttributeBounds b = bounds.get(l);
                boolean both = index[k] >= 0 && index[l] >= 0;
                double comoment = both ? total.comoment(index[k], index[l]) : 0;
                int at = PackedSymmetric.index(k, l, p);
                squares[at] = (comoment + n * d * offset[l]) / (w * b.halfWidth());
                double scale = a.magnitude() * a.magnitude() * b.magnitude() * b.magnitude();
                squaredProducts[at] = (both ? total.sumOfSquaredProducts(index[k], index[l]) : 0) / scale;
            }
        }
        return new Sums(n, sum, squares, cubes, squaredProducts);
    }

    Sums addNoise(Sums exact, RandomGenerator random) {
        double[] sigma = sigmas();
        return new Sums(exact.count() + sigma[0] * random.nextGaussian(), noisy(exact.sum(), sigma[1], random),
                noisy(exact.squares(), sigma[2], random), noisy(exact.cubes(), sigma[3], random),
                noisy(exact.squaredProducts(), sigma[4], random));
    }

    private static double[] noisy(double[] values, double sigma, RandomGenerator random) {
        double[] result = values.clone();
        for (int k = 0; k < result.length; k++) {
            result[k] += sigma * random.nextGaussian();
        }
        return result;
    }

    /** Post-processing: the noisy sums as a snapshot's moments; see the class comment. */
    ProjectStatistics statisticsOf(Sums noisy) {
        int p = bounds.size();
        long n = Math.max(0, Math.round(noisy.count()));
        double[] mean = new double[p];
        double[] m3 = new double[p];
        double[] m4 = new double[p];
        double[] comoment = new double[PackedSymmetric.size(p)];
        double[] q = new double[comoment.length];
        if (n > 0) {
            double[] offset = new double[p];
            for (int k = 0; k < p; k++) {
                AttributeBounds a = bounds.get(k);
                mean[k] = clamp(a.centre() + a.halfWidth() * noisy.sum()[k] / n, a.lower(), a.upper());
                offset[k] = mean[k] - a.centre();
            }
            for (int k = 0; k < p; k++) {
                for (int l = k; l < p; l++) {
                    int at = PackedSymmetric.index(k, l, p);
                    comoment[at] = bounds.get(k).halfWidth() * bounds.get(l).halfWidth() * noisy.squares()[at]
                            - n * offset[k] * offset[l];
                }
            }
            comoment = withinVarianceBounds(NearestPsd.of(comoment, p), n);
            for (int k = 0; k < p; k++) {
                AttributeBounds a = bounds.get(k);
                double w = a.halfWidth();
                double d = offset[k];
                double m2 = comoment[PackedSymmetric.rowStart(k, p)];
                double deviation = 2 * w;
                m3[k] = clamp(w * w * w * noisy.cubes()[k] - 3 * d * m2 - n * d * d * d,
                        -n * Math.pow(deviation, 3), n * Math.pow(deviation, 3));
                for (int l = k; l < p; l++) {
                    AttributeBounds b = bounds.get(l);
                    double scale = a.magnitude() * a.magnitude() * b.magnitude() * b.magnitude();
                    int at = PackedSymmetric.index(k, l, p);
                    q[at] = clamp(scale * noisy.squaredProducts()[at], 0, n * scale);
                }
                // Σ(x − x̄)⁴ = Σx⁴ − 4x̄M3 − 6x̄²M2 − n x̄⁴, with Σx⁴ = Q_kk
                double x = mean[k];
                int diagonal = PackedSymmetric.rowStart(k, p);
                m4[k] = clamp(q[diagonal] - 4 * x * m3[k] - 6 * x * x * m2 - n * x * x * x * x,
                        m2 * m2 / n, n * Math.pow(deviation, 4));
                q[diagonal] = m4[k] + 4 * x * m3[k] + 6 * x * x * m2 + n * x * x * x * x;
            }
        }
        List<String> names = bounds.stream().map(AttributeBounds::name).toList();
        List<AttributeType> types = bounds.stream().map(AttributeBounds::type).toList();
        return ProjectStatistics.summary(Schema.of(names, types), MomentBlock.of(n, mean, m3, m4, comoment, q));
    }

    /**
     * Scales row and column k by min(1, √(n w_k² / C_kk)): a diagonal congruence, so the matrix
     * stays PSD, after which no variance exceeds n w², the largest n rows within the bounds make.
     */
    private double[] withinVarianceBounds(double[] comoment, long n) {
        int p = bounds.size();
        double[] scale = new double[p];
        for (int k = 0; k < p; k++) {
            double w = bounds.get(k).halfWidth();
            double variance = comoment[PackedSymmetric.rowStart(k, p)];
            scale[k] = variance > n * w * w ? Math.sqrt(n * w * w / variance) : 1;
        }
        for (int k = 0; k < p; k++) {
            for (int l = k; l < p; l++) {
                comoment[PackedSymmetric.index(k, l, p)] *= scale[k] * scale[l];
            }
        }
        return comoment;
    }

    private static double clamp(double value, double lower, double upper) {
        return Math.max(lower, Math.min(upper, value));
    }

    private static String range(AttributeBounds bound) {
        return "[" + bound.lower() + ", " + bound.upper() + "]";
    }
}
