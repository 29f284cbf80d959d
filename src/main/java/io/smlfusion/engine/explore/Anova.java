package io.smlfusion.engine.explore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code anova}: one-way analysis of variance (spec §7.2, §7.3, §10.2) over k groups of sizes nᵢ,
 * means mᵢ and population variances vᵢ, N = Σnᵢ, grand mean m = Σnᵢmᵢ/N:
 * {@code SSb} = Σnᵢ(mᵢ − m)², {@code SSw} = Σnᵢvᵢ, {@code Dfb} = k − 1, {@code Dfw} = N − k,
 * {@code MSb} = SSb/Dfb, {@code MSw} = SSw/Dfw, {@code F} = MSb/MSw, {@code Ssgamma} = SSb + SSw
 * (total), {@code Dfgamma} = N − 1, {@code P} = P(F(Dfb, Dfw) ≥ F) — as R's {@code aov} or scipy's
 * {@code f_oneway}. The groups come from either layout:
 * <ul>
 * <li>{@code inputAttributes} = ≥ 2 continuous attributes, no targets: each attribute is a group
 *     over every row;</li>
 * <li>{@code inputAttributes} = [x] continuous, {@code targets} = binary group indicators (the
 *     one-hot columns of a category): group i is x where targetᵢ = 1; a single binary target
 *     splits the rows into its 1 and 0 groups.</li>
 * </ul>
 */
final class Anova {

    private Anova() {
    }

    static Map<String, Double> compute(Selection selection) {
        return table(groups(selection));
    }

    private static List<Group> groups(Selection selection) {
        int[] inputs = selection.inputs();
        MomentSums sums = selection.sums();
        if (!selection.hasTargets()) {
            if (inputs.length >= 2 && Arrays.stream(inputs).allMatch(selection::isContinuous)) {
                return Arrays.stream(inputs).mapToObj(sums::column).toList();
            }
        } else {
            int[] targets = selection.targets();
            if (inputs.length == 1 && selection.isContinuous(inputs[0]) && targets.length >= 1
                    && selection.allBinary(targets)) {
                int x = inputs[0];
                if (targets.length == 1) {
                    return List.of(sums.where(x, targets[0]), sums.whereNot(x, targets[0]));
                }
                return Arrays.stream(targets).mapToObj(group -> sums.where(x, group)).toList();
            }
        }
        throw selection.expected("inputAttributes of >= 2 continuous attributes (one group each), or inputAttributes"
                + " [continuous] with targets of >= 1 binary group indicators");
    }

    private static Map<String, Double> table(List<Group> groups) {
        double total = groups.stream().mapToDouble(Group::count).sum();
        double grandMean = groups.stream().mapToDouble(g -> g.count() * g.mean()).sum() / total;
        double between = groups.stream().mapToDouble(g -> g.count() * (g.mean() - grandMean) * (g.mean() - grandMean)).sum();
        double within = groups.stream().mapToDouble(Group::squaredDeviations).sum();
        double dfBetween = groups.size() - 1;
        double dfWithin = total - groups.size();
        double f = (between / dfBetween) / (within / dfWithin);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("SSb", between);
        result.put("SSw", within);
        result.put("Dfb", dfBetween);
        result.put("Dfw", dfWithin);
        result.put("MSb", between / dfBetween);
        result.put("MSw", within / dfWithin);
        result.put("F", f);
        result.put("Ssgamma", between + within);
        result.put("Dfgamma", total - 1);
        result.put("P", Probabilities.upperF(f, dfBetween, dfWithin));
        return result;
    }
}
