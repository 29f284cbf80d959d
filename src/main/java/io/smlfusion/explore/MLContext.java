package io.smlfusion.explore;

import java.util.List;
import java.util.Map;

/**
 * One request of an ExploreContext (spec §4.3), as the client sent it: attribute references are
 * still text (indexes such as {@code "3"}, or names); {@link Selection} resolves them against a
 * project's schema.
 *
 * @param targets target attributes by index (or, in one list, by name)
 * @param inputAttributes input attributes by index (or, in one list, by name)
 * @param inputAttributeNames input attributes by name
 * @param targetAttributeNames target attributes by name
 * @param extraParameters metric parameters, always text ({@code "true"}, {@code "0.5"})
 */
public record MLContext(List<String> targets, List<String> inputAttributes,
                        List<String> inputAttributeNames, List<String> targetAttributeNames,
                        Map<String, String> extraParameters) {

    public MLContext {
        targets = List.copyOf(targets);
        inputAttributes = List.copyOf(inputAttributes);
        inputAttributeNames = List.copyOf(inputAttributeNames);
        targetAttributeNames = List.copyOf(targetAttributeNames);
        extraParameters = Map.copyOf(extraParameters);
    }
}
