package dev.salvo.reports;

import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.RunResults.SloVerdict;
import dev.salvo.reports.internal.ClusterLog;
import dev.salvo.reports.internal.Environments;
import dev.salvo.reports.internal.GeneratorVerdict;
import dev.salvo.reports.internal.HistogramSet;
import dev.salvo.reports.internal.KindLog;
import dev.salvo.reports.internal.Secrets;
import dev.salvo.reports.internal.StatsMath;
import dev.salvo.reports.internal.StatsMath.Counts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;

/**
 * Collects one run's results as the runtime measures them, then {@link #build() builds} the {@link RunData} that
 * {@link RunDirectory#write} stores. Feed it per request name: interval histograms while the run goes
 * ({@link #interval}) and totals at the end ({@link #request}); it adds request names of one query kind together by
 * exact histogram addition. Histograms are in nanoseconds and are copied, so callers may recycle theirs. Thread-safe;
 * unlike Salvo's immutable DSL builders this one accumulates.
 */
public final class ResultsBuilder {
    private final String simulation;
    private final Instant startedAt;
    private Instant measurementStartedAt;
    private Instant endedAt;
    private DatabaseInfo database;
    private Environment environment;
    private Long parameterSeed;
    private ServerResults server;
    private FaultResults faults;
    private final Map<String, String> config = new TreeMap<>();
    private GeneratorResults generator;
    private final Map<String, String> profileHashes = new TreeMap<>();
    private final List<FindMaxStep> findMax = new ArrayList<>();
    private final Map<String, KindLog> kindLogs = new TreeMap<>();
    private final Map<String, Long> lastIntervalEnd = new HashMap<>();
    private final Map<String, ClusterLog> clusterLogs = new TreeMap<>();
    private final Map<String, Clustering> clustering = new TreeMap<>();
    private final Map<String, Request> requests = new TreeMap<>();
    private final Map<String, RunResults.RequestInfo> requestInfo = new TreeMap<>();

    /**
     * @param simulation the simulation's simple class name
     * @param startedAt when the run started
     */
    public ResultsBuilder(String simulation, Instant startedAt) {
        if (simulation == null || simulation.isBlank()) {
            throw new IllegalArgumentException(
                    "results: simulation must be a non-blank name, but was '" + simulation + "'");
        }
        this.simulation = simulation;
        this.startedAt = startedAt;
    }

    /**
     * Totals of one request name over the measurement (warmup excluded).
     *
     * @param name the request name
     * @param kind the query kind, e.g. {@code POINT_LOOKUP}
     * @param ok requests that succeeded
     * @param ko requests that failed
     * @param errors failures by {@code SQLSTATE: message}
     * @param rows rows read or affected
     * @param bytes result bytes read
     * @param warmupRequests requests that started during the warmup
     * @param variety distinct parameter sets used, null when not measured
     * @param responseNanos response times in ns
     * @param serviceNanos service times in ns
     * @param waitNanos wait times in ns
     * @param lagNanos schedule lags in ns
     * @param slo the SLO verdict, null when the request has none
     */
    public record Request(
            String name,
            String kind,
            long ok,
            long ko,
            Map<String, Long> errors,
            long rows,
            long bytes,
            long warmupRequests,
            Long variety,
            AbstractHistogram responseNanos,
            AbstractHistogram serviceNanos,
            AbstractHistogram waitNanos,
            AbstractHistogram lagNanos,
            SloVerdict slo) {}

    /**
     * @param at when warmup ended and measurement began (default: {@code startedAt})
     * @return this
     */
    public synchronized ResultsBuilder measurementStartedAt(Instant at) {
        this.measurementStartedAt = at;
        return this;
    }

    /**
     * @param at when the run ended (default: when {@link #build()} is called)
     * @return this
     */
    public synchronized ResultsBuilder endedAt(Instant at) {
        this.endedAt = at;
        return this;
    }

    /**
     * @param info the target database, URL with credentials masked
     * @return this
     */
    public synchronized ResultsBuilder database(DatabaseInfo info) {
        this.database = info;
        return this;
    }

    /**
     * @param env git commit, versions, worker index (default: detected, see {@code Environments.detect})
     * @return this
     */
    public synchronized ResultsBuilder environment(Environment env) {
        this.environment = env;
        return this;
    }

    /**
     * Records which worker of a distributed run wrote these results (the detected environment otherwise).
     *
     * @param runId the run id all workers share
     * @param index this worker's index
     * @param count all workers
     * @param startAt the agreed start instant (ISO-8601), null for none
     * @param startLateMillis how late injection began after it, null for none
     * @param late true when later than the tolerance
     * @return this builder
     */
    public synchronized ResultsBuilder worker(
            String runId, int index, int count, String startAt, Long startLateMillis, boolean late) {
        Environment base = environment != null ? environment : Environments.detect();
        this.environment = base.asWorker(runId, index, count, startAt, startLateMillis, late);
        return this;
    }

    /**
     * Records one setting (pool, injection, ...). Values of keys that look secret (password, token, ...) are stored as
     * {@code ***}, and {@code password=...} inside values is masked.
     *
     * @param key the setting, e.g. {@code pool.size}
     * @param value its value as text
     * @return this
     */
    public synchronized ResultsBuilder config(String key, Object value) {
        config.put(key, Secrets.mask(key, String.valueOf(value)));
        return this;
    }

    /**
     * @param profile a column profile snapshot's name
     * @param hash its content hash
     * @return this
     */
    public synchronized ResultsBuilder profileHash(String profile, String hash) {
        profileHashes.put(profile, hash);
        return this;
    }

    /**
     * @param seed the parameter generator's seed
     * @return this
     */
    public synchronized ResultsBuilder parameterSeed(long seed) {
        this.parameterSeed = seed;
        return this;
    }

    /**
     * @param step one step of the find-max controller, in order
     * @return this
     */
    public synchronized ResultsBuilder findMaxStep(FindMaxStep step) {
        findMax.add(step);
        return this;
    }

    /**
     * Adds what one request name recorded since its previous interval. Names of one kind whose intervals end within
     * half a second of each other share one interval in the kind's log.
     *
     * @param name the request name
     * @param kind its query kind
     * @param endEpochMillis when the interval ended (it started where the name's previous interval ended)
     * @param responseNanos response times, in ns
     * @param serviceNanos service times, in ns (null: none)
     * @param waitNanos wait times, in ns (null: none)
     * @param lagNanos schedule lags, in ns (null: none)
     * @param ko failures in the interval
     * @return this
     */
    public synchronized ResultsBuilder interval(
            String name,
            String kind,
            long endEpochMillis,
            AbstractHistogram responseNanos,
            AbstractHistogram serviceNanos,
            AbstractHistogram waitNanos,
            AbstractHistogram lagNanos,
            long ko) {
        long start = lastIntervalEnd.getOrDefault(name, startedAt.toEpochMilli());
        lastIntervalEnd.put(name, endEpochMillis);
        kindLogs.computeIfAbsent(kind, k -> new KindLog(k, startedAt.toEpochMilli()))
                .add(start, endEpochMillis, responseNanos, serviceNanos, waitNanos, lagNanos, ko);
        return this;
    }

    /**
     * Adds what one request name recorded in a short interval (about a second), only to measure how clustered in time
     * its kind's slow requests are ({@link Clustering}). Names of one kind ending within 250 ms share one interval.
     *
     * @param name the request name (a statement of a transaction: do not call)
     * @param kind its query kind
     * @param endEpochMillis when the interval ended
     * @param responseNanos response times, in ns
     * @return this
     */
    public synchronized ResultsBuilder clusterInterval(
            String name, String kind, long endEpochMillis, AbstractHistogram responseNanos) {
        clusterLogs.computeIfAbsent(kind, k -> new ClusterLog()).add(endEpochMillis, responseNanos);
        return this;
    }

    /**
     * @param kind a query kind
     * @param value its clustering as measured elsewhere (a merge pools its workers'), instead of the short intervals'
     * @return this
     */
    public synchronized ResultsBuilder clustering(String kind, Clustering value) {
        clustering.put(kind, value);
        return this;
    }

    /**
     * Sets one request name's totals (a later call for the same name replaces them).
     *
     * @param request the totals
     * @return this
     */
    public synchronized ResultsBuilder request(Request request) {
        HistogramSet copy = new HistogramSet()
                .add(request.responseNanos(), request.serviceNanos(), request.waitNanos(), request.lagNanos());
        requests.put(
                request.name(),
                new Request(
                        request.name(),
                        request.kind(),
                        request.ok(),
                        request.ko(),
                        request.errors() == null ? Map.of() : Map.copyOf(request.errors()),
                        request.rows(),
                        request.bytes(),
                        request.warmupRequests(),
                        request.variety(),
                        copy.get(HistogramSet.RESPONSE),
                        copy.get(HistogramSet.SERVICE),
                        copy.get(HistogramSet.WAIT),
                        copy.get(HistogramSet.LAG),
                        request.slo()));
        return this;
    }

    /**
     * @param name a request name
     * @param info its SQL text and hash, its transaction or statements; a statement of a transaction is kept out of the
     *     per-kind aggregates and time lines (its transaction is in them)
     * @return this
     */
    public synchronized ResultsBuilder requestInfo(String name, RunResults.RequestInfo info) {
        requestInfo.put(name, info);
        return this;
    }

    /**
     * Sets the load generator's timing (its warnings are computed when the results are built).
     *
     * @param timing intended starts, hiccups and stalls
     * @return this
     */
    public synchronized ResultsBuilder generator(GeneratorResults timing) {
        this.generator = timing;
        return this;
    }

    /**
     * Sets the database server's own statistics of the run.
     *
     * @param server the server section, null for none
     * @return this
     */
    public synchronized ResultsBuilder server(ServerResults server) {
        this.server = server;
        return this;
    }

    /**
     * Sets the faults section: outages and the drain's end.
     *
     * @param value the section, null for none
     * @return this
     */
    public synchronized ResultsBuilder faults(FaultResults value) {
        this.faults = value;
        return this;
    }

    /** @return the run's data: summary, per-kind aggregates, timelines and histogram logs */
    public synchronized RunData build() {
        Instant end = endedAt != null ? endedAt : Instant.now();
        Instant measuredFrom = measurementStartedAt != null ? measurementStartedAt : startedAt;
        kindLogs.values().forEach(KindLog::flush);
        long measuredTo = kindLogs.values().stream()
                .flatMap(l -> l.timeline().stream())
                .mapToLong(TimelinePoint::endEpochMillis)
                .max()
                .orElse(end.toEpochMilli());
        double seconds = Math.max(0, measuredTo - measuredFrom.toEpochMilli()) / 1000.0;

        Map<String, HistogramSet> totals = new TreeMap<>();
        Map<String, List<Counts>> countsByKind = new TreeMap<>();
        Map<String, HistogramSet> histogramsByKind = new TreeMap<>();
        List<RequestStats> perName = new ArrayList<>();
        for (Request r : requests.values()) {
            HistogramSet h = new HistogramSet().add(r.responseNanos(), r.serviceNanos(), r.waitNanos(), r.lagNanos());
            totals.put(r.name(), h);
            Counts counts = StatsMath.counts(r);
            perName.add(StatsMath.stats(counts, h, seconds));
            RunResults.RequestInfo info = requestInfo.get(r.name());
            if (info != null && info.transaction() != null) {
                continue; // a statement: its transaction counts in the kind
            }
            countsByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(counts);
            histogramsByKind.computeIfAbsent(r.kind(), k -> new HistogramSet()).add(h);
        }
        List<RequestStats> perKind = new ArrayList<>();
        Map<String, List<TimelinePoint>> timelines = new LinkedHashMap<>();
        Map<String, byte[]> logs = new TreeMap<>();
        countsByKind.forEach((kind, list) -> {
            Counts counts = StatsMath.kindCounts(kind, list);
            HistogramSet h = histogramsByKind.get(kind);
            ClusterLog fine = clusterLogs.get(kind);
            perKind.add(StatsMath.stats(counts, h, seconds)
                    .withClustering(
                            clustering.containsKey(kind) || fine == null
                                    ? clustering.get(kind)
                                    : fine.clustering(h.get(HistogramSet.RESPONSE), measuredFrom.toEpochMilli())));
            KindLog log = kindLogs.get(kind);
            if (log == null) { // no interval was fed: the whole measurement is one interval
                log = KindLog.single(
                        kind, startedAt.toEpochMilli(), measuredFrom.toEpochMilli(), measuredTo, h, counts.ko());
            }
            logs.put(kind, log.hlog());
            timelines.put(kind, log.measuredTimeline(measuredFrom.toEpochMilli()));
        });
        RunResults results = new RunResults(
                RunResults.CURRENT_FORMAT_VERSION,
                simulation,
                startedAt.toString(),
                measuredFrom.toString(),
                end.toString(),
                seconds,
                StatsMath.verdict(perName),
                environment != null ? environment : Environments.detect(),
                database,
                new TreeMap<>(config),
                new TreeMap<>(profileHashes),
                parameterSeed,
                perKind,
                perName,
                timelines,
                List.copyOf(findMax),
                new TreeMap<>(requestInfo),
                generator == null
                        ? null
                        : generator.withWarnings(
                                GeneratorVerdict.warnings(generator, perName, measuredFrom.toEpochMilli(), seconds)),
                server,
                faults);
        return new RunData(results, logs, totals);
    }
}
