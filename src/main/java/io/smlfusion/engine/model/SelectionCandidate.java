package io.smlfusion.engine.model;

import java.util.List;
import java.util.Map;

/**
 * One model a selection built and scored.
 *
 * @param number its rank in the order the search scored them, from 1
 * @param parameters the grid parameters it added to the request's options (e.g. {@code lambda})
 * @param score its score by the selection's {@link Assessment}; NaN when it could not be built or scored
 * @param error why it could not be built or scored, or null
 */
public record SelectionCandidate(int number, ModelAlgorithm algorithm, Map<String, String> parameters,
                                 List<String> inputs, double score, String error) {

    public SelectionCandidate {
        parameters = Map.copyOf(parameters);
        inputs = List.copyOf(inputs);
    }
}
