package dev.salvo.reports;

import dev.salvo.reports.Comparison.Delta;
import dev.salvo.reports.Comparison.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Up to {@link #MAX_RUNS} runs of one simulation over time: per kind and metric the value of each run and its verdict
 * against the run before it (the same tests and thresholds as {@link Comparison}). Rendered by {@code trend} as an
 * offline HTML page.
 *
 * @param simulation the simulation
 * @param runs the runs, oldest first
 * @param skipped how many older runs were given but left out (beyond {@link #MAX_RUNS})
 * @param alpha the significance level
 * @param minSamples fewest requests per run and kind for a verdict
 * @param control the control kind the latencies were judged against, or null for none
 * @param series per kind and metric, the values over the runs
 */
public record Trend(
        String simulation,
        List<Comparison.Run> runs,
        int skipped,
        double alpha,
        long minSamples,
        String control,
        List<Series> series) {

    /** Most runs shown. */
    public static final int MAX_RUNS = 10;
    /** The metrics shown, in order. */
    public static final List<String> METRICS = List.of("p50", "p95", "p99", "qps", "errorRate");

    /**
     * @param kind the query kind
     * @param metric one of {@link #METRICS}
     * @param values per run (null when the run has no such kind)
     * @param statuses per run, its verdict against the run before ({@code null} for the first run)
     * @param pValues per run, the test's p-value against the run before (null when none)
     */
    public record Series(
            String kind, String metric, List<Double> values, List<String> statuses, List<Double> pValues) {}

    /** Requires non-null lists. */
    public Trend {
        Objects.requireNonNull(runs);
        Objects.requireNonNull(series);
    }

    /**
     * Expands the arguments of {@code trend}: a run or baseline directory stands for itself; a directory of baselines
     * ({@code baselines/} or {@code baselines/<simulation>/}) for every baseline under it.
     *
     * @param args directories
     * @return run directories
     * @throws IllegalArgumentException for a path that is neither
     */
    public static List<Path> expand(List<Path> args) {
        List<Path> dirs = new ArrayList<>();
        for (Path arg : args) {
            if (Files.isRegularFile(arg.resolve(ResultsFiles.RESULTS_JSON))) {
                dirs.add(arg);
            } else if (Files.isDirectory(arg) && !Baselines.list(arg).isEmpty()) {
                dirs.addAll(Baselines.list(arg));
            } else {
                throw new IllegalArgumentException(
                        arg + ": a trend's input must be a run directory, a baseline or a directory"
                                + " of baselines, but it is none of these");
            }
        }
        return dirs;
    }

    /**
     * @param dirs run or baseline directories, in any order
     * @param options thresholds, significance level, minimum sample size
     * @return the trend of the newest {@link #MAX_RUNS}, oldest first
     * @throws IllegalArgumentException for no run, a directory that cannot be read or runs of different simulations
     */
    public static Trend of(List<Path> dirs, Options options) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("trend: runs must be at least 1, but were 0");
        }
        record Loaded(Path dir, RunData data) {}
        List<Loaded> all = new ArrayList<>();
        for (Path dir : dirs) {
            all.add(new Loaded(dir, RunDirectory.read(dir)));
        }
        String simulation = all.get(0).data().results().simulation();
        for (Loaded l : all) {
            if (!l.data().results().simulation().equals(simulation)) {
                throw new IllegalArgumentException(l.dir() + ": runs of a trend must be of one simulation, but it is "
                        + l.data().results().simulation() + " and " + all.get(0).dir() + " is " + simulation);
            }
        }
        options.checkControl(all.stream()
                .map(l -> l.data().results().kinds().stream()
                        .map(RunResults.RequestStats::kind)
                        .collect(java.util.stream.Collectors.toSet()))
                .toList());
        all.sort(Comparator.comparing(l -> l.data().results().startedAt()));
        int skipped = Math.max(0, all.size() - MAX_RUNS);
        List<Loaded> shown = all.subList(skipped, all.size());
        List<Comparison.Run> runs = new ArrayList<>();
        List<Verdicts.Side> sides = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            RunResults r = shown.get(i).data().results();
            runs.add(new Comparison.Run(
                    String.valueOf(i + 1), shown.get(i).dir().toString(), r.simulation(), r.startedAt(), r.verdict()));
            sides.add(Verdicts.Side.of(shown.get(i).data()));
        }
        TreeSet<String> kinds = new TreeSet<>();
        sides.forEach(s -> s.results().kinds().forEach(k -> kinds.add(k.kind())));
        List<Series> series = new ArrayList<>();
        for (String kind : kinds) {
            List<List<Delta>> steps = new ArrayList<>();
            for (int i = 1; i < sides.size(); i++) {
                steps.add(Verdicts.deltas(kind, runs.get(i).label(), sides.get(i - 1), sides.get(i), options));
            }
            for (String metric : METRICS) {
                List<Double> values = new ArrayList<>();
                List<String> statuses = new ArrayList<>();
                List<Double> pValues = new ArrayList<>();
                for (int i = 0; i < sides.size(); i++) {
                    RunResults.RequestStats s = sides.get(i).results().kind(kind);
                    values.add(s == null ? null : Verdicts.value(metric, s));
                    Delta d = i == 0
                            ? null
                            : steps.get(i - 1).stream()
                                    .filter(x -> x.metric().equals(metric))
                                    .findFirst()
                                    .orElseThrow();
                    statuses.add(d == null ? null : d.status());
                    pValues.add(d == null ? null : d.pValue());
                }
                series.add(new Series(kind, metric, values, statuses, pValues));
            }
        }
        return new Trend(simulation, runs, skipped, options.alpha(), options.minSamples(), options.control(), series);
    }

    /**
     * @param kind a kind
     * @param metric a metric
     * @return that series
     */
    public Series series(String kind, String metric) {
        return series.stream()
                .filter(s -> s.kind().equals(kind) && s.metric().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Writes {@code index.html} and {@code trend.json} into a directory (created when missing; files replaced atomically).
     *
     * @param dir the output directory
     * @return the page
     */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(this);
            dev.salvo.reports.internal.Files2.writeAtomically(dir.resolve("trend.json"), json);
            dev.salvo.reports.internal.Files2.writeAtomically(
                    dir.resolve(RunDirectory.INDEX_HTML),
                    dev.salvo.reports.internal.TrendPage.render(this)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return dir.resolve(RunDirectory.INDEX_HTML);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot write the trend, " + e, e);
        }
    }
}
