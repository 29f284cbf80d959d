package io.smlfusion.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a project knows about the rows it learned: the {@link Schema}, the total
 * {@link MomentBlock}, for partitioned projects one block per partition value (in first-seen
 * order), and, when enabled, one {@link MergeableHistogram} per attribute. Rows are never kept.
 * Mutable and not thread-safe: the owner serialises writers and gives readers a {@link #copy()}.
 *
 * <p>Attributes are aligned by name. An attribute absent from a data block, or unknown to one
 * side of a merge, holds 0 in those rows — exact for the one-hot attributes categories expand
 * into. New attributes are appended in first-seen order.
 *
 * <p><b>Merge contract.</b> {@code a.merge(b)} equals, up to rounding, a project that learned a's
 * rows and then b's rows (the union schema in a's order, then b's new attributes; partitions
 * merged per value; histograms bucket for bucket). {@code forget} is the exact inverse of
 * {@code learn}. A feature only one side has (partitions, histograms) is dropped from the result,
 * since the other side's rows cannot be described by it. {@link #mergeAll} depends only on the
 * order of its list.
 *
 * <p>Histograms enabled on a project that has rows ({@link #enableHistograms}) describe the rows
 * learned from then on: {@link #histogramRows} of the {@link #count} rows. Rows forgotten must
 * then be among those the histograms hold, or the forget is refused.
 *
 * <p>Every operation validates its input completely before changing anything: a learn, forget or
 * merge that throws leaves the project as it was.
 */
public final class ProjectStatistics {

    private Schema schema;
    private MomentBlock total;
    /** Per partition value, or null when the project is not partitioned. */
    private LinkedHashMap<String, MomentBlock> partitions;
    /** One per attribute, or null when histograms are disabled. */
    private List<MergeableHistogram> histograms;

    /** An empty project. */
    public ProjectStatistics(boolean partitioned, boolean histogramsEnabled) {
        this(Schema.EMPTY, new MomentBlock(0), partitioned ? new LinkedHashMap<>() : null,
                histogramsEnabled ? new ArrayList<>() : null);
    }

    /** Adopts the given parts (used by the snapshot reader, which validated their sizes). */
    ProjectStatistics(Schema schema, MomentBlock total,
                      LinkedHashMap<String, MomentBlock> partitions,
                      List<MergeableHistogram> histograms) {
        this.schema = schema;
        this.total = total;
        this.partitions = partitions;
        this.histograms = histograms;
    }

    /**
     * Statistics that only summarise rows, without partitions or histograms: {@code total} over
     * {@code schema}'s attributes (for a released summary such as a differentially private one).
     *
     * @throws IllegalArgumentException when the block's dimension is not the schema's size
     */
    public static ProjectStatistics summary(Schema schema, MomentBlock total) {
        if (total.dimension() != schema.size()) {
            throw new IllegalArgumentException("a block over " + total.dimension() + " attributes cannot summarise "
                    + schema.size());
        }
        return new ProjectStatistics(schema, total, null, null);
    }

    /**
     * Learns a block, appending its new attributes to the schema.
     *
     * @throws IllegalArgumentException when an attribute's type conflicts with the schema (a
     *     category {@code x} — binary attributes {@code x$value} — and an attribute {@code x} cannot
     *     both exist), or the block's partition values do not match whether this project is
     *     partitioned
     */
    public void learn(DataBlock block) {
        requirePartitionValues(block);
        String clash = schema.categoryClash(block.names(), block.types());
        if (clash != null) {
            throw new IllegalArgumentException(clash);
        }
        Schema.Extension extension = schema.extendWith(block.names(), block.types());
        int p = extension.schema().size();
        double[] rows = alignedRows(block, extension.indexes(), p);
        List<PartitionGroup> groups = partitions == null ? List.of()
                : PartitionGroup.split(rows, p, block);

        extendTo(extension.schema());
        total.learn(rows, block.rowCount());
        for (PartitionGroup group : groups) {
            partitions.computeIfAbsent(group.value(), value -> new MomentBlock(p))
                    .learn(group.rows(), group.rowCount());
        }
        if (histograms != null) {
            for (int i = 0; i < p; i++) {
                histograms.get(i).addColumn(rows, block.rowCount(), p, i);
            }
        }
    }

    /**
     * Forgets a block learned before. A partition whose rows are all forgotten disappears.
     *
     * @throws IllegalArgumentException when the block names an attribute this project never
     *     learned (the message names it), a type conflicts, or it holds more rows — overall, per
     *     partition or per histogram bucket — than were learned
     */
    public void forget(DataBlock block) {
        requirePartitionValues(block);
        int p = schema.size();
        double[] rows = alignedRows(block, schema.indexesOf(block.names(), block.types()), p);
        if (block.rowCount() > total.count()) {
            throw new IllegalArgumentException("cannot forget " + block.rowCount()
                    + " rows: only " + total.count() + " were learned");
        }
        List<PartitionGroup> groups = partitions == null ? List.of()
                : PartitionGroup.split(rows, p, block);
        for (PartitionGroup group : groups) {
            MomentBlock partition = partitions.get(group.value());
            long learned = partition == null ? 0 : partition.count();
            if (group.rowCount() > learned) {
                throw new IllegalArgumentException("cannot forget " + group.rowCount()
                        + " rows of partition '" + group.value() + "': only " + learned
                        + " were learned");
            }
        }
        List<MergeableHistogram> forgotten = histograms == null ? List.of()
                : columnHistograms(rows, block.rowCount());

        total.forget(rows, block.rowCount());
        for (PartitionGroup group : groups) {
            MomentBlock partition = partitions.get(group.value());
            partition.forget(group.rows(), group.rowCount());
            if (partition.count() == 0) {
                partitions.remove(group.value());
            }
        }
        for (int i = 0; i < forgotten.size(); i++) {
            histograms.get(i).subtract(forgotten.get(i));
        }
    }

    /**
     * The statistics of {@code block}'s rows alone, shaped to be {@linkplain #merge merged} into
     * this project (a learn) or {@linkplain #subtract subtracted} from it (a forget): partitioned
     * like this project, with histograms (when it keeps them) at the accuracy of its histogram of
     * the same attribute. Reads this project and changes nothing; its size does not depend on the
     * number of rows, which is why the write-ahead journal stores it instead of the rows.
     *
     * @throws IllegalArgumentException when an attribute's type conflicts with this project's schema
     *     (as {@link #learn} says), or the block's partition values do not match whether this project
     *     is partitioned
     */
    public ProjectStatistics summaryOf(DataBlock block) {
        // the summary starts from an empty schema: the block's types are checked against this one here
        String clash = schema.categoryClash(block.names(), block.types());
        if (clash != null) {
            throw new IllegalArgumentException(clash);
        }
        ProjectStatistics summary = new ProjectStatistics(partitions != null, false);
        summary.learn(block);
        if (histograms != null) {
            summary.histograms = new ArrayList<>(block.width());
            for (int c = 0; c < block.width(); c++) {
                int i = schema.indexOf(block.names().get(c));
                MergeableHistogram column = new MergeableHistogram(i < 0
                        ? MergeableHistogram.DEFAULT_RELATIVE_ACCURACY : histograms.get(i).relativeAccuracy());
                column.addColumn(block.rowMajor(), block.rowCount(), block.width(), c);
                summary.histograms.add(column);
            }
        }
        return summary;
    }

    /**
     * Removes rows learned before, given as their statistics (e.g. a {@link #summaryOf}): the
     * inverse of {@link #merge}, as {@link #forget} is the inverse of {@link #learn}. A partition
     * whose rows are all removed disappears.
     *
     * @throws IllegalArgumentException as {@link #forget} does (an attribute this project never
     *     learned, a type conflict, more rows than were learned overall, per partition or per
     *     histogram bucket), or when {@code rows} lacks the partitions or histograms this project
     *     keeps
     */
    public void subtract(ProjectStatistics rows) {
        int p = schema.size();
        int[] mapping = schema.indexesOf(rows.schema.names(), rows.schema.types());
        if (partitions != null && rows.partitions == null) {
            throw new IllegalArgumentException(
                    "this project is partitioned: every row needs a partition value");
        }
        if (histograms != null && rows.histograms == null) {
            throw new IllegalArgumentException(
                    "this project keeps histograms: the rows to remove must bring theirs");
        }
        if (rows.total.count() > total.count()) {
            throw new IllegalArgumentException("cannot forget " + rows.total.count()
                    + " rows: only " + total.count() + " were learned");
        }
        if (partitions != null) {
            rows.partitions.forEach((value, block) -> {
                MomentBlock partition = partitions.get(value);
                long learned = partition == null ? 0 : partition.count();
                if (block.count() > learned) {
                    throw new IllegalArgumentException("cannot forget " + block.count()
                            + " rows of partition '" + value + "': only " + learned
                            + " were learned");
                }
            });
        }
        List<MergeableHistogram> removed = histograms == null ? List.of()
                : alignedHistograms(rows, mapping);

        total.subtract(rows.total.aligned(mapping, p));
        if (partitions != null) {
            rows.partitions.forEach((value, block) -> {
                MomentBlock partition = partitions.get(value);
                partition.subtract(block.aligned(mapping, p));
                if (partition.count() == 0) {
                    partitions.remove(value);
                }
            });
        }
        for (int i = 0; i < removed.size(); i++) {
            histograms.get(i).subtract(removed.get(i));
        }
    }

    /**
     * Adds every row {@code other} learned; see the merge contract above.
     *
     * @throws IllegalArgumentException when an attribute has different types on the two sides
     */
    public void merge(ProjectStatistics other) {
        ProjectStatistics source = other == this ? other.copy() : other;
        Schema.Extension extension = schema.extendWith(source.schema.names(),
                source.schema.types());
        boolean keepHistograms = histograms != null && source.histograms != null;
        if (keepHistograms) {
            requireSameHistogramAccuracy(source);
        }
        int p = extension.schema().size();
        int[] mapping = extension.indexes();
        long sourceHistogramRows = source.histogramRows();

        extendTo(extension.schema());
        total.merge(source.total.aligned(mapping, p));
        if (partitions != null && source.partitions != null) {
            source.partitions.forEach((value, block) -> {
                MomentBlock aligned = block.aligned(mapping, p);
                MomentBlock existing = partitions.putIfAbsent(value, aligned);
                if (existing != null) {
                    existing.merge(aligned);
                }
            });
        } else {
            partitions = null;
        }
        if (keepHistograms) {
            mergeHistograms(source, mapping, sourceHistogramRows);
        } else {
            histograms = null;
        }
    }

    /**
     * The fusion of {@code inOrder}: the first project's copy, merged with each following one in
     * list order. The result depends on that order only.
     *
     * @throws IllegalArgumentException when the list is empty or attribute types conflict
     */
    public static ProjectStatistics mergeAll(List<ProjectStatistics> inOrder) {
        if (inOrder.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: the list of projects is empty");
        }
        ProjectStatistics result = inOrder.get(0).copy();
        for (ProjectStatistics next : inOrder.subList(1, inOrder.size())) {
            result.merge(next);
        }
        return result;
    }

    /** The memory these statistics take: see {@link Footprint}. */
    public Footprint footprint() {
        return new Footprint(schema.size(), 1 + (partitions == null ? 0 : partitions.size()), histogramBytes());
    }

    /**
     * The {@link #footprint()} after {@link #learn learning} {@code block}, found without
     * allocating anything the block would need: its new attributes and new partition values are
     * counted, histograms at their present size.
     */
    public Footprint footprintAfterLearning(DataBlock block) {
        int attributes = schema.size();
        for (String name : block.names()) {
            if (schema.indexOf(name) < 0) {
                attributes++;
            }
        }
        int blocks = 1;
        if (partitions != null && block.partitioned()) {
            Set<String> values = new HashSet<>(partitions.keySet());
            for (int row = 0; row < block.rowCount(); row++) {
                values.add(block.partitionValue(row));
            }
            blocks += values.size();
        } else if (partitions != null) {
            blocks += partitions.size();
        }
        return new Footprint(attributes, blocks, histogramBytes());
    }

    /** The {@link #footprint()} after {@link #merge merging} {@code other}, found without allocating. */
    public Footprint footprintAfterMerging(ProjectStatistics other) {
        int attributes = schema.size();
        for (String name : other.schema.names()) {
            if (schema.indexOf(name) < 0) {
                attributes++;
            }
        }
        int blocks = 1;
        if (partitions != null && other.partitions != null) {
            Set<String> values = new HashSet<>(partitions.keySet());
            values.addAll(other.partitions.keySet());
            blocks += values.size();
        }
        boolean keepHistograms = histograms != null && other.histograms != null;
        return new Footprint(attributes, blocks, keepHistograms ? histogramBytes() + other.histogramBytes() : 0);
    }

    private long histogramBytes() {
        long bytes = 0;
        if (histograms != null) {
            for (MergeableHistogram histogram : histograms) {
                bytes += histogram.bytes();
            }
        }
        return bytes;
    }

    public ProjectStatistics copy() {
        LinkedHashMap<String, MomentBlock> partitionsCopy = null;
        if (partitions != null) {
            partitionsCopy = new LinkedHashMap<>();
            for (Map.Entry<String, MomentBlock> entry : partitions.entrySet()) {
                partitionsCopy.put(entry.getKey(), entry.getValue().copy());
            }
        }
        List<MergeableHistogram> histogramsCopy = null;
        if (histograms != null) {
            histogramsCopy = new ArrayList<>(histograms.size());
            for (MergeableHistogram histogram : histograms) {
                histogramsCopy.add(histogram.copy());
            }
        }
        return new ProjectStatistics(schema, total.copy(), partitionsCopy, histogramsCopy);
    }

    public Schema schema() {
        return schema;
    }

    /**
     * The statistics of every row learned: a read-only view, current until the next change to
     * this project (a learn that adds attributes replaces the block).
     */
    public Moments total() {
        return total;
    }

    /**
     * The statistics per partition value in first-seen order, as read-only views current until
     * the next change to this project; empty when the project is not partitioned.
     */
    public Map<String, Moments> partitions() {
        return partitions == null ? Map.of() : Collections.unmodifiableMap(partitions);
    }

    public boolean partitioned() {
        return partitions != null;
    }

    public boolean histogramsEnabled() {
        return histograms != null;
    }

    /**
     * Starts histograms, empty, for every attribute (nothing when they are kept already): they
     * describe the rows learned from now on, not those learned before.
     */
    public void enableHistograms() {
        if (histograms == null) {
            histograms = new ArrayList<>(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                histograms.add(new MergeableHistogram());
            }
        }
    }

    /** Drops the histograms. */
    public void disableHistograms() {
        histograms = null;
    }

    /** The rows the histograms describe (0 without histograms). */
    public long histogramRows() {
        return histograms == null || histograms.isEmpty() ? 0 : histograms.get(0).count();
    }

    /** A copy of attribute i's histogram, or null when histograms are disabled. */
    public MergeableHistogram histogram(int i) {
        return histograms == null ? null : histograms.get(i).copy();
    }

    MomentBlock totalBlock() {
        return total;
    }

    /** The live partition blocks, or null when not partitioned. */
    Map<String, MomentBlock> partitionBlocks() {
        return partitions;
    }

    /** The live histograms, or null when disabled. */
    List<MergeableHistogram> histogramList() {
        return histograms;
    }

    /**
     * Widens every block to {@code extended} and gives each new attribute a histogram holding
     * one 0 per row the histograms describe so far.
     */
    private void extendTo(Schema extended) {
        int p = extended.size();
        if (p == schema.size()) {
            return;
        }
        total = total.widenedTo(p);
        if (partitions != null) {
            partitions.replaceAll((value, block) -> block.widenedTo(p));
        }
        if (histograms != null) {
            long described = histogramRows();
            while (histograms.size() < p) {
                MergeableHistogram zeros = new MergeableHistogram();
                zeros.add(0, described);
                histograms.add(zeros);
            }
        }
        schema = extended;
    }

    private void mergeHistograms(ProjectStatistics source, int[] mapping, long sourceRows) {
        boolean[] fromSource = new boolean[schema.size()];
        for (int c = 0; c < mapping.length; c++) {
            histograms.get(mapping[c]).merge(source.histograms.get(c));
            fromSource[mapping[c]] = true;
        }
        for (int i = 0; i < fromSource.length; i++) {
            if (!fromSource[i]) {
                histograms.get(i).add(0, sourceRows);
            }
        }
    }

    private List<MergeableHistogram> columnHistograms(double[] rows, int rowCount) {
        int p = schema.size();
        List<MergeableHistogram> columns = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            MergeableHistogram column = new MergeableHistogram(histograms.get(i).relativeAccuracy());
            column.addColumn(rows, rowCount, p, i);
            if (!histograms.get(i).includes(column)) {
                throw valuesNeverLearned(i);
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * {@code rows}' histograms over this project's attributes (zeros for those {@code rows} does
     * not have), each checked to hold no value this project's histogram lacks.
     */
    private List<MergeableHistogram> alignedHistograms(ProjectStatistics rows, int[] mapping) {
        int p = schema.size();
        List<MergeableHistogram> aligned = new ArrayList<>(Collections.nCopies(p, null));
        for (int c = 0; c < mapping.length; c++) {
            aligned.set(mapping[c], rows.histograms.get(c));
        }
        for (int i = 0; i < p; i++) {
            if (aligned.get(i) == null) {
                MergeableHistogram zeros = new MergeableHistogram(histograms.get(i).relativeAccuracy());
                zeros.add(0, rows.total.count());
                aligned.set(i, zeros);
            }
            if (!histograms.get(i).includes(aligned.get(i))) {
                throw valuesNeverLearned(i);
            }
        }
        return aligned;
    }

    /** Rows to forget that the histograms of attribute i do not hold. */
    private IllegalArgumentException valuesNeverLearned(int i) {
        long described = histogramRows();
        return new IllegalArgumentException("attribute '" + schema.name(i)
                + "': the block holds values this project never learned"
                + (described < total.count() ? " since its histograms were enabled (they describe "
                        + described + " of its " + total.count() + " rows; disable them to forget"
                        + " earlier rows)" : ""));
    }

    private void requireSameHistogramAccuracy(ProjectStatistics other) {
        for (int c = 0; c < other.histograms.size(); c++) {
            int i = schema.indexOf(other.schema.name(c));
            if (i >= 0 && histograms.get(i).relativeAccuracy()
                    != other.histograms.get(c).relativeAccuracy()) {
                throw new IllegalArgumentException("attribute '" + schema.name(i)
                        + "': histograms of different relative accuracy cannot be merged");
            }
        }
    }

    private void requirePartitionValues(DataBlock block) {
        if (block.partitioned() != (partitions != null)) {
            throw new IllegalArgumentException(partitions != null
                    ? "this project is partitioned: every row needs a partition value"
                    : "this project is not partitioned: rows must not carry partition values");
        }
    }

    /**
     * The block's rows laid out over {@code width} schema attributes: column c goes to
     * {@code indexes[c]}, every other attribute holds 0.
     */
    private static double[] alignedRows(DataBlock block, int[] indexes, int width) {
        double[] values = block.rowMajor();
        int[] identity = new int[width];
        Arrays.setAll(identity, i -> i);
        if (Arrays.equals(indexes, identity)) {
            return values;
        }
        int rowCount = block.rowCount();
        int blockWidth = block.width();
        double[] rows = new double[rowCount * width];
        for (int row = 0; row < rowCount; row++) {
            for (int c = 0; c < blockWidth; c++) {
                rows[row * width + indexes[c]] = values[row * blockWidth + c];
            }
        }
        return rows;
    }
}
