package dev.salvo.reports;

import dev.salvo.reports.internal.HistogramSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/** What {@link Merge} refuses (one line each) and the per-worker summary it keeps. Package-private. */
final class MergeChecks {
    private MergeChecks() {}

    /**
     * @param dirs the workers' run directories
     * @param runs their runs, in the same order
     * @throws IllegalArgumentException when the runs are not the workers of one run
     */
    static void check(List<Path> dirs, List<RunData> runs) {
        RunResults first = runs.get(0).results();
        Environment e0 = first.environment();
        Map<Integer, Path> byIndex = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResults r = runs.get(i).results();
            Path dir = dirs.get(i);
            if (r.formatVersion() != first.formatVersion()) {
                throw new IllegalArgumentException(
                        dir + ": workers of one run must share a results format version, but it is " + r.formatVersion()
                                + " and " + dirs.get(0) + " is " + first.formatVersion());
            }
            if (!r.simulation().equals(first.simulation())) {
                throw new IllegalArgumentException(dir + ": workers of one run must share a simulation, but it is "
                        + r.simulation() + " and " + dirs.get(0) + " is " + first.simulation());
            }
            Environment e = r.environment();
            if (e == null || e0 == null) {
                continue;
            }
            if (!Objects.equals(e.runId(), e0.runId())) {
                throw new IllegalArgumentException(dir + ": workers of one run must share a run id, but it is "
                        + e.runId() + " and " + dirs.get(0) + " is " + e0.runId());
            }
            if (e.runId() != null && e.workerCount() != e0.workerCount()) {
                throw new IllegalArgumentException(dir + ": workers of one run must share a worker count, but it is "
                        + e.workerCount() + " and " + dirs.get(0) + " is " + e0.workerCount());
            }
            Path other = e.runId() == null ? null : byIndex.putIfAbsent(e.workerIndex(), dir);
            if (other != null) {
                throw new IllegalArgumentException(dir + ": workers of one run must have distinct indexes, but worker "
                        + e.workerIndex() + " is also " + other);
            }
        }
        if (e0 != null && e0.runId() != null) {
            TreeSet<Integer> missing = new TreeSet<>();
            for (int i = 0; i < e0.workerCount(); i++) {
                if (!byIndex.containsKey(i)) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("merge: all " + e0.workerCount() + " workers of run " + e0.runId()
                        + " must be merged, but " + (missing.size() == 1 ? "worker " : "workers ")
                        + String.join(
                                ", ", missing.stream().map(String::valueOf).toList())
                        + (missing.size() == 1 ? " is" : " are")
                        + " missing");
            }
        }
    }

    /**
     * @param dir a worker's run directory
     * @param run its run
     * @return one line: requests, throughput and response-time percentiles of that worker, and whether it started late
     */
    static String summary(Path dir, RunData run) {
        RunResults r = run.results();
        long count =
                r.kinds().stream().mapToLong(RunResults.RequestStats::count).sum();
        Histogram all = new Histogram(3);
        run.requestTotals().values().forEach(h -> all.add(h.get(HistogramSet.RESPONSE)));
        RunResults.Latency l = RunResults.Latency.ofNanos(all);
        Environment e = r.environment();
        String late = e == null || e.startLateMillis() == null
                ? ""
                : e.lateWorkers().isEmpty()
                        ? ", started " + e.startLateMillis() + " ms after startAt"
                        : ", LATE: started " + e.startLateMillis() + " ms after startAt";
        return String.format(
                Locale.ROOT,
                "%s: %d requests, %.1f req/s, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms%s",
                dir.getFileName(),
                count,
                r.measurementSeconds() > 0 ? count / r.measurementSeconds() : 0.0,
                l.p50() / 1000,
                l.p95() / 1000,
                l.p99() / 1000,
                late);
    }

    /**
     * @param runs the workers' runs
     * @return every late worker's index, ascending
     */
    static List<Integer> lateWorkers(List<RunData> runs) {
        List<Integer> late = new ArrayList<>();
        runs.forEach(r -> {
            if (r.results().environment() != null) {
                late.addAll(r.results().environment().lateWorkers());
            }
        });
        return late.stream().sorted().toList();
    }
}
