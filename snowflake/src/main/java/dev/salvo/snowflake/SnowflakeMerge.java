package dev.salvo.snowflake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.Environment;
import dev.salvo.reports.MergedFile;
import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunResults;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.RequestHistory;
import dev.salvo.sql.snowflake.WarehouseSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges the workers' {@value SnowflakeSection#FILE} of a distributed run ({@code salvo merge}), found by the reports as
 * a {@link MergedFile}. Each worker's own requests and cost are kept under {@code workers}; the top level is the run:
 * <ul>
 *   <li>requests by name: Salvo's counts and percentiles from the merged results.json (exact); Snowflake's counts and
 *       sums added, means weighted by queries, the cache share by bytes scanned, p50/p95/max the largest worker's
 *       (the union's percentile lies between the workers' smallest and largest: an upper bound);</li>
 *   <li>one warehouse for all workers: the workers polled the same warehouse, so their samples and load intervals are
 *       one series (joined in time order, repeats dropped) and the cost is estimated again over it: adding the workers'
 *       estimates would count the same clusters once per worker;</li>
 *   <li>different warehouses: samples and load intervals kept side by side (each sample names its warehouse), credits,
 *       billed seconds and price summed.</li>
 * </ul>
 */
public final class SnowflakeMerge implements MergedFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String file() {
        return SnowflakeSection.FILE;
    }

    @Override
    public byte[] merge(List<Path> workerDirs, RunResults merged) throws IOException {
        List<SnowflakeSection> parts = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < workerDirs.size(); i++) {
            Path file = workerDirs.get(i).resolve(SnowflakeSection.FILE);
            if (Files.exists(file)) {
                dev.salvo.reports.SnowflakeResults.read(workerDirs.get(i)); // refuses a newer format in one line
                parts.add(JSON.readValue(file.toFile(), SnowflakeSection.class));
                Environment e = ResultsFiles.read(workerDirs.get(i)).environment();
                index.add(e == null ? i : e.workerIndex());
            }
        }
        return parts.isEmpty() ? null : JSON.writeValueAsBytes(merge(parts, index, merged, workerDirs.size()));
    }

    /**
     * @param parts the workers' sections
     * @param workers their worker indexes
     * @param merged the merged results
     * @param dirs how many workers were merged (some may have had no section)
     * @return the merged section
     */
    static SnowflakeSection merge(List<SnowflakeSection> parts, List<Integer> workers, RunResults merged, int dirs) {
        List<SnowflakeSection.Worker> own = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SnowflakeSection p = parts.get(i);
            own.add(new SnowflakeSection.Worker(
                    workers.get(i), p.runId(), p.warehouseName(), p.historyTruncated(), p.requests(), p.cost()));
        }
        Map<String, List<RequestHistory>> byName = new LinkedHashMap<>();
        parts.forEach(p -> p.requests()
                .forEach(r -> byName.computeIfAbsent(r.request(), n -> new ArrayList<>())
                        .add(r.snowflake())));
        Map<String, RunResults.RequestStats> client = new LinkedHashMap<>();
        merged.requests().forEach(r -> client.put(r.name(), r));
        List<SnowflakeSection.RequestComparison> requests = new ArrayList<>();
        Map<String, Long> executionByKind = new LinkedHashMap<>();
        long queries = 0;
        for (Map.Entry<String, List<RequestHistory>> e : byName.entrySet()) {
            RequestHistory h = add(e.getKey(), e.getValue());
            RunResults.RequestStats c = client.get(e.getKey());
            requests.add(new SnowflakeSection.RequestComparison(
                    e.getKey(),
                    c == null ? null : c.count(),
                    c == null ? null : c.responseMicros().p50(),
                    c == null ? null : c.responseMicros().p95(),
                    h));
            if (c != null) {
                executionByKind.merge(c.kind(), h.totalExecutionMillis(), Long::sum);
                queries += c.count();
            }
        }
        List<String> names =
                parts.stream().map(SnowflakeMerge::warehouseOf).distinct().toList();
        boolean one = names.size() == 1 && names.get(0) != null;
        List<WarehouseSample> samples = new ArrayList<>();
        parts.forEach(p -> samples.addAll(p.warehouse()));
        samples.sort(Comparator.comparingLong(WarehouseSample::epochMillis));
        List<SnowflakeSection.Load> load = new ArrayList<>();
        parts.forEach(p -> load.addAll(p.warehouseLoad()));
        load.sort(Comparator.comparingLong(SnowflakeSection.Load::startMillis));
        CostModel.CostEstimate cost;
        if (one) {
            List<WarehouseSample> distinct = samples.stream()
                    .filter(distinctBy(WarehouseSample::epochMillis))
                    .toList();
            samples.clear();
            samples.addAll(distinct);
            List<SnowflakeSection.Load> distinctLoad = load.stream()
                    .filter(distinctBy(SnowflakeSection.Load::startMillis))
                    .toList();
            load.clear();
            load.addAll(distinctLoad);
            CostModel.CostEstimate first = parts.stream()
                    .map(SnowflakeSection::cost)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            Long tail =
                    samples.isEmpty() ? null : samples.get(samples.size() - 1).autoSuspendSeconds();
            cost = first == null
                    ? null
                    : new CostModel(first.creditsPerHour(), first.pricePerCredit())
                            .estimate(
                                    CostModel.intervals(samples, tail == null ? 0 : tail * 1000),
                                    queries,
                                    merged.measurementSeconds(),
                                    executionByKind);
        } else {
            cost = sum(
                    parts.stream()
                            .map(SnowflakeSection::cost)
                            .filter(Objects::nonNull)
                            .toList(),
                    queries,
                    merged.measurementSeconds());
        }
        List<String> estimates = new ArrayList<>();
        parts.forEach(
                p -> p.estimates().stream().filter(x -> !estimates.contains(x)).forEach(estimates::add));
        estimates.add("requests[].snowflake.elapsedP50Millis/elapsedP95Millis/elapsedMaxMillis of a merged run: the"
                + " largest worker's value (an upper bound of the run's)");
        estimates.add(
                one
                        ? "cost of a merged run: estimated again over all workers' samples of the one warehouse"
                        : "cost of a merged run: the workers' estimates added (" + names.size() + " warehouses)");
        if (parts.size() < dirs) {
            estimates.add(
                    "merged from " + parts.size() + " of " + dirs + " workers: the others wrote no snowflake.json");
        }
        String resultCache =
                parts.stream().map(SnowflakeSection::resultCache).distinct().count() == 1
                        ? parts.get(0).resultCache()
                        : "mixed";
        return new SnowflakeSection(
                SnowflakeSection.FORMAT_VERSION,
                merged.environment() == null ? null : merged.environment().runId(),
                resultCache,
                parts.stream().anyMatch(SnowflakeSection::historyTruncated),
                requests,
                List.copyOf(samples),
                cost,
                List.copyOf(estimates),
                one
                        ? names.get(0)
                        : String.join(", ", names.stream().map(String::valueOf).toList()),
                List.copyOf(load),
                own);
    }

    private static String warehouseOf(SnowflakeSection p) {
        return p.warehouseName() != null
                ? p.warehouseName()
                : p.warehouse().isEmpty() ? null : p.warehouse().get(0).name();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.ToLongFunction<T> key) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return t -> seen.add(key.applyAsLong(t));
    }

    /** Adds one request's accounts from several workers. */
    static RequestHistory add(String request, List<RequestHistory> hs) {
        long queries = 0;
        long failed = 0;
        long reused = 0;
        long p50 = 0;
        long p95 = 0;
        long max = 0;
        long execution = 0;
        double elapsed = 0;
        double compilation = 0;
        double provisioning = 0;
        double overload = 0;
        double blocked = 0;
        double executionMean = 0;
        double cacheBytes = 0;
        for (RequestHistory h : hs) {
            queries += h.queries();
            failed += h.failed();
            reused += h.resultReused();
            p50 = Math.max(p50, h.elapsedP50Millis());
            p95 = Math.max(p95, h.elapsedP95Millis());
            max = Math.max(max, h.elapsedMaxMillis());
            execution += h.totalExecutionMillis();
            elapsed += h.meanElapsedMillis() * h.queries();
            compilation += h.meanCompilationMillis() * h.queries();
            provisioning += h.meanQueuedProvisioningMillis() * h.queries();
            overload += h.meanQueuedOverloadMillis() * h.queries();
            blocked += h.meanBlockedMillis() * h.queries();
            executionMean += h.meanExecutionMillis() * h.queries();
            if (h.scannedFromCache() != null && h.bytesScanned() != null) {
                cacheBytes += h.scannedFromCache() * h.bytesScanned();
            }
        }
        long n = Math.max(1, queries);
        Long bytes = sumLong(hs, RequestHistory::bytesScanned);
        boolean cache = hs.stream().anyMatch(h -> h.scannedFromCache() != null);
        return new RequestHistory(
                request,
                queries,
                failed,
                reused,
                p50,
                p95,
                max,
                elapsed / n,
                compilation / n,
                provisioning / n,
                overload / n,
                blocked / n,
                executionMean / n,
                execution,
                bytes,
                sumLong(hs, RequestHistory::partitionsScanned),
                sumLong(hs, RequestHistory::partitionsTotal),
                !cache ? null : bytes == null || bytes == 0 ? 0.0 : cacheBytes / bytes,
                sumLong(hs, RequestHistory::bytesSpilledLocal),
                sumLong(hs, RequestHistory::bytesSpilledRemote),
                hs.stream().allMatch(h -> h.cloudServicesCredits() == null)
                        ? null
                        : hs.stream()
                                .mapToDouble(h -> h.cloudServicesCredits() == null ? 0 : h.cloudServicesCredits())
                                .sum());
    }

    private static Long sumLong(List<RequestHistory> hs, java.util.function.Function<RequestHistory, Long> f) {
        return hs.stream().allMatch(h -> f.apply(h) == null)
                ? null
                : hs.stream()
                        .mapToLong(h -> f.apply(h) == null ? 0 : f.apply(h))
                        .sum();
    }

    /** The workers' estimates of different warehouses, added. */
    static CostModel.CostEstimate sum(List<CostModel.CostEstimate> costs, long queries, double runSeconds) {
        if (costs.isEmpty()) {
            return null;
        }
        double rate = 0;
        long seconds = 0;
        double credits = 0;
        double price = 0;
        boolean priced = true;
        Map<String, Double> byKind = new TreeMap<>();
        for (CostModel.CostEstimate c : costs) {
            rate += c.creditsPerHour();
            seconds += c.billedClusterSeconds();
            credits += c.credits();
            priced &= c.price() != null;
            price += c.price() == null ? 0 : c.price();
            c.creditsByKind().forEach((k, v) -> byKind.merge(k, v, Double::sum));
        }
        Double perCredit = costs.stream()
                                .map(CostModel.CostEstimate::pricePerCredit)
                                .distinct()
                                .count()
                        == 1
                ? costs.get(0).pricePerCredit()
                : null;
        return new CostModel.CostEstimate(
                rate,
                seconds,
                credits,
                priced ? price : null,
                perCredit,
                byKind,
                queries == 0 ? null : credits * 1000 / queries,
                credits == 0 ? null : queries / credits,
                runSeconds > 0 && credits > 0 ? queries / runSeconds / credits : null);
    }
}
