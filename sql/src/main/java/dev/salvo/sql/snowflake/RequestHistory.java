package dev.salvo.sql.snowflake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Snowflake's own account of one request's queries in a run: where the time went (compilation, queues, blocking,
 * execution), how much was scanned and from where, what spilled, and how many answers came from the result cache.
 * Times in milliseconds as Snowflake reports them; a null value means the history source did not report it.
 *
 * @param request the request name ({@value #OTHER} for the run's queries that match no request)
 * @param queries queries found in the history
 * @param failed queries whose EXECUTION_STATUS is not SUCCESS
 * @param resultReused queries that look answered from the result cache ({@link HistoryRecord#resultReused()}, an
 *     estimate)
 * @param elapsedP50Millis median TOTAL_ELAPSED_TIME
 * @param elapsedP95Millis 95th percentile of TOTAL_ELAPSED_TIME
 * @param elapsedMaxMillis largest TOTAL_ELAPSED_TIME
 * @param meanElapsedMillis mean TOTAL_ELAPSED_TIME
 * @param meanCompilationMillis mean COMPILATION_TIME
 * @param meanQueuedProvisioningMillis mean QUEUED_PROVISIONING_TIME
 * @param meanQueuedOverloadMillis mean QUEUED_OVERLOAD_TIME
 * @param meanBlockedMillis mean TRANSACTION_BLOCKED_TIME
 * @param meanExecutionMillis mean EXECUTION_TIME
 * @param totalExecutionMillis sum of EXECUTION_TIME (the cost model's share key)
 * @param bytesScanned sum of BYTES_SCANNED
 * @param partitionsScanned sum of PARTITIONS_SCANNED
 * @param partitionsTotal sum of PARTITIONS_TOTAL
 * @param scannedFromCache bytes-weighted mean of PERCENTAGE_SCANNED_FROM_CACHE, 0..1
 * @param bytesSpilledLocal sum of BYTES_SPILLED_TO_LOCAL_STORAGE
 * @param bytesSpilledRemote sum of BYTES_SPILLED_TO_REMOTE_STORAGE
 * @param cloudServicesCredits sum of CREDITS_USED_CLOUD_SERVICES
 */
public record RequestHistory(
        String request,
        long queries,
        long failed,
        long resultReused,
        long elapsedP50Millis,
        long elapsedP95Millis,
        long elapsedMaxMillis,
        double meanElapsedMillis,
        double meanCompilationMillis,
        double meanQueuedProvisioningMillis,
        double meanQueuedOverloadMillis,
        double meanBlockedMillis,
        double meanExecutionMillis,
        long totalExecutionMillis,
        Long bytesScanned,
        Long partitionsScanned,
        Long partitionsTotal,
        Double scannedFromCache,
        Long bytesSpilledLocal,
        Long bytesSpilledRemote,
        Double cloudServicesCredits) {

    /** The group of the run's queries that match no request (profiling, validation, session setup). */
    public static final String OTHER = "(other)";

    /** @return the share of queries answered from the result cache, 0..1 (an estimate) */
    public double resultReuseRate() {
        return queries == 0 ? 0 : (double) resultReused / queries;
    }

    /** @return partitions scanned over partitions total, null when not reported or no partitions */
    public Double partitionsScannedFraction() {
        return partitionsScanned == null || partitionsTotal == null || partitionsTotal == 0
                ? null
                : (double) partitionsScanned / partitionsTotal;
    }

    /**
     * Groups a run's history records by request. A record names its request by the tag's {@code request} member when
     * the tag has one; otherwise by its query text, compared with each request's SQL with blanks at both ends ignored.
     *
     * @param records the run's records
     * @param sqlByRequest each request's SQL text as sent (the JDBC text, with {@code ?} placeholders)
     * @return one summary per request (in the order given), then {@value #OTHER} when any record matched none
     */
    public static List<RequestHistory> join(List<HistoryRecord> records, Map<String, String> sqlByRequest) {
        Map<String, String> requestBySql = new LinkedHashMap<>();
        Map<String, List<HistoryRecord>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sqlByRequest.entrySet()) {
            requestBySql.putIfAbsent(e.getValue().strip(), e.getKey());
            groups.put(e.getKey(), new ArrayList<>());
        }
        for (HistoryRecord r : records) {
            String request = requestOf(r.queryTag());
            if (request == null || !groups.containsKey(request)) {
                request = r.queryText() == null
                        ? null
                        : requestBySql.get(r.queryText().strip());
            }
            groups.computeIfAbsent(request == null ? OTHER : request, k -> new ArrayList<>())
                    .add(r);
        }
        List<RequestHistory> out = new ArrayList<>();
        groups.forEach((name, group) -> out.add(summarize(name, group)));
        return out;
    }

    /**
     * @param records one request's records
     * @param request its name
     * @return the summary
     */
    public static RequestHistory summarize(String request, List<HistoryRecord> records) {
        int n = records.size();
        long[] elapsed = new long[n];
        long failed = 0;
        long reused = 0;
        double compilation = 0;
        double provisioning = 0;
        double overload = 0;
        double blocked = 0;
        long execution = 0;
        Long bytes = null;
        Long scanned = null;
        Long total = null;
        Long spillLocal = null;
        Long spillRemote = null;
        Double credits = null;
        double cacheWeighted = 0;
        long cacheBytes = 0;
        for (int i = 0; i < n; i++) {
            HistoryRecord r = records.get(i);
            elapsed[i] = r.totalElapsedMillis();
            failed += r.succeeded() ? 0 : 1;
            reused += r.resultReused() ? 1 : 0;
            compilation += r.compilationMillis();
            provisioning += r.queuedProvisioningMillis();
            overload += r.queuedOverloadMillis();
            blocked += r.transactionBlockedMillis();
            execution += r.executionMillis();
            bytes = add(bytes, r.bytesScanned());
            scanned = add(scanned, r.partitionsScanned());
            total = add(total, r.partitionsTotal());
            spillLocal = add(spillLocal, r.bytesSpilledLocal());
            spillRemote = add(spillRemote, r.bytesSpilledRemote());
            if (r.cloudServicesCredits() != null) {
                credits = (credits == null ? 0 : credits) + r.cloudServicesCredits();
            }
            if (r.percentScannedFromCache() != null && r.bytesScanned() != null) {
                cacheWeighted += r.percentScannedFromCache() * r.bytesScanned();
                cacheBytes += r.bytesScanned();
            }
        }
        Arrays.sort(elapsed);
        double div = Math.max(1, n);
        return new RequestHistory(
                request,
                n,
                failed,
                reused,
                percentile(elapsed, 0.50),
                percentile(elapsed, 0.95),
                n == 0 ? 0 : elapsed[n - 1],
                Arrays.stream(elapsed).sum() / div,
                compilation / div,
                provisioning / div,
                overload / div,
                blocked / div,
                execution / div,
                execution,
                bytes,
                scanned,
                total,
                cacheBytes == 0 ? null : cacheWeighted / cacheBytes,
                spillLocal,
                spillRemote,
                credits);
    }

    /** Nearest-rank percentile of sorted values (the smallest value with at least q of the values at or below it). */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Long add(Long sum, Long v) {
        if (v == null) {
            return sum; // not reported by this source: stays absent unless another record reports it
        }
        return sum == null ? v : Long.valueOf(sum + v);
    }

    /** @return the tag's {@code request} member, null when the tag is not Salvo's JSON or has none */
    static String requestOf(String tag) {
        if (tag == null || !tag.startsWith("{")) {
            return null;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(tag);
            return parsed instanceof Map<?, ?> m && m.get("request") != null
                    ? m.get("request").toString()
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
