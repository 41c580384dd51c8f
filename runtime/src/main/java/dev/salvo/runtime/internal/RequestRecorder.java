package dev.salvo.runtime.internal;

import dev.salvo.feeders.VarietyCounter;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.Slo;
import dev.salvo.sql.QueryKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Statistics of one request name, recorded from many threads: latency histograms (nanoseconds, 3 significant digits,
 * fed through per-thread buffers, see {@link LatencyBuffers}) and adders. Nothing is kept per request. Requests that started during the warmup are only counted:
 * either with {@link #recordWarmup()} or, where the warmup must run the same code as the measurement (the tight loop,
 * see {@link TightLoop}), recorded in full into {@link #warmupSink}, whose numbers are never reported, only counted.
 */
final class RequestRecorder {
    /** Longest latency tracked exactly; longer ones are clamped (and still counted). */
    static final long MAX_TRACKED_NANOS = TimeUnit.HOURS.toNanos(1);
    /** Distinct error messages kept per request; the rest are counted under {@link #OTHER_ERRORS}. */
    static final int MAX_ERROR_KINDS = 100;

    static final String OTHER_ERRORS = "other errors";

    final String name;
    final QueryKind kind;
    final Slo slo;
    /** Significant digits of the warmup sink's histograms: its values are never read, so it keeps them small. */
    static final int WARMUP_SINK_DIGITS = 1;

    // hot: written on every request
    private final LatencyBuffers latencies;
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder warmup = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    // cold: accumulated when an interval is taken
    private final Histogram responseTotal = new Histogram(MAX_TRACKED_NANOS, 3);
    private final Histogram serviceTotal = new Histogram(MAX_TRACKED_NANOS, 3);
    private final Histogram waitTotal = new Histogram(MAX_TRACKED_NANOS, 3);
    private final Histogram lagTotal = new Histogram(MAX_TRACKED_NANOS, 3);
    /** the last tick's response times (recycled with the recorder) */
    private Histogram responseTick;
    /** the response times of the ticks since the last interval; returned by {@link #interval()} */
    private final Histogram responseInterval = new Histogram(MAX_TRACKED_NANOS, 3);
    /** true once {@link #interval()} handed {@link #responseInterval} out: the next tick starts it afresh */
    private boolean intervalTaken;

    private Histogram serviceInterval;
    private Histogram waitInterval;
    private Histogram lagInterval;

    private final ResultsBuilder results;
    /** distinct parameter sets drawn (estimated), fed on Gatling's threads */
    final VarietyCounter variety = new VarietyCounter();
    /** the slowest executions and first errors, with their values (for the server section) */
    final Outliers outliers = new Outliers();
    /** also fed every request when the run searches for its maximum, else null */
    private final FindMaxController findMax;

    private long koAtLastInterval;
    /** the transaction this statement belongs to, null for a request */
    final String transaction;
    /** rollbacks and auto-commit resets that failed after a transaction's failure (its cause is recorded) */
    private final java.util.concurrent.atomic.AtomicLong secondaryErrors = new java.util.concurrent.atomic.AtomicLong();
    /** what results.json says about the request besides its numbers: SQL text and hash, statements */
    private volatile RunResults.RequestInfo info;
    /**
     * Takes warmup requests through the same {@link #record} code as measured ones (same class, same methods, so the JIT
     * has compiled the measured path by the time the measurement starts); only its request count is used, as warmup
     * requests. Null in a sink itself.
     */
    final RequestRecorder warmupSink;

    RequestRecorder(String name, QueryKind kind, Slo slo, ResultsBuilder results, FindMaxController findMax) {
        this(name, kind, slo, results, findMax, null);
    }

    RequestRecorder(
            String name,
            QueryKind kind,
            Slo slo,
            ResultsBuilder results,
            FindMaxController findMax,
            String transaction) {
        this(name, kind, slo, results, findMax, transaction, 3);
    }

    private RequestRecorder(
            String name,
            QueryKind kind,
            Slo slo,
            ResultsBuilder results,
            FindMaxController findMax,
            String transaction,
            int digits) {
        this.transaction = transaction;
        this.findMax = findMax;
        this.name = name;
        this.kind = kind;
        this.slo = slo;
        this.results = results;
        this.latencies = new LatencyBuffers(MAX_TRACKED_NANOS, digits);
        this.warmupSink = digits == WARMUP_SINK_DIGITS
                ? null
                : new RequestRecorder(name, kind, slo, null, null, transaction, WARMUP_SINK_DIGITS);
    }

    /** Counts a request that started during the warmup; nothing else about it is kept. */
    void recordWarmup() {
        warmup.increment();
    }

    /** @return requests counted as warmup so far (by {@link #recordWarmup()} or recorded into {@link #warmupSink}) */
    long warmupRequests() {
        return warmup.sum() + (warmupSink == null ? 0 : warmupSink.ok.sum() + warmupSink.ko.sum());
    }

    /** @param info the request's SQL (and statements) for results.json */
    void info(RunResults.RequestInfo info) {
        this.info = info;
    }

    /** Counts a secondary error (a failed rollback after a failure); @return true for the first one (log it) */
    boolean secondaryError() {
        return secondaryErrors.getAndIncrement() == 0;
    }

    /**
     * @param responseNanos from the request's intended start to its last row
     * @param serviceNanos from execution (connection in hand) to its last row, negative when no connection was obtained
     * @param waitNanos from the intended start until a connection was in hand, negative when none was obtained
     * @param lagNanos how long the request waited for a free Salvo thread, negative when unknown
     * @param rowCount rows read or affected
     * @param byteCount result bytes read
     * @param error null on success, else {@code SQLSTATE: message}
     */
    void record(
            long responseNanos,
            long serviceNanos,
            long waitNanos,
            long lagNanos,
            long rowCount,
            long byteCount,
            String error) {
        boolean served = serviceNanos >= 0;
        latencies.record(
                clamp(responseNanos),
                served ? clamp(serviceNanos) : -1,
                served ? clamp(waitNanos) : -1,
                lagNanos >= 0 ? clamp(lagNanos) : -1);
        if (findMax != null && transaction == null) {
            findMax.record(responseNanos, error != null);
        }
        rows.add(rowCount);
        bytes.add(byteCount);
        if (error == null) {
            ok.increment();
        } else {
            ko.increment();
            LongAdder count = errors.get(error);
            if (count == null) {
                String key = errors.size() < MAX_ERROR_KINDS ? error : OTHER_ERRORS;
                count = errors.computeIfAbsent(key, k -> new LongAdder());
            }
            count.increment();
        }
    }

    /**
     * @param nanos a latency
     * @return it within what the histograms track: 0 to {@link #MAX_TRACKED_NANOS}
     */
    static long clamp(long nanos) {
        return Math.max(0, Math.min(nanos, MAX_TRACKED_NANOS));
    }

    /**
     * Takes the response times recorded since the last tick (every {@code Clustering.TICK_MILLIS}, and at each
     * {@link #interval()}): they go to the results' short intervals, which measure how clustered in time slow requests
     * are, and into the current interval.
     */
    synchronized void tick() {
        latencies.drain();
        responseTick = latencies.take(LatencyBuffers.RESPONSE, responseTick);
        if (intervalTaken) {
            responseInterval.reset();
            intervalTaken = false;
        }
        responseInterval.add(responseTick);
        if (transaction == null) { // a statement is inside its transaction's already
            results.clusterInterval(name, kind.name(), System.currentTimeMillis(), responseTick);
        }
    }

    /**
     * Moves what was recorded since the last call into the totals.
     *
     * @return the response times of that interval (valid until the next call)
     */
    synchronized Histogram interval() {
        tick();
        intervalTaken = true;
        serviceInterval = latencies.take(LatencyBuffers.SERVICE, serviceInterval);
        waitInterval = latencies.take(LatencyBuffers.WAIT, waitInterval);
        lagInterval = latencies.take(LatencyBuffers.LAG, lagInterval);
        responseTotal.add(responseInterval);
        serviceTotal.add(serviceInterval);
        waitTotal.add(waitInterval);
        lagTotal.add(lagInterval);
        long koNow = ko.sum();
        if (transaction == null) { // a statement is inside its transaction's time line already
            results.interval(
                    name,
                    kind.name(),
                    System.currentTimeMillis(),
                    responseInterval,
                    serviceInterval,
                    waitInterval,
                    lagInterval,
                    koNow - koAtLastInterval);
        }
        koAtLastInterval = koNow;
        return responseInterval;
    }

    /** @return requests that succeeded so far (measurement only) */
    long ok() {
        return ok.sum();
    }

    /** @return the mean service time of the totals, µs (call after {@link #snapshot()}) */
    synchronized double serviceMeanMicros() {
        return serviceTotal.getTotalCount() == 0 ? 0 : serviceTotal.getMean() / 1000.0;
    }

    /** @return errors so far */
    long errors() {
        return ko.sum();
    }

    /** Hands the totals so far to the results. */
    synchronized void snapshot() {
        interval();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        long okCount = ok.sum();
        long koCount = ko.sum();
        RunResults.Latency response = RunResults.Latency.ofNanos(responseTotal);
        List<String> breaches = slo.breaches(response.p95(), response.p99(), okCount + koCount, koCount);
        RunResults.SloVerdict verdict = transaction != null
                ? null
                : new RunResults.SloVerdict(
                        slo.p95() == null ? null : slo.p95().toNanos() / 1000.0,
                        slo.p99() == null ? null : slo.p99().toNanos() / 1000.0,
                        slo.maxErrorRate(),
                        breaches.isEmpty(),
                        breaches);
        results.request(new ResultsBuilder.Request(
                name,
                kind.name(),
                okCount,
                koCount,
                errorCounts,
                rows.sum(),
                bytes.sum(),
                warmupRequests(),
                variety.requests() == 0 ? null : variety.distinctEstimate(),
                responseTotal,
                serviceTotal,
                waitTotal,
                lagTotal,
                verdict));
        RunResults.RequestInfo known = info;
        if (known != null) {
            results.requestInfo(
                    name,
                    new RunResults.RequestInfo(
                            known.sql(), known.sqlHash(), transaction, known.statements(), secondaryErrors.get()));
        }
    }
}
