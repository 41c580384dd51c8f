package dev.salvo.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Snowflake run's {@value #FILE} as the reports read it: Snowflake's own account per request, warehouse samples and
 * the estimated cost. Written beside results.json by the opt-in {@code salvo-snowflake} module at the end of a
 * Snowflake run (results.json itself is unchanged, so every reader of results.json keeps working). Unknown members are
 * ignored, absent ones are null.
 *
 * @param formatVersion the file's format version (1)
 * @param runId the run id of the query tag
 * @param resultCache {@code on} or {@code off}, null when not recorded
 * @param historyTruncated true when some of the run's queries could not be read from the history
 * @param requests per request
 * @param warehouse the warehouse samples taken during the run
 * @param cost the estimated cost, null when none could be made
 * @param estimates which values are estimates
 * @param warehouseName the run's warehouse, null when not recorded
 * @param warehouseLoad Snowflake's WAREHOUSE_LOAD_HISTORY over the run's window (empty when not read)
 * @param workers for a merged run, the workers whose files were merged (empty for a single run)
 */
public record SnowflakeResults(
        int formatVersion,
        String runId,
        String resultCache,
        boolean historyTruncated,
        List<Request> requests,
        List<Warehouse> warehouse,
        Cost cost,
        List<String> estimates,
        String warehouseName,
        List<Load> warehouseLoad,
        List<Worker> workers) {
    /** The file's name in a run directory. */
    public static final String FILE = "snowflake.json";
    /** The newest format version this build reads. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Normalizes absent lists to empty ones. */
    public SnowflakeResults {
        requests = requests == null ? List.of() : requests;
        warehouse = warehouse == null ? List.of() : warehouse;
        estimates = estimates == null ? List.of() : estimates;
        warehouseLoad = warehouseLoad == null ? List.of() : warehouseLoad;
        workers = workers == null ? List.of() : workers;
    }

    /**
     * One interval of {@code WAREHOUSE_LOAD_HISTORY}: Snowflake's "query load", the average number of queries in each
     * state over the interval.
     *
     * @param startMillis interval start, epoch ms
     * @param endMillis interval end, epoch ms
     * @param avgRunning running
     * @param avgQueuedLoad queued because the warehouse was overloaded
     * @param avgQueuedProvisioning queued while clusters were provisioned
     * @param avgBlocked blocked by a transaction lock
     */
    public record Load(
            long startMillis,
            long endMillis,
            double avgRunning,
            double avgQueuedLoad,
            double avgQueuedProvisioning,
            double avgBlocked) {}

    /**
     * A worker whose {@value #FILE} went into a merged run.
     *
     * @param worker its index
     * @param runId its run id
     * @param warehouseName its warehouse
     */
    public record Worker(int worker, String runId, String warehouseName) {}

    /**
     * One request: Salvo's client-side numbers beside Snowflake's.
     *
     * @param request the request's name ({@code (other)} for the run's queries that match no request)
     * @param clientCount requests Salvo completed during the measurement, null for {@code (other)}
     * @param clientP50Micros Salvo's p50 response time, µs
     * @param clientP95Micros Salvo's p95 response time, µs
     * @param snowflake Snowflake's account (ms)
     */
    public record Request(
            String request, Long clientCount, Double clientP50Micros, Double clientP95Micros, Server snowflake) {}

    /**
     * Snowflake's account of one request's queries, from its query history (times in ms).
     *
     * @param queries queries found
     * @param failed queries that did not succeed
     * @param resultReused queries that look answered from the result cache (an estimate)
     * @param elapsedP50Millis median total elapsed time
     * @param elapsedP95Millis 95th percentile of total elapsed time
     * @param meanElapsedMillis mean total elapsed time
     * @param meanCompilationMillis mean compilation time
     * @param meanQueuedProvisioningMillis mean time queued for provisioning
     * @param meanQueuedOverloadMillis mean time queued for overload
     * @param meanBlockedMillis mean time blocked by another transaction
     * @param meanExecutionMillis mean execution time
     * @param bytesScanned bytes scanned, null when not reported
     * @param scannedFromCache bytes-weighted share scanned from the warehouse cache, 0..1
     * @param bytesSpilledLocal bytes spilled to local storage
     * @param bytesSpilledRemote bytes spilled to remote storage
     * @param cloudServicesCredits cloud services credits
     */
    public record Server(
            long queries,
            long failed,
            long resultReused,
            long elapsedP50Millis,
            long elapsedP95Millis,
            double meanElapsedMillis,
            double meanCompilationMillis,
            double meanQueuedProvisioningMillis,
            double meanQueuedOverloadMillis,
            double meanBlockedMillis,
            double meanExecutionMillis,
            Long bytesScanned,
            Double scannedFromCache,
            Long bytesSpilledLocal,
            Long bytesSpilledRemote,
            Double cloudServicesCredits) {}

    /**
     * One warehouse sample ({@code SHOW WAREHOUSES}).
     *
     * @param epochMillis when it was taken
     * @param state e.g. STARTED, SUSPENDED
     * @param type e.g. STANDARD
     * @param size e.g. X-Small
     * @param startedClusters clusters running
     * @param maxClusters MAX_CLUSTER_COUNT
     * @param running queries running
     * @param queued queries queued
     */
    public record Warehouse(
            long epochMillis,
            String state,
            String type,
            String size,
            int startedClusters,
            int maxClusters,
            int running,
            int queued) {}

    /**
     * The estimated cost. Every value is an estimate.
     *
     * @param creditsPerHour rate per cluster
     * @param billedClusterSeconds billed seconds over all clusters
     * @param credits warehouse credits
     * @param price credits times the price per credit, null without a price
     * @param pricePerCredit the price per credit, null when none was given
     * @param creditsByKind credits split by request kind
     * @param creditsPer1000Queries credits per 1,000 queries
     * @param queriesPerCredit queries per credit
     * @param qpsPerCredit throughput (queries/s) per credit
     */
    public record Cost(
            double creditsPerHour,
            long billedClusterSeconds,
            double credits,
            Double price,
            Double pricePerCredit,
            Map<String, Double> creditsByKind,
            Double creditsPer1000Queries,
            Double queriesPerCredit,
            Double qpsPerCredit) {
        /** @return the price of 1,000 queries, null without a price per credit or without queries */
        public Double pricePer1000Queries() {
            return pricePerCredit == null || creditsPer1000Queries == null
                    ? null
                    : creditsPer1000Queries * pricePerCredit;
        }
    }

    /**
     * Reads a run directory's {@value #FILE}.
     *
     * @param runDirectory a run directory
     * @return its Snowflake results, empty when the run has none (not a Snowflake run, or an older run)
     * @throws IllegalArgumentException naming the file when it is present but unreadable or of an unknown version
     */
    public static Optional<SnowflakeResults> read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        SnowflakeResults r;
        try {
            r = JSON.readValue(file.toFile(), SnowflakeResults.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ": must be valid Snowflake results JSON, but " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": must be readable, but " + e.getMessage(), e);
        }
        if (r.formatVersion() < 1 || r.formatVersion() > CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException(file + ": formatVersion must be between 1 and " + CURRENT_FORMAT_VERSION
                    + ", but was " + r.formatVersion() + " (written by a newer Salvo?)");
        }
        return Optional.of(r);
    }
}
