package io.smlfusion.engine.model;

/**
 * The server's bounds on one model selection, whatever the request asks.
 *
 * @param maxThreads most candidates scored at once ({@code autoselect_thread_pool_size} is capped by it)
 * @param maxCandidates most candidates one selection scores; the search stops there and keeps its best
 * @param maxBruteSubsets most subsets {@code selector_type_brute} may try; more inputs are refused
 * @param maxMillis longest a selection searches; it then stops and keeps its best
 */
public record SelectionLimits(int maxThreads, int maxCandidates, int maxBruteSubsets, long maxMillis) {

    public SelectionLimits {
        if (maxThreads < 1 || maxCandidates < 1 || maxBruteSubsets < 1 || maxMillis < 1) {
            throw new IllegalArgumentException("selection limits must be positive: " + maxThreads + ", "
                    + maxCandidates + ", " + maxBruteSubsets + ", " + maxMillis);
        }
    }
}
