package io.smlfusion.fusion;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.smlfusion.refusal.RequestRefused;

/**
 * The fusions a cell call is made for, outermost first: the header {@value #HEADER} that every call
 * of a fusion to its cells carries, so that a fusion that is a cell of another fusion (hierarchical
 * fusions) recognises a request that has already passed through it — a cycle — and refuses it at
 * once instead of refreshing, which would call itself again and wait for itself until the deadline.
 *
 * <p>Wire form: opaque hop ids joined by {@code ,} (spaces around them allowed, as in any HTTP list),
 * e.g. {@code sym-fusion-path: 3vQ9xU1bH0kzWq7e,Kp2mR8sT4yNc6LdA}. A hop id is drawn at random
 * ({@link #newHopId}) when a fusion project is built, so it names nothing — no customer, project or
 * host — and a cell host learns only how many fusions stand above it. Ids are unique per fusion
 * object on one server, which is all cycle detection needs.
 *
 * <p>The header is hostile input: it is measured before it is split, and refused (400) when it has
 * more than {@code maxDepth} ids, an id of other characters than {@code [A-Za-z0-9_-]}, or an id
 * longer than {@value #MAX_ID_LENGTH}.
 */
public record FusionPath(List<String> hops) {

    public static final String HEADER = "sym-fusion-path";
    /** A fusion's refusal when it finds itself on the path; {@link CellStatus#ofHttp} recognises it. */
    public static final String CYCLE = "Fusion cycle";
    /** A fusion's refusal of a path as long as its {@code smlfusion.fusion.max.depth}. */
    public static final String TOO_DEEP = "Fusion path too deep";
    /** No configuration makes the header longer than this many ids. */
    public static final int MAX_DEPTH_LIMIT = 64;
    static final int MAX_ID_LENGTH = 32;

    public static final FusionPath EMPTY = new FusionPath(List.of());

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 12 random bytes: 16 characters of Base64url, no padding. */
    private static final int ID_BYTES = 12;

    public FusionPath {
        hops = List.copyOf(hops);
    }

    /** A new, unguessable id for one fusion: 96 random bits, nothing derived from the fusion. */
    static String newHopId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Reads the header of an incoming request; no header (or a blank one) is the empty path of a
     * request that comes from no fusion.
     *
     * @param maxDepth the most ids accepted ({@code smlfusion.fusion.max.depth}, at most {@value #MAX_DEPTH_LIMIT})
     * @throws RequestRefused 400 naming the problem
     */
    public static FusionPath parse(String header, int maxDepth) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        int depth = Math.max(1, Math.min(maxDepth, MAX_DEPTH_LIMIT));
        // ids, commas and a little optional white space: anything longer is refused before splitting
        if (header.length() > depth * (MAX_ID_LENGTH + 3)) {
            throw RequestRefused.invalid(TOO_DEEP + ": the " + HEADER + " header has " + header.length()
                    + " characters, more than " + depth + " fusions (" + FusionConfig.MAX_DEPTH_KEY + ") take");
        }
        String[] items = header.split(",", -1);
        if (items.length > depth) {
            throw RequestRefused.invalid(TOO_DEEP + ": the " + HEADER + " header names " + items.length
                    + " fusions, more than " + FusionConfig.MAX_DEPTH_KEY + " = " + depth);
        }
        List<String> hops = new ArrayList<>(items.length);
        for (String item : items) {
            String id = item.strip();
            if (!ID.matcher(id).matches()) {
                throw RequestRefused.invalid("The " + HEADER + " header is malformed: it is a list of fusion ids of 1 to "
                        + MAX_ID_LENGTH + " characters A-Z a-z 0-9 _ - separated by commas");
            }
            hops.add(id);
        }
        return new FusionPath(hops);
    }

    /** How many fusions the request has passed through. */
    public int depth() {
        return hops.size();
    }

    public boolean contains(String hopId) {
        return hops.contains(hopId);
    }

    /**
     * Admits the fusion {@code hopId} (project {@code pid}) to this path: the path its cell calls
     * for this request carry.
     *
     * @throws RequestRefused 409 {@value #CYCLE} when the fusion is on the path already; 400
     *                        {@value #TOO_DEEP} when the path holds {@code maxDepth} fusions already
     */
    public FusionPath enter(String hopId, String pid, int maxDepth) {
        if (contains(hopId)) {
            throw RequestRefused.conflict(CYCLE + ": fusion project [" + pid + "] is already on the path of this request ("
                    + depth() + " fusion(s) in " + HEADER + "): a fusion cannot be its own cell, directly or through other fusions");
        }
        if (depth() >= maxDepth) {
            throw RequestRefused.invalid(TOO_DEEP + ": the request has passed through " + depth() + " fusions; fusion project ["
                    + pid + "] would be one more than " + FusionConfig.MAX_DEPTH_KEY + " = " + maxDepth);
        }
        return then(hopId);
    }

    /** The path of the calls a fusion makes for this request: this path, then the fusion itself. */
    public FusionPath then(String hopId) {
        List<String> longer = new ArrayList<>(hops);
        longer.add(hopId);
        return new FusionPath(longer);
    }

    /** The header value; null for the empty path, so that no header is sent. */
    public String header() {
        return hops.isEmpty() ? null : String.join(",", hops);
    }
}
