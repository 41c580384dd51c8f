package dev.salvo.runtime;

import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SalvoException;
import io.gatling.core.protocol.Protocol;
import java.time.Duration;

/**
 * Database settings of a run, as a Gatling protocol. Immutable; the DSL builds it. For internal use: users write
 * {@code SqlDsl.database()}.
 *
 * @param settings URL and credentials; embedded when no URL is set
 * @param poolSize connections in the pool, also the number of Salvo's SQL threads
 * @param connectionTimeout how long a request may wait for a pooled connection
 * @param loadDemoSchema whether the embedded database gets the demo schema
 * @param warmup how long after the first request the samples are counted as warmup only
 * @param queryTimeout longest a statement may run before the server cancels it (zero: no limit)
 * @param parameters profiles, seed and worker sharding of profile-backed parameters
 * @param findMax the step-load search this run performs, null for none
 * @param gatlingRequestStats whether each request is also logged to Gatling's StatsEngine (its report, console and
 *     assertions); Salvo's own results are complete either way
 * @param embeddedSetup SQL statements run once on the embedded database before load (after the demo schema, if any),
 *     e.g. to create a benchmark's tables; not run against a database given by URL
 * @param beforeLoad steps run once, in order, on the run's database (embedded or by URL) after it accepts a connection
 *     and before load, e.g. seeding test data ({@code database().seed(spec)} in the DSL)
 * @param faults the outage threshold, fail-fast and the drain timeout
 */
public record SqlProtocol(
        DatabaseSettings settings,
        int poolSize,
        Duration connectionTimeout,
        boolean loadDemoSchema,
        Duration warmup,
        Duration queryTimeout,
        ParameterSettings parameters,
        FindMax findMax,
        boolean gatlingRequestStats,
        java.util.List<String> embeddedSetup,
        java.util.List<BeforeLoad> beforeLoad,
        FaultSettings faults)
        implements Protocol {

    /** Default pool size. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /**
     * Largest pool: as many SQL threads as connections, so this bounds the platform threads a run starts for its queries
     * (2,000 one-second queries in flight were measured in one JVM: docs/performance.md, benchmarks/in-flight.sh).
     */
    public static final int MAX_POOL_SIZE = 10_000;
    /** Default wait for a pooled connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /** Checks the values. */
    public SqlProtocol {
        if (settings == null) {
            throw new SalvoException("database: settings must be set, but were null");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new SalvoException(
                    "database: poolSize must be between 1 and " + MAX_POOL_SIZE + ", but was " + poolSize);
        }
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
            throw new SalvoException(
                    "database: connectionTimeout must be at least 250 ms, but was " + connectionTimeout);
        }
        if (warmup == null || warmup.isNegative()) {
            throw new SalvoException("database: warmup must be zero or positive, but was " + warmup);
        }
        if (parameters == null) {
            throw new SalvoException("database: parameter settings must be set, but were null");
        }
        if (findMax != null && !warmup.isZero()) {
            throw new SalvoException(
                    "database: a find-max run must have no warmup (its first step is the reference), but "
                            + "warmup was " + warmup);
        }
        embeddedSetup = embeddedSetup == null ? java.util.List.of() : java.util.List.copyOf(embeddedSetup);
        beforeLoad = beforeLoad == null ? java.util.List.of() : java.util.List.copyOf(beforeLoad);
        faults = faults == null ? FaultSettings.DEFAULTS : faults;
        if (queryTimeout == null || queryTimeout.isNegative()) {
            throw new SalvoException("database: queryTimeout must be zero (none) or positive, but was " + queryTimeout);
        }
    }

    /**
     * A protocol with the default fault settings.
     *
     * @param settings see the record
     * @param poolSize see the record
     * @param connectionTimeout see the record
     * @param loadDemoSchema see the record
     * @param warmup see the record
     * @param queryTimeout see the record
     * @param parameters see the record
     * @param findMax see the record
     * @param gatlingRequestStats see the record
     * @param embeddedSetup see the record
     * @param beforeLoad see the record
     */
    public SqlProtocol(
            DatabaseSettings settings,
            int poolSize,
            Duration connectionTimeout,
            boolean loadDemoSchema,
            Duration warmup,
            Duration queryTimeout,
            ParameterSettings parameters,
            FindMax findMax,
            boolean gatlingRequestStats,
            java.util.List<String> embeddedSetup,
            java.util.List<BeforeLoad> beforeLoad) {
        this(
                settings,
                poolSize,
                connectionTimeout,
                loadDemoSchema,
                warmup,
                queryTimeout,
                parameters,
                findMax,
                gatlingRequestStats,
                embeddedSetup,
                beforeLoad,
                FaultSettings.DEFAULTS);
    }

    /** @return settings from system properties and environment, pool of {@value #DEFAULT_POOL_SIZE} */
    public static SqlProtocol fromEnvironment() {
        return new SqlProtocol(
                DatabaseSettings.fromEnvironment(),
                DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT,
                true,
                Duration.ZERO,
                Duration.ZERO,
                ParameterSettings.fromEnvironment(),
                null,
                true,
                java.util.List.of(),
                java.util.List.of());
    }

    /**
     * @param value the new {@code settings}
     * @return a copy with it
     */
    public SqlProtocol withSettings(DatabaseSettings value) {
        return with(c -> c.settings = value);
    }

    /**
     * @param value the new {@code poolSize}
     * @return a copy with it
     */
    public SqlProtocol withPoolSize(int value) {
        return with(c -> c.poolSize = value);
    }

    /**
     * @param value the new {@code connectionTimeout}
     * @return a copy with it
     */
    public SqlProtocol withConnectionTimeout(Duration value) {
        return with(c -> c.connectionTimeout = value);
    }

    /**
     * @param value the new {@code loadDemoSchema}
     * @return a copy with it
     */
    public SqlProtocol withLoadDemoSchema(boolean value) {
        return with(c -> c.loadDemoSchema = value);
    }

    /**
     * @param value the new {@code warmup}
     * @return a copy with it
     */
    public SqlProtocol withWarmup(Duration value) {
        return with(c -> c.warmup = value);
    }

    /**
     * @param value the new {@code queryTimeout}
     * @return a copy with it
     */
    public SqlProtocol withQueryTimeout(Duration value) {
        return with(c -> c.queryTimeout = value);
    }

    /**
     * @param value the new {@code parameters}
     * @return a copy with it
     */
    public SqlProtocol withParameters(ParameterSettings value) {
        return with(c -> c.parameters = value);
    }

    /**
     * @param value the new {@code findMax}
     * @return a copy with it
     */
    public SqlProtocol withFindMax(FindMax value) {
        return with(c -> c.findMax = value);
    }

    /**
     * @param value whether requests are also logged to Gatling's StatsEngine
     * @return a copy with it
     */
    public SqlProtocol withGatlingRequestStats(boolean value) {
        return with(c -> c.gatlingRequestStats = value);
    }

    /** The one copy-with-change: every wither changes one field of a {@link Copy} of this protocol. */
    private SqlProtocol with(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** A mutable copy of the components, turned back into a checked protocol by {@link #build()}. */
    private static final class Copy {
        DatabaseSettings settings;
        int poolSize;
        Duration connectionTimeout;
        boolean loadDemoSchema;
        Duration warmup;
        Duration queryTimeout;
        ParameterSettings parameters;
        FindMax findMax;
        boolean gatlingRequestStats;
        java.util.List<String> embeddedSetup;
        java.util.List<BeforeLoad> beforeLoad;
        FaultSettings faults;

        Copy(SqlProtocol p) {
            settings = p.settings;
            poolSize = p.poolSize;
            connectionTimeout = p.connectionTimeout;
            loadDemoSchema = p.loadDemoSchema;
            warmup = p.warmup;
            queryTimeout = p.queryTimeout;
            parameters = p.parameters;
            findMax = p.findMax;
            gatlingRequestStats = p.gatlingRequestStats;
            embeddedSetup = p.embeddedSetup;
            beforeLoad = p.beforeLoad;
            faults = p.faults;
        }

        SqlProtocol build() {
            return new SqlProtocol(
                    settings,
                    poolSize,
                    connectionTimeout,
                    loadDemoSchema,
                    warmup,
                    queryTimeout,
                    parameters,
                    findMax,
                    gatlingRequestStats,
                    embeddedSetup,
                    beforeLoad,
                    faults);
        }
    }

    @Override
    public String toString() {
        return "SqlProtocol{" + settings + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout
                + ", warmup=" + warmup + ", queryTimeout=" + queryTimeout + "}";
    }

    /**
     * @param value SQL statements run once on the embedded database before load
     * @return a copy with them
     */
    public SqlProtocol withEmbeddedSetup(java.util.List<String> value) {
        return with(c -> c.embeddedSetup = value);
    }

    /**
     * @param value steps run once, in order, after the database accepts a connection and before load
     * @return a copy with them
     */
    public SqlProtocol withBeforeLoad(java.util.List<BeforeLoad> value) {
        return with(c -> c.beforeLoad = value);
    }

    /**
     * @param value the outage threshold, fail-fast and drain timeout
     * @return a copy with them
     */
    public SqlProtocol withFaults(FaultSettings value) {
        return with(c -> c.faults = value);
    }
}
