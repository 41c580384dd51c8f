package dev.salvo.reports;

import dev.salvo.reports.ServerResults.ErrorSample;
import dev.salvo.reports.ServerResults.Outlier;
import dev.salvo.reports.ServerResults.RequestServer;
import dev.salvo.reports.ServerResults.WaitInterval;
import dev.salvo.reports.ServerResults.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code server} section of a merged run (docs/server-statistics.md, "Merged runs").
 *
 * <p>The workers of a run load one database server, and every worker reads the server's cumulative statistics
 * (pg_stat_statements, pg_stat_database, checkpointer, WAL) at the start and end of its own measurement: each worker's
 * deltas already count every worker's work. Adding them would count it N times, so the server-wide numbers are one
 * worker's: the worker whose window is the longest (the earliest start, then the latest end, break ties), which with
 * a start barrier covers the others' windows. When it does not cover all of them, a warning says by how much. What
 * each worker saw only of itself is combined: the wait events (each worker samples only its own sessions) are added
 * per interval, the client-side means are weighted by OK counts, and the slowest executions and the distinct errors of
 * all workers are pooled.
 */
final class MergeServer {
    /** As many outliers as one worker keeps. */
    static final int MAX_OUTLIERS = 20;
    /** As many distinct errors as one worker keeps. */
    static final int MAX_ERRORS = 100;

    private MergeServer() {}

    /** The merged section and the index (in the merge's order) of the worker whose server-wide numbers it carries. */
    record Merged(ServerResults server, int windowOf) {}

    /**
     * @param servers each worker's server section, in the merge's order; null entries for workers without one
     * @param workers each worker's index (for the lines that name a worker)
     * @return the merged section, or null when no worker collected server statistics
     */
    static Merged merge(List<ServerResults> servers, List<Integer> workers) {
        int chosen = -1;
        for (int i = 0; i < servers.size(); i++) {
            ServerResults s = servers.get(i);
            if (s != null && s.from() != null && s.to() != null && (chosen < 0 || covers(s, servers.get(chosen)))) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            for (int i = 0; i < servers.size() && chosen < 0; i++) {
                chosen = servers.get(i) != null ? i : -1;
            }
        }
        if (chosen < 0) {
            return null;
        }
        ServerResults base = servers.get(chosen);
        Set<String> unavailable = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>(base.warnings());
        for (int i = 0; i < servers.size(); i++) {
            ServerResults s = servers.get(i);
            if (s == null) {
                unavailable.add("worker " + workers.get(i) + ": collected no server statistics");
                continue;
            }
            unavailable.addAll(s.unavailable());
            String missed = missed(base, s);
            if (i != chosen && missed != null) {
                warnings.add("merge: the server-wide numbers are worker " + workers.get(chosen) + "'s window ("
                        + base.from() + " to " + base.to() + "), which misses " + missed + " of worker "
                        + workers.get(i) + "'s");
            }
        }
        Map<String, RequestServer> requests = new LinkedHashMap<>();
        for (Map.Entry<String, RequestServer> e : base.requests().entrySet()) {
            requests.put(e.getKey(), request(e.getKey(), e.getValue(), servers));
        }
        ServerResults merged = new ServerResults(
                base.server(),
                base.from(),
                base.to(),
                base.seconds(),
                List.copyOf(unavailable),
                warnings,
                base.settings(),
                base.database(),
                base.checkpointer(),
                base.wal(),
                waits(servers),
                base.statements(),
                requests);
        return new Merged(merged, chosen);
    }

    /** @return true when window {@code a} is longer than {@code b} (or equally long and starts earlier) */
    private static boolean covers(ServerResults a, ServerResults b) {
        Duration da = Duration.between(Instant.parse(a.from()), Instant.parse(a.to()));
        Duration db = Duration.between(Instant.parse(b.from()), Instant.parse(b.to()));
        int c = da.compareTo(db);
        return c > 0 || c == 0 && Instant.parse(a.from()).isBefore(Instant.parse(b.from()));
    }

    /** @return how much of {@code other}'s window lies outside {@code base}'s, e.g. "1.250 s", or null for nothing */
    private static String missed(ServerResults base, ServerResults other) {
        if (base.from() == null || base.to() == null || other.from() == null || other.to() == null) {
            return null;
        }
        long before = Math.max(
                0,
                Duration.between(Instant.parse(other.from()), Instant.parse(base.from()))
                        .toMillis());
        long after = Math.max(
                0,
                Duration.between(Instant.parse(base.to()), Instant.parse(other.to()))
                        .toMillis());
        long ms = before + after;
        return ms == 0 ? null : String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    /**
     * One request: the server's side from the chosen window (its calls count every worker's executions), Salvo's side
     * over all workers: OK counts added, the client's mean service time weighted by OK count, outliers and errors pooled.
     */
    private static RequestServer request(String name, RequestServer base, List<ServerResults> servers) {
        long ok = 0;
        double weighted = 0;
        long weight = 0;
        List<Outlier> outliers = new ArrayList<>();
        Map<String, ErrorSample> errors = new LinkedHashMap<>();
        for (ServerResults s : servers) {
            RequestServer r = s == null ? null : s.requests().get(name);
            if (r == null) {
                continue;
            }
            ok += r.ok();
            if (r.clientServiceMeanMicros() != null && r.ok() > 0) {
                weighted += r.clientServiceMeanMicros() * r.ok();
                weight += r.ok();
            }
            outliers.addAll(r.outliers());
            for (ErrorSample e : r.errors()) {
                errors.merge(
                        e.error(),
                        e,
                        (a, b) -> Instant.parse(b.startedAt()).isBefore(Instant.parse(a.startedAt())) ? b : a);
            }
        }
        outliers.sort(Comparator.comparingDouble(Outlier::responseMicros).reversed());
        Double client = weight == 0 ? null : round(weighted / weight);
        Double serverMean = base.serverMeanMicros();
        return new RequestServer(
                ok,
                base.serverCalls(),
                client,
                serverMean,
                client == null || serverMean == null ? null : round(client - serverMean),
                base.statements(),
                List.copyOf(outliers.subList(0, Math.min(outliers.size(), MAX_OUTLIERS))),
                errors.values().stream()
                        .sorted(Comparator.comparing(e -> Instant.parse(e.startedAt())))
                        .limit(MAX_ERRORS)
                        .toList());
    }

    /**
     * The workers' wait samples added up: each worker samples only its own sessions, so average active sessions add,
     * interval by interval (intervals aligned on the earliest worker's first interval).
     */
    private static Waits waits(List<ServerResults> servers) {
        List<Waits> all = servers.stream()
                .filter(s -> s != null && s.waits() != null)
                .map(ServerResults::waits)
                .filter(w -> w.unavailable() == null)
                .toList();
        if (all.isEmpty()) {
            return servers.stream()
                    .filter(s -> s != null && s.waits() != null)
                    .map(ServerResults::waits)
                    .findFirst()
                    .orElse(null);
        }
        long length = all.get(0).intervalMillis();
        long start = all.stream()
                .flatMap(w -> w.intervals().stream())
                .mapToLong(WaitInterval::startEpochMillis)
                .min()
                .orElse(0);
        TreeMap<Long, Map<String, Double>> sessions = new TreeMap<>();
        TreeMap<Long, Integer> samples = new TreeMap<>();
        Map<String, Double> events = new TreeMap<>();
        long total = 0;
        for (Waits w : all) {
            total += w.samples();
            w.events().forEach((event, aas) -> events.merge(event, aas, Double::sum));
            for (WaitInterval i : w.intervals()) {
                long bucket = length <= 0 ? 0 : (i.startEpochMillis() - start) / length;
                samples.merge(bucket, i.samples(), Integer::sum);
                Map<String, Double> into = sessions.computeIfAbsent(bucket, b -> new TreeMap<>());
                i.activeSessions().forEach((c, aas) -> into.merge(c, aas, Double::sum));
            }
        }
        List<WaitInterval> intervals = new ArrayList<>();
        sessions.forEach((bucket, aas) -> {
            Map<String, Double> rounded = new TreeMap<>();
            aas.forEach((c, v) -> rounded.put(c, round(v)));
            intervals.add(new WaitInterval(
                    start + bucket * length, start + (bucket + 1) * length, samples.get(bucket), rounded));
        });
        Map<String, Double> roundedEvents = new LinkedHashMap<>(); // busiest first, as each worker lists them
        events.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> roundedEvents.put(e.getKey(), round(e.getValue())));
        return new Waits(all.get(0).periodMillis(), length, total, roundedEvents, intervals, null);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
