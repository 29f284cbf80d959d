package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Model selection (spec §8.3) from a project's statistics: for each competing algorithm, an
 * input-subset search ({@link SubsetSearch}) at the centre of its parameter grid, started by the
 * candidate on every input; then its parameter grid ({@link GridType}) on the subset found. Every
 * candidate is built by {@link ModelBuilder} and scored by a validation frame
 * ({@link ValidationScorer}) or, without one, by an information criterion of the statistics
 * ({@link StatisticsCriterion}). The best score of all candidates wins (the first of equals), so
 * the winner is never worse than the all-inputs model it started from.
 *
 * <p>Candidates of one search step are scored on a pool of {@link SelectionSettings#threads()}
 * threads; a subset scored once is not scored again. The search stops early — keeping its best —
 * after {@link SelectionLimits#maxCandidates()} candidates or {@link SelectionSettings#maxMillis()},
 * and when its thread is interrupted (the job was cancelled) it throws {@link CancellationException}.
 */
public final class ModelSelection {

    /**
     * What to select among.
     *
     * @param algorithms the competing algorithms (one for {@code selectModel})
     * @param target the target attribute (for {@code mlda}/{@code mqda} the class column of the validation frame)
     * @param inputs the candidate inputs, at least one
     * @param options the request's {@code extraParameters}; the selection keys are not passed to the builder
     * @param validation the validation frame, or null for a criterion of the statistics
     * @throws ModelBuildException when there is no input, or brute force would try more subsets
     *     than {@link SelectionLimits#maxBruteSubsets()}
     */
    public record Request(SelectionTask task, List<ModelAlgorithm> algorithms, String target, List<String> inputs,
                          ModelOptions options, SelectionSettings settings, ValidationRows validation) {

        public Request {
            algorithms = List.copyOf(algorithms);
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) {
                throw new ModelBuildException("model selection needs at least one input attribute");
            }
            int p = inputs.size();
            long subsets = SubsetSearch.bruteForceSize(p);
            if (settings.selector() == SelectorType.BRUTE
                    && (subsets < 0 || subsets > settings.limits().maxBruteSubsets())) {
                throw new ModelBuildException("selector_type_brute would try 2^" + p + " - 1 input subsets; this server "
                        + "tries at most " + settings.limits().maxBruteSubsets()
                        + " (smlfusion.selection.brute.max.subsets): use selector_type_fw_bw, or fewer inputs");
            }
        }
    }

    private final ProjectStatistics statistics;
    private final Request request;
    private final CandidateScorer scorer;
    private final ModelOptions buildOptions;
    private final Map<String, Double> scored = new ConcurrentHashMap<>();
    private final List<SelectionCandidate> candidates = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final long deadline;
    private String stopReason;

    private ModelSelection(ProjectStatistics statistics, Request request) {
        this.statistics = statistics;
        this.request = request;
        SelectionSettings settings = request.settings();
        this.scorer = request.validation() == null ? new StatisticsCriterion(statistics, settings.assessment())
                : new ValidationScorer(statistics, request.validation(), request.task(), settings.assessment(),
                request.target());
        Map<String, String> options = new LinkedHashMap<>(request.options().asMap());
        options.keySet().removeAll(SelectionSettings.KEYS);
        this.buildOptions = ModelOptions.of(options);
        this.deadline = System.nanoTime() + settings.maxMillis() * 1_000_000;
    }

    /**
     * @throws ModelBuildException when no candidate could be built — the message then gives the first candidate's error
     */
    public static SelectionOutcome select(ProjectStatistics statistics, Request request) {
        return new ModelSelection(statistics, request).run();
    }

    private SelectionOutcome run() {
        SelectionSettings settings = request.settings();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "model-selection");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (ModelAlgorithm algorithm : request.algorithms()) {
                if (request.validation() == null && !hasStatisticsCriterion(algorithm)) {
                    notes.add(algorithm.id() + " left out: it has no criterion from the statistics alone; "
                            + "send a validation frame to include it");
                    continue;
                }
                selectFor(algorithm, pool);
            }
        } finally {
            pool.shutdownNow();
        }
        if (stopReason != null) {
            notes.add(stopReason);
        }
        return outcome();
    }

    private void selectFor(ModelAlgorithm algorithm, ExecutorService pool) {
        GridType grid = request.settings().grid();
        Map<String, String> centre = grid.centre(algorithm, buildOptions);
        int p = request.inputs().size();
        BitSet all = new BitSet();
        all.set(0, p);
        scoreBatch(algorithm, centre, List.of(all), pool);
        BitSet subset = SubsetSearch.search(request.settings().selector(), p, request.settings().maxIterations(),
                request.settings().seed(), new SubsetSearch.Scores() {
                    @Override
                    public double[] score(List<BitSet> subsets) {
                        return scoreBatch(algorithm, centre, subsets, pool);
                    }

                    @Override
                    public boolean stopped() {
                        return limitReached();
                    }

                    @Override
                    public boolean better(double a, double b) {
                        return request.settings().assessment().better(a, b);
                    }
                });
        if (subset.isEmpty()) {
            subset = all;
        }
        BitSet chosen = subset;
        for (Map<String, String> point : grid.points(algorithm, buildOptions)) {
            if (limitReached()) {
                break;
            }
            scoreBatch(algorithm, point, List.of(chosen), pool);
        }
    }

    /** Scores each subset not scored yet with this algorithm and point; answers every subset's score. */
    private double[] scoreBatch(ModelAlgorithm algorithm, Map<String, String> point, List<BitSet> subsets,
                                ExecutorService pool) {
        double[] scores = new double[subsets.size()];
        List<Integer> todo = new ArrayList<>();
        List<Callable<SelectionCandidate>> tasks = new ArrayList<>();
        for (int k = 0; k < subsets.size(); k++) {
            String key = key(algorithm, point, subsets.get(k));
            Double known = scored.get(key);
            if (known != null) {
                scores[k] = known;
            } else if (started.get() >= request.settings().limits().maxCandidates()) {
                scores[k] = Double.NaN;
            } else {
                started.incrementAndGet();
                List<String> inputs = names(subsets.get(k));
                todo.add(k);
                tasks.add(() -> candidate(algorithm, point, inputs));
            }
        }
        List<SelectionCandidate> done = invokeAll(pool, tasks);
        synchronized (candidates) {
            for (int t = 0; t < done.size(); t++) {
                SelectionCandidate candidate = done.get(t);
                int k = todo.get(t);
                candidate = new SelectionCandidate(candidates.size() + 1, candidate.algorithm(), candidate.parameters(),
                        candidate.inputs(), candidate.score(), candidate.error());
                candidates.add(candidate);
                scores[k] = candidate.score();
                scored.put(key(algorithm, point, subsets.get(k)), candidate.score());
            }
        }
        return scores;
    }

    private SelectionCandidate candidate(ModelAlgorithm algorithm, Map<String, String> point, List<String> inputs) {
        try {
            double score = scorer.score(spec(algorithm, point, inputs)).score();
            return new SelectionCandidate(0, algorithm, point, inputs, score,
                    Double.isNaN(score) ? request.settings().assessment().id() + " is undefined for this model" : null);
        } catch (ModelBuildException | IllegalArgumentException | ArithmeticException e) {
            return new SelectionCandidate(0, algorithm, point, inputs, Double.NaN, e.getMessage());
        }
    }

    private static List<SelectionCandidate> invokeAll(ExecutorService pool, List<Callable<SelectionCandidate>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        try {
            List<SelectionCandidate> done = new ArrayList<>(tasks.size());
            for (Future<SelectionCandidate> future : pool.invokeAll(tasks)) {
                done.add(future.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("model selection was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a model selection candidate failed: " + e.getCause(), e.getCause());
        }
    }

    private boolean limitReached() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("model selection was interrupted");
        }
        if (started.get() >= request.settings().limits().maxCandidates()) {
            stopReason = "search stopped after " + started.get() + " candidates (smlfusion.selection.max.candidates); "
                    + "the best so far was kept";
            return true;
        }
        if (System.nanoTime() - deadline > 0) {
            stopReason = "search stopped after " + request.settings().maxMillis() + " ms (selector_max_seconds or "
                    + "smlfusion.selection.max.seconds); the best so far was kept";
            return true;
        }
        return false;
    }

    private SelectionOutcome outcome() {
        Assessment assessment = request.settings().assessment();
        SelectionCandidate best = null;
        for (SelectionCandidate candidate : candidates) {
            if (best == null ? !Double.isNaN(candidate.score()) : assessment.better(candidate.score(), best.score())) {
                best = candidate;
            }
        }
        if (best == null) {
            String first = candidates.isEmpty() ? "no candidate was scored" : candidates.get(0).error();
            throw new ModelBuildException("model selection found no model it could build and score: " + first);
        }
        ModelSpec spec = spec(best.algorithm(), best.parameters(), best.inputs());
        Model model = scorer.score(spec).model();
        return new SelectionOutcome(assessment, criterion(), candidates, best, model, spec, notes);
    }

    private String criterion() {
        Assessment assessment = request.settings().assessment();
        if (request.validation() != null) {
            return assessment.id() + " on " + request.validation().rowCount() + " validation rows ("
                    + (assessment.better(1, 0) ? "higher" : "lower") + " is better)";
        }
        return assessment.id() + " of the least-squares fit of the target, from the project's statistics alone "
                + "(no validation frame; lower is better" + (request.algorithms().contains(ModelAlgorithm.LDA)
                ? "; lda is scored by the least-squares fit of its 0/1 target, proportional to its discriminant" : "")
                + ")";
    }

    private ModelSpec spec(ModelAlgorithm algorithm, Map<String, String> point, List<String> inputs) {
        Map<String, String> options = new LinkedHashMap<>(buildOptions.asMap());
        options.putAll(point);
        return new ModelSpec(algorithm, List.of(request.target()), inputs, ModelOptions.of(options));
    }

    private List<String> names(BitSet subset) {
        List<String> names = new ArrayList<>(subset.cardinality());
        for (int k = subset.nextSetBit(0); k >= 0; k = subset.nextSetBit(k + 1)) {
            names.add(request.inputs().get(k));
        }
        return names;
    }

    private static String key(ModelAlgorithm algorithm, Map<String, String> point, BitSet subset) {
        return algorithm.id() + point + subset;
    }

    private static boolean hasStatisticsCriterion(ModelAlgorithm algorithm) {
        return switch (algorithm) {
            case MLR, RIDGE, LASSO, ELASTICNET, PCR, LDA -> true;
            default -> false;
        };
    }
}
