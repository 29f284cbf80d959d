package io.smlfusion.engine.model;

/** Builds the model of a candidate and scores it by the selection's {@link Assessment}. */
interface CandidateScorer {

    /**
     * @throws ModelBuildException when the candidate's model cannot be built or scored
     */
    Scored score(ModelSpec spec);

    /** A candidate's model with its score. */
    record Scored(Model model, double score) {
    }
}
