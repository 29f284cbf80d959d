package io.smlfusion.engine.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered, named and typed attributes a project's statistics are indexed by. Immutable.
 *
 * <p>Order is first-seen order: extending a schema keeps every existing index and appends the new
 * names in the order they are given. Clients address attributes by index, so this order is part of
 * the public contract and must not depend on anything but the sequence of extensions.
 */
public final class Schema {

    /** The schema of a project that has learned nothing. */
    public static final Schema EMPTY = new Schema(List.of(), List.of(), Map.of());

    /** Joins a category attribute and its value: {@code attr$value}. */
    public static final String CATEGORY_SEPARATOR = "$";

    private final List<String> names;
    private final List<AttributeType> types;
    private final Map<String, Integer> indexes;

    private Schema(List<String> names, List<AttributeType> types, Map<String, Integer> indexes) {
        this.names = names;
        this.types = types;
        this.indexes = indexes;
    }

    /**
     * A schema holding {@code names} in order.
     *
     * @throws IllegalArgumentException when a name repeats or the lists differ in length
     */
    public static Schema of(List<String> names, List<AttributeType> types) {
        Extension extension = EMPTY.extendWith(names, types);
        if (extension.schema().size() != names.size()) {
            throw new IllegalArgumentException("attribute names repeat in " + names);
        }
        return extension.schema();
    }

    /**
     * The result of {@link #extendWith}: the extended schema, and for each given name its index in
     * that schema.
     */
    public record Extension(Schema schema, int[] indexes) {
    }

    /**
     * Appends the names this schema does not hold yet, in the given order.
     *
     * @return the extended schema (this one when nothing is new) and the index of every given
     *     name in it
     * @throws IllegalArgumentException when a known name is given with another type; the message
     *     names the attribute and both types
     */
    public Extension extendWith(List<String> newNames, List<AttributeType> newTypes) {
        requireSameLength(newNames, newTypes);
        List<String> allNames = new ArrayList<>(names);
        List<AttributeType> allTypes = new ArrayList<>(types);
        Map<String, Integer> allIndexes = new HashMap<>(indexes);
        int[] mapping = new int[newNames.size()];
        for (int c = 0; c < mapping.length; c++) {
            String name = Objects.requireNonNull(newNames.get(c), "attribute name");
            AttributeType type = Objects.requireNonNull(newTypes.get(c), "attribute type");
            Integer known = allIndexes.get(name);
            if (known == null) {
                known = allNames.size();
                allNames.add(name);
                allTypes.add(type);
                allIndexes.put(name, known);
            } else {
                requireType(name, allTypes.get(known), type);
            }
            mapping[c] = known;
        }
        if (allNames.size() == names.size()) {
            return new Extension(this, mapping);
        }
        return new Extension(new Schema(Collections.unmodifiableList(allNames),
                Collections.unmodifiableList(allTypes), Collections.unmodifiableMap(allIndexes)),
                mapping);
    }

    /**
     * Why learning {@code newNames} would mix a category with a plain attribute of the same name:
     * a {@code T} attribute {@code x} becomes the binary attributes {@code x$value}, so {@code x}
     * and a binary {@code x$…} cannot both exist — the attribute would have changed type between
     * learns. Only names new to this schema are checked, so the cost is nil once attributes are
     * known.
     *
     * @return the reason, naming both attributes, or null when nothing clashes
     */
    public String categoryClash(List<String> newNames, List<AttributeType> newTypes) {
        requireSameLength(newNames, newTypes);
        List<Integer> fresh = new ArrayList<>();
        for (int c = 0; c < newNames.size(); c++) {
            if (!indexes.containsKey(newNames.get(c))) {
                fresh.add(c);
            }
        }
        if (fresh.isEmpty()) {
            return null;
        }
        Map<String, String> categoryOf = new HashMap<>();
        Map<String, AttributeType> all = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            addCategories(names.get(i), types.get(i), categoryOf);
            all.put(names.get(i), types.get(i));
        }
        for (int c : fresh) {
            addCategories(newNames.get(c), newTypes.get(c), categoryOf);
            all.putIfAbsent(newNames.get(c), newTypes.get(c));
        }
        for (int c : fresh) {
            String name = newNames.get(c);
            String member = categoryOf.get(name);
            if (member != null) {
                return clash(name, all.get(name), member);
            }
            if (newTypes.get(c) == AttributeType.BINARY) {
                for (int at = name.indexOf(CATEGORY_SEPARATOR); at > 0; at = name.indexOf(CATEGORY_SEPARATOR, at + 1)) {
                    String category = name.substring(0, at);
                    if (all.containsKey(category)) {
                        return clash(category, all.get(category), name);
                    }
                }
            }
        }
        return null;
    }

    private static String clash(String plain, AttributeType plainType, String member) {
        return "attribute '" + plain + "' cannot be both type " + plainType.code() + " and a category (type T, expanded to '"
                + member + "'): an attribute keeps its type from one learn to the next";
    }

    /** Every category {@code x} that the binary attribute {@code x$value} (or {@code x$a$b}) may belong to. */
    private static void addCategories(String name, AttributeType type, Map<String, String> categoryOf) {
        if (type != AttributeType.BINARY) {
            return;
        }
        for (int at = name.indexOf(CATEGORY_SEPARATOR); at > 0; at = name.indexOf(CATEGORY_SEPARATOR, at + 1)) {
            categoryOf.putIfAbsent(name.substring(0, at), name);
        }
    }

    /** This schema's attributes, then {@code other}'s new ones in {@code other}'s order. */
    public Schema union(Schema other) {
        return extendWith(other.names, other.types).schema();
    }

    /**
     * The index of every given name, which must all be known with the same type; used where
     * new attributes make no sense (forget).
     *
     * @throws IllegalArgumentException naming the first unknown attribute or type conflict
     */
    public int[] indexesOf(List<String> knownNames, List<AttributeType> knownTypes) {
        requireSameLength(knownNames, knownTypes);
        int[] mapping = new int[knownNames.size()];
        for (int c = 0; c < mapping.length; c++) {
            String name = knownNames.get(c);
            int index = indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(
                        "attribute '" + name + "' is unknown to this project");
            }
            requireType(name, types.get(index), knownTypes.get(c));
            mapping[c] = index;
        }
        return mapping;
    }

    /** The index of {@code name}, or -1 when this schema does not hold it. */
    public int indexOf(String name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    public String name(int index) {
        return names.get(index);
    }

    public AttributeType type(int index) {
        return types.get(index);
    }

    public int size() {
        return names.size();
    }

    /** The names in index order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** The types in index order (unmodifiable). */
    public List<AttributeType> types() {
        return types;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema schema
                && names.equals(schema.names) && types.equals(schema.types);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + types.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Schema[");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(':')
                    .append(types.get(i).code());
        }
        return text.append(']').toString();
    }

    private static void requireSameLength(List<String> names, List<AttributeType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " attribute names but "
                    + types.size() + " attribute types");
        }
    }

    private static void requireType(String name, AttributeType known, AttributeType given) {
        if (known != given) {
            throw new IllegalArgumentException("attribute '" + name + "' has type "
                    + known.code() + " in this project but type " + given.code() + " here");
        }
    }
}
