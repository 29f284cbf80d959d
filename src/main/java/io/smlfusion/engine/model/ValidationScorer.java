package io.smlfusion.engine.model;

import io.smlfusion.engine.stats.ProjectStatistics;

/** Scores a candidate by its predictions on the out-of-sample {@link ValidationRows}. */
final class ValidationScorer implements CandidateScorer {

    private final ProjectStatistics statistics;
    private final ValidationRows rows;
    private final SelectionTask task;
    private final Assessment assessment;
    private final double[] numericTruth;
    private final String[] classTruth;

    ValidationScorer(ProjectStatistics statistics, ValidationRows rows, SelectionTask task, Assessment assessment,
                     String target) {
        this.statistics = statistics;
        this.rows = rows;
        this.task = task;
        this.assessment = assessment;
        this.numericTruth = task == SelectionTask.MULTICLASS_CLASSIFIER ? null
                : rows.numericTruth(target, task == SelectionTask.BINARY_CLASSIFIER);
        this.classTruth = task == SelectionTask.MULTICLASS_CLASSIFIER ? rows.classTruth() : null;
    }

    @Override
    public Scored score(ModelSpec spec) {
        Model model = ModelBuilder.build(statistics, spec);
        return new Scored(model, assess(model));
    }

    double assess(Model model) {
        int[] columns = rows.columnsOf(model);
        int n = rows.rowCount();
        return switch (task) {
            case BINARY_CLASSIFIER -> {
                String scoreKey = model.description().scoreInfo().get(0);
                double[] scores = new double[n];
                double[] predicted = new double[n];
                for (int r = 0; r < n; r++) {
                    Prediction prediction = model.predict(rows.rowFor(model, columns, r));
                    scores[r] = prediction.number(scoreKey);
                    predicted[r] = prediction.number("res");
                }
                yield ValidationMetrics.binary(assessment, scores, predicted, numericTruth);
            }
            case REGRESSION -> {
                double[] predicted = new double[n];
                for (int r = 0; r < n; r++) {
                    predicted[r] = model.predict(rows.rowFor(model, columns, r)).number("res");
                }
                yield ValidationMetrics.regression(assessment, predicted, numericTruth);
            }
            case MULTICLASS_CLASSIFIER -> {
                String[] predicted = new String[n];
                for (int r = 0; r < n; r++) {
                    predicted[r] = model.predict(rows.rowFor(model, columns, r)).text("res");
                }
                yield ValidationMetrics.multiclass(assessment, predicted, classTruth);
            }
        };
    }
}
