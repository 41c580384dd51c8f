package dev.salvo.runtime.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.salvo.runtime.SqlProtocol;
import dev.salvo.sql.Connections;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SessionSetup;
import dev.salvo.sql.SnowflakeSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The database a run talks to: the embedded server when configured so, a checked connection pool, and SQL threads. */
final class Target implements AutoCloseable {
    final SqlProtocol protocol;
    final Dialect dialect;
    final String product;
    final String version;
    final String maskedUrl;
    /** What every pooled connection was set up with (run tag, timeout, result cache). */
    final SessionSetup session;

    private final EmbeddedDatabase embedded;
    private final HikariDataSource pool;
    private final SqlExecutor executor;
    /** reaches the database outside the pool, untagged (server statistics) */
    private final java.util.concurrent.Callable<Connection> direct;
    /** names outages; null until the run watches */
    private volatile OutageWatch outage;
    /** How long cancelled statements may take to end after the drain timeout, in ms. */
    static final long CANCEL_BOUND_MILLIS = 5_000;

    private Target(
            SqlProtocol protocol,
            Dialect dialect,
            String product,
            String version,
            String maskedUrl,
            SessionSetup session,
            EmbeddedDatabase embedded,
            HikariDataSource pool,
            java.util.concurrent.Callable<Connection> direct) {
        this.direct = direct;
        this.protocol = protocol;
        this.session = session;
        this.dialect = dialect;
        this.product = product;
        this.version = version;
        this.maskedUrl = maskedUrl;
        this.embedded = embedded;
        this.pool = pool;
        // as many SQL threads as pooled connections: each thread holds one (see SqlThread)
        this.executor = new SqlExecutor(protocol.poolSize(), threads(this));
    }

    /**
     * Starts the embedded database when no URL is set, checks that the database accepts a connection, then opens the pool.
     *
     * @throws SalvoException with one line naming the problem; anything started is stopped again
     */
    static Target open(SqlProtocol protocol, Path workDir) {
        return open(protocol, workDir, "salvo");
    }

    /**
     * As {@link #open(SqlProtocol, Path)}, setting every pooled connection up for the run: the dialect's session setup
     * (statement timeout; for Snowflake the run's QUERY_TAG and the result-cache switch).
     *
     * @param runId the run's id, as its results directory is named
     */
    static Target open(SqlProtocol protocol, Path workDir, String runId) {
        return open(protocol, workDir, runId, null);
    }

    /**
     * @param tag tags the pool's sessions (PostgreSQL: application_name) so that server statistics find them; null for
     *     none
     */
    static Target open(SqlProtocol protocol, Path workDir, String runId, String tag) {
        EmbeddedDatabase embedded = null;
        PoolFill fill = null;
        try {
            DatabaseSettings settings = protocol.settings();
            if (settings.embedded()) {
                long t0 = System.nanoTime();
                System.out.println("[salvo] no salvo.url / SALVO_URL set: starting the embedded PostgreSQL"
                        + (protocol.loadDemoSchema() ? " with the demo schema" : "")
                        + (protocol.embeddedSetup().isEmpty()
                                ? ""
                                : " and " + protocol.embeddedSetup().size() + " setup statements"));
                embedded = EmbeddedDatabase.start(workDir);
                settings = embedded.settings();
                try (Connection c =
                        DriverManager.getConnection(settings.url().orElseThrow(), EmbeddedDatabase.USER, null)) {
                    if (protocol.loadDemoSchema()) {
                        DemoSchema.load(c);
                    }
                    runSetup(c, protocol.embeddedSetup());
                }
                System.out.printf(
                        "[salvo] embedded PostgreSQL on port %d%s, ready in %d ms%n",
                        embedded.port(),
                        protocol.loadDemoSchema() ? " with the demo schema (" + DemoSchema.ORDERS + " orders)" : "",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            String url = settings.url().orElseThrow();
            Dialect dialect = Dialect.forUrl(url);
            String product;
            String version;
            // one line naming the URL and user when it fails (and, for a missing driver, how to add it)
            try (Connection c = Connections.open(settings)) {
                DatabaseMetaData md = c.getMetaData();
                product = md.getDatabaseProductName();
                version = md.getDatabaseProductVersion();
            }
            for (dev.salvo.runtime.BeforeLoad step : protocol.beforeLoad()) {
                step.run(settings);
            }
            SessionSetup session = new SessionSetup(
                    runId,
                    protocol.parameters().workerIndex(),
                    protocol.queryTimeout(),
                    settings.snowflake().map(SnowflakeSettings::resultCache).orElse(true));
            java.util.Properties properties = new java.util.Properties();
            properties.putAll(settings.connectionProperties()); // user, password; Snowflake session, key pair
            if (tag != null) {
                dialect.serverStatistics().sessionTag(tag).forEach(properties::setProperty);
            }
            // the pool is full before load starts: its connections opened in parallel (PoolFill), then handed over
            fill = new PoolFill(url, properties, dialect.sessionSetupSql(session));
            HikariDataSource pool =
                    fill.pool(protocol.poolSize(), protocol.connectionTimeout().toMillis(), product);
            java.util.Properties credentials = settings.connectionProperties();
            return new Target(
                    protocol,
                    dialect,
                    product,
                    version,
                    settings.maskedUrl(),
                    session,
                    embedded,
                    pool,
                    () -> DriverManager.getConnection(url, credentials));
        } catch (SalvoException e) {
            closeQuietly(fill);
            closeQuietly(embedded);
            throw e;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(fill);
            closeQuietly(embedded);
            throw new SalvoException("database: must be ready for load, but " + describe(e), e);
        }
    }

    private static void runSetup(Connection c, java.util.List<String> statements) {
        for (int i = 0; i < statements.size(); i++) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(statements.get(i));
            } catch (SQLException e) {
                throw new SalvoException(
                        "database: embedded setup statement " + (i + 1) + " must run, but " + describe(e) + " in: "
                                + abbreviate(statements.get(i)),
                        e);
            }
        }
    }

    private static String abbreviate(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static ThreadFactory threads(Target target) {
        AtomicInteger n = new AtomicInteger();
        return r -> new SqlThread(target, r, "salvo-sql-" + n.incrementAndGet());
    }

    /** @return one line: the driver's first message line and the SQLSTATE */
    static String describe(Throwable e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            return message + " (SQLSTATE " + sql.getSQLState() + ")";
        }
        return message;
    }

    /**
     * Asks the database to parse the request's SQL, without executing it.
     *
     * @throws SalvoException naming the request when the SQL does not parse or refers to unknown objects
     */
    void validate(PreparedRequest prepared) {
        validate(prepared, null);
    }

    /**
     * Asks the database to parse the request's SQL, without executing it, and checks the values known before load
     * against the parameter types it describes ({@link BindCheck}).
     *
     * @param shared the enclosing transaction's shared values, or null
     * @throws SalvoException naming the request when the SQL does not parse, refers to unknown objects, or a value does
     *     not fit its parameter's type
     */
    void validate(PreparedRequest prepared, SharedValues shared) {
        java.sql.ParameterMetaData md;
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(prepared.sql.jdbcSql())) {
            md = ps.getParameterMetaData(); // PostgreSQL parses and describes the statement here
            BindCheck.check(prepared, shared, md);
        } catch (SQLException e) {
            String hint = "42P01".equals(e.getSQLState()) && protocol.settings().embedded()
                    ? "; no salvo.url / SALVO_URL is set, so this ran on the embedded database with "
                            + (protocol.loadDemoSchema() ? "the demo schema (customers, orders)" : "no demo schema")
                            + ": set the URL of your database"
                    : "";
            throw new SalvoException(
                    "request '" + prepared.request.name() + "': the SQL must be accepted by " + dialect.name()
                            + ", but " + describe(e) + " in: " + prepared.sql + hint,
                    e);
        }
    }

    /**
     * Runs a request on one of the SQL threads.
     *
     * @param task the request
     * @throws RejectedExecutionException when the run is ending and the SQL threads are gone
     */
    void submit(Runnable task) {
        executor.execute(() -> SqlThread.current().serve(task));
    }

    /**
     * Runs a request on the SQL thread that waited for its time (see {@link SqlExecutor#executeAt}).
     *
     * @param task the request
     * @param atNanos when (System.nanoTime)
     * @throws RejectedExecutionException when the run is ending and the SQL threads are gone
     */
    void submitAt(Runnable task, long atNanos) {
        executor.executeAt(() -> SqlThread.current().serve(task), atNanos);
    }

    /**
     * @return true when a SQL thread that just finished a request may go on with its virtual user's next actions: the
     *     run still accepts requests and none waits for a SQL thread
     */
    boolean continuing() {
        return executor.idle();
    }

    /** @return the connections the pool holds now (HikariCP's count: idle and in use) */
    int pooledConnections() {
        return pool.getHikariPoolMXBean().getTotalConnections();
    }

    /**
     * @return a pooled connection; attempts, successes and failures go to the outage watch
     * @throws SQLException when the pool gives none within the connection timeout, or at once during an outage in
     *     fail-fast mode
     */
    Connection connection() throws SQLException {
        OutageWatch watch = outage;
        if (watch == null) {
            return pool.getConnection();
        }
        watch.failFast();
        watch.attempt();
        try {
            Connection c = pool.getConnection();
            watch.connected();
            return c;
        } catch (SQLException e) {
            watch.failed(e);
            throw e;
        }
    }

    /**
     * A request's statement was prepared on a pooled connection: shown to the hooks that tag statements.
     *
     * @param statement the new statement
     * @param owner its request
     */
    void prepared(PreparedStatement statement, PreparedRequest owner) {
        hooks.prepared(statement, owner);
    }

    /** The run's hooks (a hook may see each statement a request prepares: {@link #prepared}). */
    private volatile RunHooks hooks = RunHooks.none();

    /** @param hooks the run's hooks, once started */
    void hooks(RunHooks hooks) {
        this.hooks = hooks;
    }

    /**
     * Starts naming outages.
     *
     * @param recorders the run's request recorders
     * @return the watch
     */
    OutageWatch watchOutages(java.util.function.Supplier<java.util.Collection<RequestRecorder>> recorders) {
        OutageWatch watch = new OutageWatch(protocol.faults(), this::directConnection, recorders);
        outage = watch;
        return watch;
    }

    /** @return a new connection outside the pool, not tagged as the run's (for server statistics) */
    Connection directConnection() throws SQLException {
        try {
            return direct.call();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /**
     * Waits for in-flight requests up to the timeout; then cancels on the server the statements still running
     * ({@code Statement.cancel}), waits up to {@link #CANCEL_BOUND_MILLIS} more for their requests to end (they fail
     * with the server's cancel error), and interrupts what is left.
     *
     * @param timeoutMillis the drain timeout
     * @return how long it took and how many statements were cancelled
     */
    dev.salvo.reports.FaultResults.Drain drain(long timeoutMillis) {
        long t0 = System.nanoTime();
        int cancelled = executor.drain(timeoutMillis, CANCEL_BOUND_MILLIS);
        return new dev.salvo.reports.FaultResults.Drain(
                timeoutMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), cancelled);
    }

    @Override
    public void close() {
        OutageWatch watch = outage;
        if (watch != null) {
            watch.close();
        }
        executor.shutdownNow();
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(PoolFill fill) {
        if (fill != null) {
            fill.close();
        }
    }

    private static void closeQuietly(EmbeddedDatabase db) {
        if (db != null) {
            db.close();
        }
    }
}
