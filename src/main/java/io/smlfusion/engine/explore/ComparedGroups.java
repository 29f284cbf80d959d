package io.smlfusion.engine.explore;

/**
 * The two groups a two-sample z, t or F test compares (spec §7.3), from {@code inputAttributes}:
 * <ul>
 * <li>[x₁, x₂], two continuous attributes: each attribute over every row;</li>
 * <li>[x, b₁, b₂], one continuous and two binary attributes: x where b₁ = 1 versus x where
 *     b₂ = 1 (counts, means and variances from S1, C and Q, spec §10.2).</li>
 * </ul>
 */
record ComparedGroups(Group first, Group second) {

    static final String LAYOUTS = "inputAttributes [continuous, continuous] or [continuous, binary, binary]";

    static ComparedGroups of(Selection selection) {
        int[] a = selection.inputs();
        MomentSums sums = selection.sums();
        if (a.length == 2 && selection.isContinuous(a[0]) && selection.isContinuous(a[1])) {
            return new ComparedGroups(sums.column(a[0]), sums.column(a[1]));
        }
        if (a.length == 3 && selection.isContinuous(a[0]) && selection.isBinary(a[1]) && selection.isBinary(a[2])) {
            return new ComparedGroups(sums.where(a[0], a[1]), sums.where(a[0], a[2]));
        }
        throw selection.expected(LAYOUTS);
    }

    /** The one continuous attribute of a test against a known parameter. */
    static Group single(Selection selection, String parameter) {
        int[] a = selection.inputs();
        if (a.length != 1 || !selection.isContinuous(a[0])) {
            throw selection.expected("inputAttributes [continuous] and extraParameters." + parameter);
        }
        return selection.sums().column(a[0]);
    }
}
