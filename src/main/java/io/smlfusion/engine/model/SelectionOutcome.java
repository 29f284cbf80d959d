package io.smlfusion.engine.model;

import java.util.List;

/**
 * What a model selection found: every candidate it scored, in order, the best of them and its
 * model, and notes (algorithms left out and why, a search stopped by a limit).
 *
 * @param criterion what the scores are, e.g. "auc on 10000 validation rows"
 */
public record SelectionOutcome(Assessment assessment, String criterion, List<SelectionCandidate> candidates,
                               SelectionCandidate best, Model model, ModelSpec spec, List<String> notes) {

    public SelectionOutcome {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }
}
