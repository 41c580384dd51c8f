package dev.salvo.reports;

import java.util.List;
import java.util.Map;

/**
 * The database server's own view of a run (results.json's {@code server} section, format version 2): what the server
 * counted between the start and the end of the measurement (cumulative statistics read twice and subtracted, never
 * reset), the run's sessions' wait events over time, and per request the server-side numbers of each of its statements
 * next to Salvo's own. docs/server-statistics.md explains every number and the view it comes from.
 *
 * @param server the server's product and version, e.g. {@code PostgreSQL 18.6}
 * @param from ISO-8601 instant of the first snapshot (the measurement's start)
 * @param to ISO-8601 instant of the second snapshot (after the load drained)
 * @param seconds seconds between the snapshots
 * @param unavailable one line per statistic that could not be read, naming what and why
 * @param warnings one line per reset or eviction detected between the snapshots
 * @param settings the settings that matter to performance, as the server shows them
 * @param database the database's counters' increases (pg_stat_database), by Salvo's name
 * @param checkpointer checkpoints and background writer increases
 * @param wal WAL increases
 * @param waits the run's sessions' wait events over time, null when not sampled
 * @param statements the busiest statements of the window (most execution time first, at most
 *     {@link #TOP_STATEMENTS}), whoever ran them
 * @param requests per Salvo request name: its statements' server numbers, outliers and errors
 */
public record ServerResults(
        String server,
        String from,
        String to,
        double seconds,
        List<String> unavailable,
        List<String> warnings,
        Map<String, String> settings,
        Map<String, Double> database,
        Map<String, Double> checkpointer,
        Map<String, Double> wal,
        Waits waits,
        List<Statement> statements,
        Map<String, RequestServer> requests) {

    /** Most statements listed in {@link #statements()}. */
    public static final int TOP_STATEMENTS = 20;

    /** Normalizes absent collections to empty ones. */
    public ServerResults {
        unavailable = unavailable == null ? List.of() : unavailable;
        warnings = warnings == null ? List.of() : warnings;
        settings = settings == null ? Map.of() : settings;
        database = database == null ? Map.of() : database;
        checkpointer = checkpointer == null ? Map.of() : checkpointer;
        wal = wal == null ? Map.of() : wal;
        statements = statements == null ? List.of() : statements;
        requests = requests == null ? Map.of() : requests;
    }

    /**
     * One statement's server-side numbers over the window (from pg_stat_statements).
     *
     * @param queryId the server's query identifier, as text (64-bit)
     * @param query the statement's normalised text
     * @param calls executions completed
     * @param rows rows returned or affected
     * @param totalExecMillis execution time, ms
     * @param meanExecMillis mean execution time, ms
     * @param stddevExecMillis population standard deviation of execution time, ms
     * @param totalPlanMillis planning time, ms (0 unless pg_stat_statements.track_planning is on)
     * @param sharedBlocksHit shared buffer hits
     * @param sharedBlocksRead shared blocks read from the OS (page cache or disk)
     * @param sharedBlocksDirtied shared blocks dirtied
     * @param sharedBlocksWritten shared blocks written by the backend itself
     * @param cacheHitRatio hits / (hits + reads), null without block access
     * @param tempBlocksRead temp blocks read (sorts and hashes spilling to disk)
     * @param tempBlocksWritten temp blocks written
     * @param blockReadMillis time reading blocks, ms (needs track_io_timing)
     * @param blockWriteMillis time writing blocks, ms (needs track_io_timing)
     * @param walRecords WAL records generated
     * @param walFpi WAL full-page images
     * @param walBytes WAL bytes
     * @param complete false when the entry was evicted or reset in the window, so that its counts start part-way
     */
    public record Statement(
            String queryId,
            String query,
            long calls,
            long rows,
            double totalExecMillis,
            double meanExecMillis,
            double stddevExecMillis,
            double totalPlanMillis,
            long sharedBlocksHit,
            long sharedBlocksRead,
            long sharedBlocksDirtied,
            long sharedBlocksWritten,
            Double cacheHitRatio,
            long tempBlocksRead,
            long tempBlocksWritten,
            double blockReadMillis,
            double blockWriteMillis,
            long walRecords,
            long walFpi,
            long walBytes,
            boolean complete) {}

    /**
     * A Salvo request's server side.
     *
     * @param ok Salvo's OK count for the request (the measurement's)
     * @param serverCalls server executions of its first statement in the window (equal to {@code ok} when only Salvo ran
     *     it, outside the warmup)
     * @param clientServiceMeanMicros Salvo's mean service time (connection in hand to last row), µs
     * @param serverMeanMicros the server's mean execution plus planning time of the request's statements, added, µs
     * @param clientOverheadMicros {@code clientServiceMeanMicros - serverMeanMicros}: driver, network, client, and for a
     *     transaction its BEGIN/COMMIT round trips
     * @param statements per statement of the request, in order
     * @param outliers the slowest executions (at most 20), slowest first, with their parameters and (for the first few)
     *     their plans
     * @param errors every distinct error (at most 100) with the parameters of its first occurrence
     */
    public record RequestServer(
            long ok,
            Long serverCalls,
            Double clientServiceMeanMicros,
            Double serverMeanMicros,
            Double clientOverheadMicros,
            List<RequestStatement> statements,
            List<Outlier> outliers,
            List<ErrorSample> errors) {
        /** Normalizes absent lists to empty ones. */
        public RequestServer {
            statements = statements == null ? List.of() : statements;
            outliers = outliers == null ? List.of() : outliers;
            errors = errors == null ? List.of() : errors;
        }
    }

    /**
     * One statement of a request, joined to the server's entry.
     *
     * @param sql the statement as Salvo prepares it
     * @param matchedBy {@code queryId} (EXPLAIN's query identifier), {@code text} (normalised text), or null when it
     *     was not found
     * @param sharedWith other request names whose statements have the same identifier (their numbers are mixed)
     * @param problem one line saying why it could not be joined, null when it was
     * @param server the server's numbers, null when not joined
     */
    public record RequestStatement(
            String sql, String matchedBy, List<String> sharedWith, String problem, Statement server) {
        /** Normalizes an absent list to an empty one. */
        public RequestStatement {
            sharedWith = sharedWith == null ? List.of() : sharedWith;
        }
    }

    /**
     * One slow execution.
     *
     * @param startedAt ISO-8601 instant it started
     * @param responseMicros its response time, µs
     * @param parameters its bound values as text, one list per statement
     * @param plans {@code EXPLAIN (VERBOSE, FORMAT JSON)} of each statement with these values, or empty when not
     *     explained
     */
    public record Outlier(String startedAt, double responseMicros, List<List<String>> parameters, List<Object> plans) {
        /** Normalizes absent lists to empty ones. */
        public Outlier {
            parameters = parameters == null ? List.of() : parameters;
            plans = plans == null ? List.of() : plans;
        }
    }

    /**
     * One distinct error.
     *
     * @param error {@code SQLSTATE: message}, as in the request's {@code errors}
     * @param startedAt ISO-8601 instant of its first occurrence
     * @param parameters the bound values of its first occurrence, one list per statement
     */
    public record ErrorSample(String error, String startedAt, List<List<String>> parameters) {}

    /**
     * Average active sessions of the run by wait class over time (pg_stat_activity sampled).
     *
     * @param periodMillis time between samples
     * @param intervalMillis length of one interval
     * @param samples samples taken
     * @param events average active sessions over the window per {@code class:event}
     * @param intervals the intervals in time order
     * @param unavailable why sampling stopped or never ran, null when it ran
     */
    public record Waits(
            long periodMillis,
            long intervalMillis,
            long samples,
            Map<String, Double> events,
            List<WaitInterval> intervals,
            String unavailable) {
        /** Normalizes absent collections. */
        public Waits {
            events = events == null ? Map.of() : events;
            intervals = intervals == null ? List.of() : intervals;
        }
    }

    /**
     * One interval of {@link Waits}.
     *
     * @param startEpochMillis its start, ms since the epoch
     * @param endEpochMillis its end
     * @param samples samples in it
     * @param activeSessions average active sessions per wait class ({@code CPU} when active without a wait event)
     */
    public record WaitInterval(
            long startEpochMillis, long endEpochMillis, int samples, Map<String, Double> activeSessions) {
        /** Normalizes an absent map. */
        public WaitInterval {
            activeSessions = activeSessions == null ? Map.of() : activeSessions;
        }
    }
}
