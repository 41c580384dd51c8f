package dev.salvo.snowflake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.RunResults;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.QueryHistory;
import dev.salvo.sql.snowflake.RequestHistory;
import dev.salvo.sql.snowflake.WarehousePoller;
import dev.salvo.sql.snowflake.WarehouseSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Snowflake section of a run: what Snowflake itself reports per request next to Salvo's client-side latency, the
 * warehouse samples and the estimated cost, written as {@value #FILE} beside the run's results.json. Built after the run
 * (the query history needs the run's queries to have ended), from public pieces of {@code dev.salvo.sql.snowflake}.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param runId the run id of the query tag
 * @param resultCache {@code on}, {@code off} or null when the run did not record it
 * @param historyTruncated true when the history held more queries than could be read (some are missing)
 * @param requests per request: client latency (µs, from results.json) and Snowflake's own account (ms)
 * @param warehouse the warehouse samples taken during the run
 * @param cost the estimated cost, null when no cost model was given
 * @param estimates which values are estimates rather than measurements
 * @param warehouseName the run's warehouse ({@code salvo.warehouse}), null when not set
 * @param warehouseLoad Snowflake's WAREHOUSE_LOAD_HISTORY for the run's window, read after the run (may be empty)
 * @param workers for a merged run: each worker's own section (without samples and load); empty for a single run
 */
public record SnowflakeSection(
        int formatVersion,
        String runId,
        String resultCache,
        boolean historyTruncated,
        List<RequestComparison> requests,
        List<WarehouseSample> warehouse,
        CostModel.CostEstimate cost,
        List<String> estimates,
        String warehouseName,
        List<Load> warehouseLoad,
        List<Worker> workers) {

    /** Normalizes absent lists (files written before these members existed). */
    public SnowflakeSection {
        requests = requests == null ? List.of() : requests;
        warehouse = warehouse == null ? List.of() : warehouse;
        estimates = estimates == null ? List.of() : estimates;
        warehouseLoad = warehouseLoad == null ? List.of() : warehouseLoad;
        workers = workers == null ? List.of() : workers;
    }

    /**
     * One interval of {@code WAREHOUSE_LOAD_HISTORY}: each value is Snowflake's "query load", the average number of
     * queries in that state over the interval.
     *
     * @param startMillis interval start, epoch ms
     * @param endMillis interval end, epoch ms
     * @param avgRunning AVG_RUNNING
     * @param avgQueuedLoad AVG_QUEUED_LOAD (queued because the warehouse was overloaded)
     * @param avgQueuedProvisioning AVG_QUEUED_PROVISIONING (queued while clusters were provisioned)
     * @param avgBlocked AVG_BLOCKED (blocked by a transaction lock)
     */
    public record Load(
            long startMillis,
            long endMillis,
            double avgRunning,
            double avgQueuedLoad,
            double avgQueuedProvisioning,
            double avgBlocked) {
        /**
         * @param i an interval as read
         * @return it, with epoch-ms times
         */
        public static Load of(WarehousePoller.LoadInterval i) {
            return new Load(
                    i.start().toEpochMilli(),
                    i.end().toEpochMilli(),
                    i.avgRunning(),
                    i.avgQueuedLoad(),
                    i.avgQueuedProvisioning(),
                    i.avgBlocked());
        }
    }

    /**
     * One worker's part of a merged run.
     *
     * @param worker the worker's index
     * @param runId its run id (its query tag's {@code salvo})
     * @param warehouseName its warehouse
     * @param historyTruncated its history was truncated
     * @param requests its requests as it joined them
     * @param cost its own cost estimate
     */
    public record Worker(
            int worker,
            String runId,
            String warehouseName,
            boolean historyTruncated,
            List<RequestComparison> requests,
            CostModel.CostEstimate cost) {}

    /**
     * @param name the run's warehouse
     * @param load its load history over the run's window
     * @param note what to know about how it was read (an entry of {@link #estimates}), null for none
     * @return this section with the warehouse's load history
     */
    public SnowflakeSection withWarehouseLoad(String name, List<Load> load, String note) {
        List<String> e = new ArrayList<>(estimates);
        if (note != null) {
            e.add(note);
        }
        return new SnowflakeSection(
                formatVersion,
                runId,
                resultCache,
                historyTruncated,
                requests,
                warehouse,
                cost,
                List.copyOf(e),
                name,
                List.copyOf(load),
                workers);
    }

    /** The file name in the run directory. */
    public static final String FILE = "snowflake.json";
    /** The version this build writes. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One request, client side and Snowflake side.
     *
     * @param request the request name ({@link RequestHistory#OTHER} for the run's other queries)
     * @param clientCount requests Salvo completed during the measurement, null for {@link RequestHistory#OTHER}
     * @param clientP50Micros Salvo's p50 response time, µs
     * @param clientP95Micros Salvo's p95 response time, µs
     * @param snowflake Snowflake's account of the request's queries (times in ms)
     */
    public record RequestComparison(
            String request,
            Long clientCount,
            Double clientP50Micros,
            Double clientP95Micros,
            RequestHistory snowflake) {}

    /**
     * Joins a run's results with its query history, warehouse samples and cost.
     *
     * @param results the run's results.json
     * @param runId the run id of its query tag (its directory's name)
     * @param history the run's query history
     * @param sqlByRequest each request's SQL text as sent (JDBC text)
     * @param samples warehouse samples during the run, may be empty
     * @param model the cost model, null for no cost estimate
     * @param tailMillis how long a cluster running at the last sample is billed beyond it (e.g. AUTO_SUSPEND)
     * @return the section
     */
    public static SnowflakeSection of(
            RunResults results,
            String runId,
            QueryHistory.Result history,
            Map<String, String> sqlByRequest,
            List<WarehouseSample> samples,
            CostModel model,
            long tailMillis) {
        Map<String, RunResults.RequestStats> client = new LinkedHashMap<>();
        results.requests().forEach(r -> client.put(r.name(), r));
        List<RequestComparison> requests = new ArrayList<>();
        Map<String, Long> executionByKind = new LinkedHashMap<>();
        long queries = 0;
        for (RequestHistory h : RequestHistory.join(history.records(), sqlByRequest)) {
            RunResults.RequestStats c = client.get(h.request());
            requests.add(new RequestComparison(
                    h.request(),
                    c == null ? null : c.count(),
                    c == null ? null : c.responseMicros().p50(),
                    c == null ? null : c.responseMicros().p95(),
                    h));
            if (c != null) {
                executionByKind.merge(c.kind(), h.totalExecutionMillis(), Long::sum);
                queries += c.count();
            }
        }
        CostModel.CostEstimate cost = model == null
                ? null
                : model.estimate(
                        CostModel.intervals(samples, tailMillis),
                        queries,
                        results.measurementSeconds(),
                        executionByKind);
        return new SnowflakeSection(
                FORMAT_VERSION,
                runId,
                results.config().get("snowflake.resultCache"),
                history.truncated(),
                requests,
                List.copyOf(samples),
                cost,
                List.of(
                        "cost: credits from polled cluster intervals and documented rates (docs/snowflake.md)",
                        "requests[].snowflake.resultReused: heuristic (successful SELECT, zero execution time, zero bytes scanned)"),
                null,
                List.of(),
                List.of());
    }

    /**
     * Writes {@value #FILE} into the run directory (atomically: a temporary file, then a move).
     *
     * @param runDirectory the run's directory
     * @return the file
     */
    public Path write(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        try {
            Path tmp = Files.createTempFile(runDirectory, FILE, ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), this);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SalvoException("snowflake section: " + file + " must be writable, but " + e.getMessage(), e);
        }
    }
}
