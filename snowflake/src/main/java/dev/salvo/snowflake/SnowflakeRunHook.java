package dev.salvo.snowflake;

import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.RunContext;
import dev.salvo.runtime.RunHook;
import dev.salvo.sql.Connections;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SnowflakeSettings;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.QueryHistory;
import dev.salvo.sql.snowflake.QueryTag;
import dev.salvo.sql.snowflake.RequestHistory;
import dev.salvo.sql.snowflake.WarehousePoller;
import dev.salvo.sql.snowflake.WarehouseSample;
import dev.salvo.sql.snowflake.WarehouseSize;
import dev.salvo.sql.snowflake.WarehouseType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The end of a Snowflake run, automatically (found by the runtime as a {@link RunHook}): a warehouse poller during the
 * run, each request's statements tagged with its name, and after the run the run's query history joined per request,
 * the estimated cost, written as {@value SnowflakeSection#FILE} beside results.json and shown in the regenerated
 * index.html. Takes no part in runs on other databases.
 *
 * <p>Settings (system property, else environment): {@code salvo.snowflake.pollSeconds} /
 * {@code SALVO_SNOWFLAKE_POLL_SECONDS} (default 5, 0 for no poller), {@code salvo.snowflake.pricePerCredit} /
 * {@code SALVO_SNOWFLAKE_PRICE_PER_CREDIT} (none by default: credits only), {@code salvo.snowflake.historyWaitSeconds}
 * / {@code SALVO_SNOWFLAKE_HISTORY_WAIT_SECONDS} (default 60: how long to wait for the history to show the run's
 * queries), {@code salvo.snowflake.requestTags} / {@code SALVO_SNOWFLAKE_REQUEST_TAGS} ({@code on} by default).
 */
public final class SnowflakeRunHook implements RunHook {
    /** The statement-level parameter snowflake-jdbc sends with the query request ({@code SnowflakeStatement}). */
    static final String QUERY_TAG = "QUERY_TAG";

    /** Opens the hook's own connection to the run's database, as an executor of SQL. */
    interface Database extends QueryHistory.Executor, AutoCloseable {
        @Override
        void close();
    }

    /** How the hook reaches Snowflake. */
    @FunctionalInterface
    interface Access {
        /**
         * @param run the run
         * @return a database session of the hook's own (outside the run's pool)
         * @throws SQLException when it cannot connect
         */
        Database open(RunContext run) throws SQLException;
    }

    private final Access access;
    private final Map<String, String> settings;
    private final java.util.function.LongSupplier clock;
    private Database db;
    private WarehousePoller poller;
    private String warehouse;
    private boolean tags;

    /** For {@link java.util.ServiceLoader}: reaches Snowflake through the run's URL and credentials. */
    public SnowflakeRunHook() {
        this(
                run -> {
                    Connection c = Connections.open(run.database());
                    QueryHistory.Executor e = QueryHistory.executor(c);
                    return new Database() {
                        @Override
                        public List<Map<String, Object>> query(String sql, Object... binds) throws SQLException {
                            return e.query(sql, binds);
                        }

                        @Override
                        public void close() {
                            try {
                                c.close();
                            } catch (SQLException ignored) {
                                // the run is over; nothing to keep
                            }
                        }
                    };
                },
                settingsFromEnvironment(),
                System::currentTimeMillis);
    }

    SnowflakeRunHook(Access access, Map<String, String> settings, java.util.function.LongSupplier clock) {
        this(access, settings, clock, Thread::sleep);
    }

    /** How the hook waits (tests advance their clock instead). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    SnowflakeRunHook(
            Access access, Map<String, String> settings, java.util.function.LongSupplier clock, Sleeper sleeper) {
        this.access = access;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    private final Sleeper sleeper;

    static Map<String, String> settingsFromEnvironment() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String key : List.of("pollSeconds", "pricePerCredit", "historyWaitSeconds", "requestTags")) {
            String env = "SALVO_SNOWFLAKE_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
            String v = System.getProperty("salvo.snowflake." + key, System.getenv(env));
            if (v != null && !v.isBlank()) {
                m.put(key, v.strip());
            }
        }
        return m;
    }

    private double number(String key, double dflt, double min) {
        String v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw new SalvoException(
                "salvo.snowflake." + key + ": must be a number >= " + (long) min + ", but was '" + v + "'");
    }

    @Override
    public boolean start(RunContext run) throws SQLException {
        if (!"snowflake".equals(run.dialect())) {
            return false;
        }
        String t = settings.getOrDefault("requestTags", "on");
        if (!t.equals("on") && !t.equals("off")) {
            throw new SalvoException("salvo.snowflake.requestTags: must be on or off, but was '" + t + "'");
        }
        tags = t.equals("on");
        runId = run.runId();
        worker = run.session().workerIndex();
        double poll = number("pollSeconds", 5, 0);
        number("pricePerCredit", 0, 0);
        number("historyWaitSeconds", 60, 0);
        db = access.open(run);
        warehouse = run.database().snowflake().map(SnowflakeSettings::warehouse).orElse(null);
        if (warehouse != null && poll > 0) {
            poller = new WarehousePoller(warehouse, db, clock)
                    .start(Duration.ofMillis(Math.max(1000, (long) (poll * 1000))));
        } else {
            System.out.println("[salvo] snowflake: no warehouse poller ("
                    + (warehouse == null ? "salvo.warehouse is not set" : "salvo.snowflake.pollSeconds is 0")
                    + "); no cost estimate");
        }
        return true;
    }

    @Override
    public boolean tagsStatements() {
        return tags;
    }

    /** Sets the statement's own {@code QUERY_TAG}: sent with each execution, no extra round trip. */
    @Override
    public void prepared(PreparedStatement statement, String request) throws SQLException {
        if (request != null) {
            statement
                    .unwrap(net.snowflake.client.api.statement.SnowflakeStatement.class)
                    .setParameter(QUERY_TAG, QueryTag.json(runId, worker, request));
        }
    }

    private String runId;
    private int worker;

    @Override
    public void finish(RunContext run, Path runDirectory) throws InterruptedException {
        long ended = clock.getAsLong();
        List<WarehouseSample> samples = List.of();
        if (poller != null) {
            poller.pollOnce();
            poller.close();
            samples = poller.samples();
            if (poller.firstError() != null) {
                System.out.println("[salvo] WARN snowflake: " + poller.firstError());
            }
        }
        RunResults results = ResultsFiles.read(runDirectory);
        long expected = results.requests().stream()
                .filter(r -> results.info(r.name()) == null
                        || results.info(r.name()).statements().isEmpty())
                .mapToLong(RunResults.RequestStats::count)
                .sum();
        Map<String, String> sqlByRequest = new java.util.LinkedHashMap<>(); // in the results' order
        results.requests().forEach(r -> {
            String sql = run.sqlByRequest().get(r.name());
            if (sql != null) {
                sqlByRequest.put(r.name(), sql);
            }
        });
        new java.util.TreeMap<>(run.sqlByRequest()).forEach(sqlByRequest::putIfAbsent);
        long waitMillis = (long) (number("historyWaitSeconds", 60, 0) * 1000);
        long deadline = clock.getAsLong() + waitMillis;
        Instant from = run.startedAt().minusSeconds(60);
        QueryHistory.Result history;
        long found;
        while (true) {
            history = QueryHistory.byUser()
                    .read(
                            db,
                            run.runId(),
                            from,
                            Instant.ofEpochMilli(clock.getAsLong()).plusSeconds(60));
            found = RequestHistory.join(history.records(), sqlByRequest).stream()
                    .filter(h -> !h.request().equals(RequestHistory.OTHER))
                    .mapToLong(RequestHistory::queries)
                    .sum();
            if (found >= expected || clock.getAsLong() >= deadline) {
                break;
            }
            sleeper.sleep(Math.min(5_000, Math.max(1, deadline - clock.getAsLong())));
        }
        SnowflakeSection section = SnowflakeSection.of(
                results, run.runId(), history, sqlByRequest, samples, costModel(samples), tailMillis(samples));
        if (warehouse != null) {
            section = loadHistory(section, run.startedAt(), ended, deadline);
        }
        Path file = section.write(runDirectory);
        RunDirectory.report(runDirectory);
        System.out.println("[salvo] snowflake: " + file.toAbsolutePath().normalize() + " (" + found + " of " + expected
                + " measured requests found in the query history" + (history.truncated() ? ", history truncated" : "")
                + ")");
    }

    /**
     * Adds WAREHOUSE_LOAD_HISTORY for the run's window. Snowflake documents a range ending within one minute of the
     * current time as possibly inaccurate, so this waits until a minute after the run's end, but not past the history
     * deadline; a shorter wait is noted in the section. A failure is one WARN line: the rest of the section stays.
     */
    private SnowflakeSection loadHistory(SnowflakeSection section, Instant from, long ended, long deadline)
            throws InterruptedException {
        long wait = Math.min(ended + 60_000, Math.max(deadline, clock.getAsLong())) - clock.getAsLong();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        long after = (clock.getAsLong() - ended) / 1000;
        String note = after >= 60
                ? null
                : "warehouseLoad: read " + after + " s after the run's end; Snowflake documents"
                        + " a range ending within one minute of the current time as possibly inaccurate";
        try {
            List<SnowflakeSection.Load> load =
                    WarehousePoller.readLoadHistory(db, warehouse, from, Instant.ofEpochMilli(ended)).stream()
                            .map(SnowflakeSection.Load::of)
                            .toList();
            return section.withWarehouseLoad(warehouse, load, note);
        } catch (java.sql.SQLException | RuntimeException e) {
            System.out.println("[salvo] WARN snowflake: no warehouse load history: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return section.withWarehouseLoad(
                    warehouse,
                    List.of(),
                    "warehouseLoad: not read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private CostModel costModel(List<WarehouseSample> samples) {
        WarehouseSample s =
                samples.stream().filter(x -> x.size() != null).findFirst().orElse(null);
        if (s == null) {
            return null;
        }
        Double price = settings.containsKey("pricePerCredit") ? number("pricePerCredit", 0, 0) : null;
        try {
            return CostModel.of(WarehouseSize.parse(s.size()), WarehouseType.parse(s.type()), price);
        } catch (SalvoException e) {
            System.out.println("[salvo] WARN snowflake: no cost estimate: " + e.getMessage());
            return null;
        }
    }

    /** A cluster running at the last sample is billed at least until AUTO_SUSPEND after it (the billing minimum aside). */
    private static long tailMillis(List<WarehouseSample> samples) {
        if (samples.isEmpty() || samples.get(samples.size() - 1).autoSuspendSeconds() == null) {
            return 0;
        }
        return samples.get(samples.size() - 1).autoSuspendSeconds() * 1000;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
