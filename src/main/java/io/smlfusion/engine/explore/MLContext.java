package io.smlfusion.engine.explore;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.smlfusion.engine.stats.Schema;

/**
 * One MLContext (spec §4.3), as the client sent it: attribute references are still text (indexes
 * such as {@code "3"}, or names) until {@link #inputIndexes} and {@link #targetIndexes} resolve them
 * against a project's schema — the one resolution shared by exploration and modelling.
 *
 * <p>Attribute lists: {@code inputAttributes}/{@code targets} hold indexes — as text or JSON
 * numbers — or names; {@code inputAttributeNames}/{@code targetAttributeNames} hold names. One
 * list never mixes indexes and names, and inputs (targets) are given in one of the two lists, not
 * both.
 *
 * @param targets target attributes by index (or, in one list, by name)
 * @param inputAttributes input attributes by index (or, in one list, by name)
 * @param inputAttributeNames input attributes by name
 * @param targetAttributeNames target attributes by name
 * @param extraParameters metric or build parameters, always text ({@code "true"}, {@code "0.5"})
 */
public record MLContext(List<String> targets, List<String> inputAttributes,
                        List<String> inputAttributeNames, List<String> targetAttributeNames,
                        Map<String, String> extraParameters) {

    private static final Pattern INDEX = Pattern.compile("-?\\d+");

    public MLContext {
        targets = List.copyOf(targets);
        inputAttributes = List.copyOf(inputAttributes);
        inputAttributeNames = List.copyOf(inputAttributeNames);
        targetAttributeNames = List.copyOf(targetAttributeNames);
        extraParameters = Map.copyOf(extraParameters);
    }

    /**
     * The input attributes as schema indexes, in the order given.
     *
     * @throws ExploreException when lists are mixed or doubled, an index is out of range or a name
     *     unknown (the message names the list and the entry)
     */
    public int[] inputIndexes(Schema schema) {
        return resolve(schema, "inputAttributes", inputAttributes, "inputAttributeNames", inputAttributeNames);
    }

    /** The target attributes as schema indexes, in the order given; errors as {@link #inputIndexes}. */
    public int[] targetIndexes(Schema schema) {
        return resolve(schema, "targets", targets, "targetAttributeNames", targetAttributeNames);
    }

    /** Whether any target is given, in either list. */
    public boolean hasTargets() {
        return !targets.isEmpty() || !targetAttributeNames.isEmpty();
    }

    /** The inputs as the client wrote them, from whichever list holds them. */
    public List<String> inputTexts() {
        return inputAttributes.isEmpty() ? inputAttributeNames : inputAttributes;
    }

    /** Whether {@code text} is written as an attribute index (a whole number) rather than a name. */
    public static boolean isIndex(String text) {
        return INDEX.matcher(text.strip()).matches();
    }

    private static int[] resolve(Schema schema, String listKey, List<String> list, String namesKey, List<String> names) {
        if (!list.isEmpty() && !names.isEmpty()) {
            throw new ExploreException("give attributes either in " + listKey + " or in " + namesKey + ", not in both");
        }
        if (!names.isEmpty()) {
            return names.stream().mapToInt(name -> byName(schema, namesKey, name)).toArray();
        }
        long indexes = list.stream().filter(MLContext::isIndex).count();
        if (indexes != 0 && indexes != list.size()) {
            throw new ExploreException(listKey + " " + list + " mixes attribute indexes and names; use one or the other");
        }
        return list.stream()
                .mapToInt(entry -> indexes == 0 ? byName(schema, listKey, entry) : byIndex(schema, listKey, entry.strip()))
                .toArray();
    }

    private static int byIndex(Schema schema, String listKey, String text) {
        int size = schema.size();
        int index;
        try {
            index = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= size) {
            throw new ExploreException(listKey + ": attribute index " + text + " is out of range; the project has "
                    + size + " attributes" + (size == 0 ? "" : " (indexes 0 to " + (size - 1) + ")"));
        }
        return index;
    }

    private static int byName(Schema schema, String listKey, String name) {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new ExploreException(listKey + ": the project has no attribute named '" + name + "'");
        }
        return index;
    }
}
