package dev.salvo.reports;

import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.RunResults.SloVerdict;
import dev.salvo.reports.internal.HistogramSet;
import dev.salvo.reports.internal.HlogFiles;
import dev.salvo.reports.internal.StatsMath;
import dev.salvo.reports.internal.StatsMath.Counts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the run directories of several workers of one run into one run: histograms added exactly (per request name
 * from {@code requests.hlog}, per kind and interval from the kind logs), counts summed, SLOs re-checked against the
 * merged percentiles, intervals aligned on common buckets counted from the earliest worker's measurement start, and
 * every worker's outages kept, each tagged with its worker ({@link FaultResults#merge}).
 */
public final class Merge {
    private Merge() {}

    /**
     * @param dirs the workers' run directories (at least one)
     * @return the merged run, to be written with {@link RunDirectory#write}
     * @throws IllegalArgumentException naming the directory or file that is not a Salvo run, is corrupt, belongs to
     *     another simulation, run id or results format version, repeats a worker index, or when a worker of the run is
     *     missing (one line each)
     */
    public static RunData merge(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("merge: run directories must be at least 1, but were 0");
        }
        List<RunData> runs = new ArrayList<>();
        for (Path dir : dirs) {
            runs.add(RunDirectory.read(dir));
        }
        MergeChecks.check(dirs, runs);
        RunResults first = runs.get(0).results();
        Instant started = runs.stream()
                .map(r -> Instant.parse(r.results().startedAt()))
                .min(Instant::compareTo)
                .orElseThrow();
        Instant measured = runs.stream()
                .map(r -> Instant.parse(r.results().measurementStartedAt()))
                .min(Instant::compareTo)
                .orElseThrow();
        Instant ended = runs.stream()
                .map(r -> Instant.parse(r.results().endedAt()))
                .max(Instant::compareTo)
                .orElseThrow();
        Environment env = first.environment();
        ResultsBuilder out = new ResultsBuilder(first.simulation(), started)
                .measurementStartedAt(measured)
                .endedAt(ended)
                .database(first.database())
                .environment(new Environment(
                        env == null ? null : env.gitCommit(),
                        env == null ? null : env.salvoVersion(),
                        env == null ? null : env.javaVersion(),
                        env == null ? null : env.os(),
                        0,
                        runs.size(),
                        dirs.stream().map(Path::toString).toList(),
                        env == null ? null : env.runId(),
                        env == null ? null : env.startAt(),
                        null,
                        MergeChecks.lateWorkers(runs)));
        first.config().forEach(out::config);
        out.config("workers", runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Environment e = runs.get(i).results().environment();
            out.config("worker." + (e == null ? i : e.workerIndex()), MergeChecks.summary(dirs.get(i), runs.get(i)));
            for (RequestStats kind : runs.get(i).results().kinds()) { // the report's per-worker columns
                out.config(
                        "worker." + (e == null ? i : e.workerIndex()) + "." + kind.kind(),
                        dev.salvo.reports.internal.WorkerColumns.line(kind));
            }
        }
        runs.forEach(r -> r.results().profileHashes().forEach(out::profileHash));
        if (first.parameterSeed() != null) {
            out.parameterSeed(first.parameterSeed());
        }
        first.findMax().forEach(out::findMaxStep);
        first.requestInfo()
                .forEach((name, info) -> out.requestInfo(
                        name,
                        new RunResults.RequestInfo(
                                info.sql(),
                                info.sqlHash(),
                                info.transaction(),
                                info.statements(),
                                runs.stream()
                                        .map(r -> r.results().info(name))
                                        .filter(java.util.Objects::nonNull)
                                        .mapToLong(RunResults.RequestInfo::secondaryErrors)
                                        .sum())));
        // buckets counted from the measurement start, so that workers started together by the barrier fill whole
        // buckets
        // and the merged window is the workers' measured one (not the JVMs' start before the barrier wait)
        mergeIntervals(runs, measured.toEpochMilli(), out);
        mergeRequests(runs, out);
        Map<String, Clustering> clustering = new TreeMap<>(); // pooled: each worker's intervals with its own fraction
        runs.forEach(r -> r.results().kinds().stream()
                .filter(k -> k.clustering() != null)
                .forEach(k -> clustering.merge(k.kind(), k.clustering(), Clustering::plus)));
        clustering.forEach(out::clustering);
        List<Integer> workers = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Environment e = runs.get(i).results().environment();
            workers.add(e == null ? i : e.workerIndex());
        }
        out.faults(
                FaultResults.merge(runs.stream().map(r -> r.results().faults()).toList(), workers));
        MergeServer.Merged server =
                MergeServer.merge(runs.stream().map(r -> r.results().server()).toList(), workers);
        if (server != null) {
            out.server(server.server());
            out.config(
                    "server.window",
                    "worker " + workers.get(server.windowOf()) + " (server-wide numbers count every"
                            + " worker's work; docs/server-statistics.md)");
        }
        return MergedFiles.carry(dirs, out.build()); // e.g. snowflake.json, by the module that writes it
    }

    private static void mergeRequests(List<RunData> runs, ResultsBuilder out) {
        Map<String, List<RequestStats>> byName = new TreeMap<>();
        Map<String, HistogramSet> totals = new HashMap<>();
        for (RunData run : runs) {
            run.results()
                    .requests()
                    .forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>())
                            .add(r));
            run.requestTotals()
                    .forEach((name, h) -> totals.computeIfAbsent(name, n -> new HistogramSet())
                            .add(h));
        }
        byName.forEach((name, parts) -> {
            Counts sum = StatsMath.sum(
                    name,
                    parts.get(0).kind(),
                    parts.stream()
                            .map(p -> new Counts(
                                    p.name(),
                                    p.kind(),
                                    p.ok(),
                                    p.ko(),
                                    p.errors(),
                                    p.rows(),
                                    p.bytes(),
                                    p.warmupRequests(),
                                    p.variety(),
                                    null))
                            .toList(),
                    null);
            HistogramSet h = totals.getOrDefault(name, new HistogramSet());
            SloVerdict slo = recheck(parts.get(0).slo(), h.get(HistogramSet.RESPONSE), sum.ok() + sum.ko(), sum.ko());
            out.request(new ResultsBuilder.Request(
                    name,
                    sum.kind(),
                    sum.ok(),
                    sum.ko(),
                    sum.errors(),
                    sum.rows(),
                    sum.bytes(),
                    sum.warmupRequests(),
                    sum.variety(),
                    h.get(HistogramSet.RESPONSE),
                    h.get(HistogramSet.SERVICE),
                    h.get(HistogramSet.WAIT),
                    h.get(HistogramSet.LAG),
                    slo));
        });
    }

    /** Re-checks a worker's SLO bounds against the merged histogram (same wording as the runtime). */
    static SloVerdict recheck(SloVerdict slo, Histogram responseNanos, long count, long ko) {
        if (slo == null) {
            return null;
        }
        List<String> breaches = new ArrayList<>();
        if (count > 0) {
            double p95 = RunResults.Latency.ofNanos(responseNanos).p95();
            double p99 = RunResults.Latency.ofNanos(responseNanos).p99();
            if (slo.p95LimitMicros() != null && p95 > slo.p95LimitMicros()) {
                breaches.add(
                        String.format(Locale.ROOT, "p95 %.3f ms > %s ms", p95 / 1000, limit(slo.p95LimitMicros())));
            }
            if (slo.p99LimitMicros() != null && p99 > slo.p99LimitMicros()) {
                breaches.add(
                        String.format(Locale.ROOT, "p99 %.3f ms > %s ms", p99 / 1000, limit(slo.p99LimitMicros())));
            }
            double rate = ko / (double) count;
            if (rate > slo.maxErrorRate()) {
                breaches.add(String.format(Locale.ROOT, "error rate %.4f > %.4f", rate, slo.maxErrorRate()));
            }
        }
        return new SloVerdict(
                slo.p95LimitMicros(), slo.p99LimitMicros(), slo.maxErrorRate(), breaches.isEmpty(), breaches);
    }

    private static String limit(double micros) {
        double ms = micros / 1000;
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    /**
     * Adds the workers' intervals into buckets of the longest typical interval, counted from {@code base}; the last bucket
     * ends where the last worker's last interval ended (a bucket end rounded past it would stretch or shrink the merged
     * measurement window, and every merged req/s with it).
     */
    private static void mergeIntervals(List<RunData> runs, long base, ResultsBuilder out) {
        long lastEnd = runs.stream()
                .flatMap(r -> r.results().timelines().values().stream())
                .flatMap(List::stream)
                .mapToLong(TimelinePoint::endEpochMillis)
                .max()
                .orElse(Long.MAX_VALUE);
        long bucket = 1000;
        for (RunData run : runs) {
            for (List<TimelinePoint> t : run.results().timelines().values()) {
                List<Long> lengths = t.stream()
                        .map(p -> p.endEpochMillis() - p.startEpochMillis())
                        .sorted()
                        .toList();
                if (!lengths.isEmpty()) {
                    bucket = Math.max(bucket, Math.round(lengths.get(lengths.size() / 2) / 1000.0) * 1000);
                }
            }
        }
        Map<String, TreeMap<Long, HistogramSet>> histograms = new TreeMap<>();
        Map<String, Map<Long, Long>> kos = new HashMap<>();
        for (RunData run : runs) {
            final long size = bucket;
            for (String kind : run.kindLogs().keySet()) {
                TreeMap<Long, HistogramSet> buckets = histograms.computeIfAbsent(kind, k -> new TreeMap<>());
                Path file = Path.of(run.results().simulation())
                        .resolve(HlogFiles.DIR)
                        .resolve(kind + HlogFiles.SUFFIX);
                forEachInterval(
                        run.kindLogs().get(kind),
                        file,
                        h -> buckets.computeIfAbsent(bucketOf(h.getEndTimeStamp(), base, size), i -> new HistogramSet())
                                .get(HlogFiles.metricOf(h.getTag()))
                                .add((Histogram) h));
                for (TimelinePoint p : run.results().timelines().getOrDefault(kind, List.of())) {
                    kos.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                            .merge(bucketOf(p.endEpochMillis(), base, size), p.ko(), Long::sum);
                }
            }
        }
        for (Map.Entry<String, TreeMap<Long, HistogramSet>> e : histograms.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            for (long i = 0; i <= e.getValue().lastKey(); i++) {
                HistogramSet h = e.getValue().getOrDefault(i, new HistogramSet());
                out.interval(
                        e.getKey(),
                        e.getKey(),
                        i == bucketOf(lastEnd, base, bucket) ? lastEnd : base + (i + 1) * bucket,
                        h.get(HistogramSet.RESPONSE),
                        h.get(HistogramSet.SERVICE),
                        h.get(HistogramSet.WAIT),
                        h.get(HistogramSet.LAG),
                        kos.getOrDefault(e.getKey(), Map.of()).getOrDefault(i, 0L));
            }
        }
    }

    /**
     * The bucket whose end is nearest to an interval's end: a worker's interval ending a few ms after a bucket's end (its
     * own start a few ms later, or its timer late) belongs to that bucket, not the next.
     */
    static long bucketOf(long endMillis, long base, long size) {
        return Math.max(0, Math.floorDiv(endMillis - base + size / 2, size) - 1);
    }

    private static void forEachInterval(
            byte[] log, Path name, java.util.function.Consumer<org.HdrHistogram.EncodableHistogram> visitor) {
        try (org.HdrHistogram.HistogramLogReader reader =
                new org.HdrHistogram.HistogramLogReader(new java.io.ByteArrayInputStream(log))) {
            org.HdrHistogram.EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                visitor.accept(h);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    name + ": must be a readable HdrHistogram log, but " + e.getMessage(), e);
        }
    }
}
