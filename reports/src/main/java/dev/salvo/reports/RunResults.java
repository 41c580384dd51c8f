package dev.salvo.reports;

import java.util.List;
import java.util.Map;

/**
 * The summary of one run, as written to {@code results.json}. This is the only input of reports, comparisons and merges
 * (with the HdrHistogram logs beside it for exact merging). The format is documented in {@code docs/results-format.md};
 * {@link #CURRENT_FORMAT_VERSION} changes whenever a field changes meaning or disappears. Build one with
 * {@link ResultsBuilder}.
 *
 * @param formatVersion the format version, {@link #CURRENT_FORMAT_VERSION} when written by this build
 * @param simulation the simulation's simple class name
 * @param startedAt ISO-8601 instant the run started
 * @param measurementStartedAt ISO-8601 instant the measurement started (after the warmup)
 * @param endedAt ISO-8601 instant the results were written
 * @param measurementSeconds the measured duration that rates are computed over, in seconds
 * @param verdict {@code PASS} when every SLO held, {@code FAIL} when one did not, {@code NONE} when none was set
 * @param environment where and from what the run was made
 * @param database where the load went (never with credentials)
 * @param config pool, injection and other settings as text, sorted by key (never secrets)
 * @param profileHashes column profile snapshot hashes by profile name
 * @param parameterSeed the seed of the parameter generator, null when unknown
 * @param kinds per query kind: every request of that kind added together, sorted by kind
 * @param requests per request name, sorted by name
 * @param timelines per query kind: the measurement's intervals in time order
 * @param findMax the find-max controller's steps, empty when it did not run
 * @param requestInfo per request name (requests, transactions and their statements): SQL text and hash, which
 *     transaction a statement belongs to, a transaction's statements (format 2; empty in format 1 files)
 * @param generator the load generator's own timing: intended starts, hiccups and stalls; null in results written
 *     before it was recorded
 * @param server the database server's own statistics of the run (format 3), null when not collected
 * @param faults outages and the drain's end (an optional section of format 3), null when not recorded
 */
public record RunResults(
        int formatVersion,
        String simulation,
        String startedAt,
        String measurementStartedAt,
        String endedAt,
        double measurementSeconds,
        String verdict,
        Environment environment,
        DatabaseInfo database,
        Map<String, String> config,
        Map<String, String> profileHashes,
        Long parameterSeed,
        List<RequestStats> kinds,
        List<RequestStats> requests,
        Map<String, List<TimelinePoint>> timelines,
        List<FindMaxStep> findMax,
        Map<String, RequestInfo> requestInfo,
        GeneratorResults generator,
        ServerResults server,
        FaultResults faults) {

    /**
     * The version this build writes (it reads {@link #OLDEST_READABLE_FORMAT_VERSION} and later). Version 3 added
     * {@link #server()}; older files read with it null.
     */
    public static final int CURRENT_FORMAT_VERSION = 3;
    /** The oldest version this build reads: version 1 files have no {@code requestInfo}. */
    public static final int OLDEST_READABLE_FORMAT_VERSION = 1;
    /** {@link #verdict()} when every SLO held. */
    public static final String PASS = "PASS";
    /** {@link #verdict()} when an SLO did not hold. */
    public static final String FAIL = "FAIL";
    /** {@link #verdict()} when no SLO was set. */
    public static final String NONE = "NONE";

    /** Normalizes absent collections to empty ones, so readers never see null lists. */
    public RunResults {
        config = config == null ? Map.of() : config;
        profileHashes = profileHashes == null ? Map.of() : profileHashes;
        kinds = kinds == null ? List.of() : kinds;
        requests = requests == null ? List.of() : requests;
        timelines = timelines == null ? Map.of() : timelines;
        findMax = findMax == null ? List.of() : findMax;
        requestInfo = requestInfo == null ? Map.of() : requestInfo;
    }

    /**
     * Results without the faults section.
     *
     * @param formatVersion the format version
     * @param simulation the simulation's simple class name
     * @param startedAt ISO-8601 instant the run started
     * @param measurementStartedAt ISO-8601 instant the measurement started
     * @param endedAt ISO-8601 instant the results were written
     * @param measurementSeconds the measured duration, in seconds
     * @param verdict the SLO verdict
     * @param environment where and from what the run was made
     * @param database where the load went
     * @param config settings as text
     * @param profileHashes column profile snapshot hashes
     * @param parameterSeed the parameter seed, null when unknown
     * @param kinds per query kind
     * @param requests per request name
     * @param timelines per query kind
     * @param findMax the find-max steps
     * @param requestInfo per request name: SQL text and hash, transaction membership
     * @param generator the load generator's timing, or null
     * @param server the server's statistics, or null
     */
    public RunResults(
            int formatVersion,
            String simulation,
            String startedAt,
            String measurementStartedAt,
            String endedAt,
            double measurementSeconds,
            String verdict,
            Environment environment,
            DatabaseInfo database,
            Map<String, String> config,
            Map<String, String> profileHashes,
            Long parameterSeed,
            List<RequestStats> kinds,
            List<RequestStats> requests,
            Map<String, List<TimelinePoint>> timelines,
            List<FindMaxStep> findMax,
            Map<String, RequestInfo> requestInfo,
            GeneratorResults generator,
            ServerResults server) {
        this(
                formatVersion,
                simulation,
                startedAt,
                measurementStartedAt,
                endedAt,
                measurementSeconds,
                verdict,
                environment,
                database,
                config,
                profileHashes,
                parameterSeed,
                kinds,
                requests,
                timelines,
                findMax,
                requestInfo,
                generator,
                server,
                null);
    }

    /**
     * What a request is besides its numbers.
     *
     * @param sql the SQL as the database sees it ({@code $1, $2, ...} for parameters, whitespace collapsed, as
     *     pg_stat_statements shows it), null for a transaction
     * @param sqlHash the first 12 hex digits of the SHA-256 of {@code sql}, null for a transaction
     * @param transaction for a statement of a transaction: the transaction's request name; else null
     * @param statements for a transaction: its statements' request names, in order; else empty
     * @param secondaryErrors for a transaction: rollbacks or auto-commit resets that failed after a failure (the failure
     *     is counted with its own cause)
     */
    public record RequestInfo(
            String sql, String sqlHash, String transaction, List<String> statements, long secondaryErrors) {
        /** Normalizes an absent list to an empty one. */
        public RequestInfo {
            statements = statements == null ? List.of() : statements;
        }
    }

    /**
     * @param name a request name
     * @return what is known about it besides its numbers, or null
     */
    public RequestInfo info(String name) {
        return requestInfo.get(name);
    }

    /** @return the request names that are statements of a transaction (kept out of the per-kind aggregates) */
    public java.util.Set<String> statementNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        requestInfo.forEach((name, info) -> {
            if (info.transaction() != null) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * @param value per query kind, its aggregate
     * @return these results with those kinds
     */
    public RunResults withKinds(List<RequestStats> value) {
        return new RunResults(
                formatVersion,
                simulation,
                startedAt,
                measurementStartedAt,
                endedAt,
                measurementSeconds,
                verdict,
                environment,
                database,
                config,
                profileHashes,
                parameterSeed,
                value,
                requests,
                timelines,
                findMax,
                requestInfo,
                generator,
                server,
                faults);
    }

    /**
     * @param kind a query kind, e.g. {@code POINT_LOOKUP}
     * @return the kind's aggregate, or null when the run has no request of that kind
     */
    public RequestStats kind(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(null);
    }

    /**
     * Statistics of one request name, or of one query kind (then {@code name} is the kind).
     *
     * @param name the request name, or the kind for a kind's aggregate
     * @param kind the query kind, e.g. {@code POINT_LOOKUP}
     * @param count requests completed during the measurement (ok + ko)
     * @param ok requests that succeeded
     * @param ko requests that failed
     * @param errorRate ko / count, 0 when nothing completed
     * @param errors failures by {@code SQLSTATE: message}
     * @param errorClasses failures by SQLSTATE class (its first two characters; {@code ?} when there was none)
     * @param rows result rows read or affected
     * @param bytes result bytes read, 0 where the driver cannot tell
     * @param throughput completed requests per second of measurement
     * @param rowsPerSecond rows per second of measurement
     * @param bytesPerSecond bytes per second of measurement
     * @param warmupRequests requests that started during the warmup; they are in no other field
     * @param variety distinct parameter sets used (an estimate), null when not measured
     * @param responseMicros latency from the request's intended start to its last row read, in µs
     * @param serviceMicros latency from the statement's execution (connection in hand) to its last row read, in µs
     * @param waitMicros time from the intended start until a connection was in hand (Salvo thread and pool), in µs
     * @param scheduleLagMicros how long requests waited for a free Salvo thread after their intended start, in µs
     *     (included in the wait and response times)
     * @param slo the SLO and whether the run met it; for a kind, the verdict over its requests; null when none was set
     * @param clustering for a kind: how clustered in time its slow requests were (compare widens its percentile tests
     *     by it); null for a request name and in runs written before it was recorded
     */
    public record RequestStats(
            String name,
            String kind,
            long count,
            long ok,
            long ko,
            double errorRate,
            Map<String, Long> errors,
            Map<String, Long> errorClasses,
            long rows,
            long bytes,
            double throughput,
            double rowsPerSecond,
            double bytesPerSecond,
            long warmupRequests,
            Long variety,
            Latency responseMicros,
            Latency serviceMicros,
            Latency waitMicros,
            Latency scheduleLagMicros,
            SloVerdict slo,
            Clustering clustering) {
        /** Normalizes absent maps and latencies. */
        public RequestStats {
            errors = errors == null ? Map.of() : errors;
            errorClasses = errorClasses == null ? Map.of() : errorClasses;
            responseMicros = responseMicros == null ? Latency.EMPTY : responseMicros;
            serviceMicros = serviceMicros == null ? Latency.EMPTY : serviceMicros;
            waitMicros = waitMicros == null ? Latency.EMPTY : waitMicros;
            scheduleLagMicros = scheduleLagMicros == null ? Latency.EMPTY : scheduleLagMicros;
        }

        /**
         * @param value the kind's clustering
         * @return these statistics with it
         */
        public RequestStats withClustering(Clustering value) {
            return new RequestStats(
                    name,
                    kind,
                    count,
                    ok,
                    ko,
                    errorRate,
                    errors,
                    errorClasses,
                    rows,
                    bytes,
                    throughput,
                    rowsPerSecond,
                    bytesPerSecond,
                    warmupRequests,
                    variety,
                    responseMicros,
                    serviceMicros,
                    waitMicros,
                    scheduleLagMicros,
                    slo,
                    value);
        }
    }

    /**
     * A request's service-level objective and the verdict on it.
     *
     * @param p95LimitMicros bound of the 95th percentile of response time in µs, null for none
     * @param p99LimitMicros bound of the 99th percentile of response time in µs, null for none
     * @param maxErrorRate largest allowed fraction of failed requests
     * @param pass true when every bound held
     * @param breaches one line per bound that did not hold
     */
    public record SloVerdict(
            Double p95LimitMicros, Double p99LimitMicros, double maxErrorRate, boolean pass, List<String> breaches) {
        /** Normalizes an absent list to an empty one. */
        public SloVerdict {
            breaches = breaches == null ? List.of() : breaches;
        }
    }

    /**
     * Latency distribution in microseconds (fractions kept to the nanosecond).
     *
     * @param count samples
     * @param min smallest
     * @param mean arithmetic mean
     * @param stddev standard deviation
     * @param p50 median
     * @param p75 75th percentile
     * @param p90 90th percentile
     * @param p95 95th percentile
     * @param p99 99th percentile
     * @param p999 99.9th percentile
     * @param max largest
     */
    public record Latency(
            long count,
            double min,
            double mean,
            double stddev,
            double p50,
            double p75,
            double p90,
            double p95,
            double p99,
            double p999,
            double max) {

        /** A distribution with no samples. */
        public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /**
         * @param nanos a histogram of nanosecond values
         * @return its distribution in microseconds, or {@link #EMPTY} when it holds no samples
         */
        public static Latency ofNanos(org.HdrHistogram.AbstractHistogram nanos) {
            if (nanos.getTotalCount() == 0) {
                return EMPTY;
            }
            return new Latency(
                    nanos.getTotalCount(),
                    micros(nanos.getMinValue()),
                    micros(nanos.getMean()),
                    micros(nanos.getStdDeviation()),
                    micros(nanos.getValueAtPercentile(50)),
                    micros(nanos.getValueAtPercentile(75)),
                    micros(nanos.getValueAtPercentile(90)),
                    micros(nanos.getValueAtPercentile(95)),
                    micros(nanos.getValueAtPercentile(99)),
                    micros(nanos.getValueAtPercentile(99.9)),
                    micros(nanos.getMaxValue()));
        }

        private static double micros(double nanos) {
            return Math.round(nanos) / 1000.0;
        }
    }
}
