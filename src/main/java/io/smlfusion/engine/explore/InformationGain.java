package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gain}: how much knowing the inputs tells about the target (spec §7.2; the product
 * documents no keys, these are ours). Both sides are binary indicators: {@code targets} are the
 * classes (the one-hot columns of a category, or one binary attribute standing for its values 1
 * and 0), {@code inputAttributes} the split (likewise). On their table of co-occurrence counts
 * ({@link ContingencyTable#ofIndicators}), in bits (Quinlan, "Induction of decision trees",
 * Machine Learning 1, 1986; "C4.5", 1993):
 * {@code entropy} = H(T), {@code conditionalEntropy} = H(T | X), {@code gain} = H(T) − H(T | X)
 * (the mutual information), {@code splitInfo} = H(X), {@code gainRatio} = gain/splitInfo.
 */
final class InformationGain {

    private InformationGain() {
    }

    static Map<String, Double> compute(Selection selection) {
        int[] inputs = selection.inputs();
        int[] targets = selection.targets();
        if (inputs.length == 0 || targets.length == 0 || !selection.allBinary(inputs) || !selection.allBinary(targets)) {
            throw selection.expected("inputAttributes of >= 1 binary attributes (the split) and targets of >= 1 binary"
                    + " attributes (the classes)");
        }
        ContingencyTable table = ContingencyTable.ofIndicators(selection.sums(), inputs, targets);
        double entropy = table.columnEntropy();
        double conditional = table.columnEntropyGivenRows();
        double gain = entropy - conditional;
        double split = table.rowEntropy();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("gain", gain);
        result.put("entropy", entropy);
        result.put("conditionalEntropy", conditional);
        result.put("splitInfo", split);
        result.put("gainRatio", gain / split);
        return result;
    }
}
