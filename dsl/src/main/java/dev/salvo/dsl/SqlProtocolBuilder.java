package dev.salvo.dsl;

import dev.salvo.runtime.ParameterSettings;
import dev.salvo.runtime.SqlProtocol;
import dev.salvo.sql.DatabaseSettings;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;

/**
 * Database settings for a simulation. Immutable, so all methods return a new occurrence and leave the original
 * unmodified.
 */
public final class SqlProtocolBuilder implements ProtocolBuilder {
    private final SqlProtocol protocol;

    private SqlProtocolBuilder(SqlProtocol protocol) {
        this.protocol = protocol;
    }

    static SqlProtocolBuilder fromEnvironment() {
        return new SqlProtocolBuilder(SqlProtocol.fromEnvironment());
    }

    private SqlProtocolBuilder change(java.util.function.UnaryOperator<SqlProtocol> change) {
        return new SqlProtocolBuilder(change.apply(protocol));
    }

    /**
     * Seeds the run's database (the embedded one, or the one given by URL) from a spec before load: the spec's tables are
     * created or filled with COPY and their keys checked (docs/seeding.md). A named table that already holds rows stops
     * the run with one line, unless the options allow truncation. Combine with {@link #noDemoSchema()} when the spec
     * names a demo table ({@code customers}, {@code orders}).
     *
     * @param spec the seed spec, e.g. {@code SpecYaml.load(Path.of("shop.yaml"))}
     * @return a new builder
     */
    public SqlProtocolBuilder seed(dev.salvo.seed.SeedSpec spec) {
        return seed(spec, dev.salvo.seed.SeedOptions.DEFAULTS);
    }

    /**
     * Seeds the run's database from a spec before load, with these options (threads, scale, truncation).
     *
     * @param spec the seed spec
     * @param options how to seed
     * @return a new builder
     */
    public SqlProtocolBuilder seed(dev.salvo.seed.SeedSpec spec, dev.salvo.seed.SeedOptions options) {
        Nulls.check("database", "seed", "spec", spec);
        Nulls.check("database", "seed", "options", options);
        java.util.List<dev.salvo.runtime.BeforeLoad> steps = new java.util.ArrayList<>(protocol.beforeLoad());
        steps.add(settings -> dev.salvo.seed.Seeder.seed(spec, dev.salvo.seed.Seeder.connections(settings), options));
        return change(p -> p.withBeforeLoad(steps));
    }

    /**
     * Adds a step run once on the run's database (embedded or given by URL) before load, after it accepts a connection
     * and after earlier steps such as {@link #seed(dev.salvo.seed.SeedSpec)}: e.g. the patterns module creates and seeds
     * a pattern's tables. A {@code SalvoException} it throws stops the run with its one line.
     *
     * @param step the step
     * @return a new builder
     */
    public SqlProtocolBuilder beforeLoad(dev.salvo.runtime.BeforeLoad step) {
        Nulls.check("database", "beforeLoad", "step", step);
        java.util.List<dev.salvo.runtime.BeforeLoad> steps = new java.util.ArrayList<>(protocol.beforeLoad());
        steps.add(step);
        return change(p -> p.withBeforeLoad(steps));
    }

    /**
     * SQL statements run once on the embedded database, after the demo schema (if any) and before load: e.g. a
     * benchmark's tables and data (Sample06 creates pgbench's). They are not run on a database given by URL: prepare that
     * one yourself (e.g. {@code pgbench -i}).
     *
     * @param statements one statement each, run in order
     * @return a new builder
     */
    public SqlProtocolBuilder embeddedSetup(String... statements) {
        Nulls.checkAll("database", "embeddedSetup", "statements", statements);
        java.util.List<String> all = new java.util.ArrayList<>(protocol.embeddedSetup());
        all.addAll(java.util.List.of(statements));
        return change(p -> p.withEmbeddedSetup(all));
    }

    /**
     * Connects to this JDBC URL instead of the configured one (or the embedded default).
     *
     * @param jdbcUrl a JDBC URL such as {@code jdbc:postgresql://localhost:5432/app}
     * @return a new builder
     */
    public SqlProtocolBuilder url(String jdbcUrl) {
        Nulls.check("database", "url", "jdbcUrl", jdbcUrl);
        DatabaseSettings s = protocol.settings();
        return change(p -> p.withSettings(
                DatabaseSettings.of(jdbcUrl, s.user().orElse(null), s.password().orElse(null))));
    }

    /**
     * Connects as this user.
     *
     * @param user the user name
     * @return a new builder
     */
    public SqlProtocolBuilder user(String user) {
        Nulls.check("database", "user", "user", user);
        DatabaseSettings s = protocol.settings();
        return change(p -> p.withSettings(
                DatabaseSettings.of(s.url().orElse(null), user, s.password().orElse(null))));
    }

    /**
     * Connects with this password (prefer {@code SALVO_PASSWORD}: code ends up in git). Never logged.
     *
     * @param password the password
     * @return a new builder
     */
    public SqlProtocolBuilder password(String password) {
        Nulls.check("database", "password", "password", password);
        DatabaseSettings s = protocol.settings();
        return change(p -> p.withSettings(
                DatabaseSettings.of(s.url().orElse(null), s.user().orElse(null), password)));
    }

    /**
     * Sets the number of pooled connections, which is also the number of Salvo's SQL threads.
     *
     * @param connections between 1 and {@value SqlProtocol#MAX_POOL_SIZE}; default {@value SqlProtocol#DEFAULT_POOL_SIZE}
     * @return a new builder
     */
    public SqlProtocolBuilder poolSize(int connections) {
        return change(p -> p.withPoolSize(connections));
    }

    /**
     * Sets how long a request may wait for a pooled connection before it fails.
     *
     * @param timeout at least 250 ms; default 30 s
     * @return a new builder
     */
    public SqlProtocolBuilder connectionTimeout(Duration timeout) {
        return change(p -> p.withConnectionTimeout(timeout));
    }

    /**
     * Sets how long a request may wait for a pooled connection before it fails.
     *
     * @param seconds at least 1
     * @return a new builder
     */
    public SqlProtocolBuilder connectionTimeout(long seconds) {
        return connectionTimeout(Duration.ofSeconds(seconds));
    }

    /**
     * Starts the embedded PostgreSQL empty, without the demo schema (only matters when no URL is configured).
     *
     * @return a new builder
     */
    public SqlProtocolBuilder noDemoSchema() {
        return change(p -> p.withLoadDemoSchema(false));
    }

    /**
     * Runs the same load for a while first without measuring it: requests that start within this time after the first
     * one are counted as warmup only, and enter no statistics, SLO verdict or comparison.
     *
     * @param warmup zero or positive; default zero
     * @return a new builder
     */
    public SqlProtocolBuilder warmup(Duration warmup) {
        return change(p -> p.withWarmup(warmup));
    }

    /**
     * Makes the server cancel any statement running longer than this; a cancelled statement is a KO with its own error
     * class (PostgreSQL: SQLSTATE 57014) and blocks no other virtual user.
     *
     * @param timeout positive, or zero for no limit (the default)
     * @return a new builder
     */
    public SqlProtocolBuilder queryTimeout(Duration timeout) {
        return change(p -> p.withQueryTimeout(timeout));
    }

    /**
     * Runs the same load for a while first without measuring it (see {@link #warmup(Duration)}).
     *
     * @param seconds zero or positive
     * @return a new builder
     */
    public SqlProtocolBuilder warmup(long seconds) {
        return warmup(Duration.ofSeconds(seconds));
    }

    /**
     * Draws profile-backed parameters from this seed (default {@code salvo.seed}, else 1): the same seed gives the same
     * parameter stream.
     *
     * @param seed any number
     * @return a new builder
     */
    public SqlProtocolBuilder seed(long seed) {
        return withParameters(s -> new ParameterSettings(
                s.profilesDirectory(), s.refreshProfiles(), seed, s.workerIndex(), s.workerCount()));
    }

    /**
     * Reads and writes profile snapshots ({@code <table>.yaml}) in this directory (default {@code salvo.profiles}, else
     * {@code src/test/resources/salvo/profiles}); commit them so runs without database access can draw parameters.
     *
     * @param directory the directory
     * @return a new builder
     */
    public SqlProtocolBuilder profiles(java.nio.file.Path directory) {
        return withParameters(
                s -> new ParameterSettings(directory, s.refreshProfiles(), s.seed(), s.workerIndex(), s.workerCount()));
    }

    /**
     * Profiles the tables again at the start of the run even when snapshots exist (also {@code -Dsalvo.refreshProfiles}).
     *
     * @return a new builder
     */
    public SqlProtocolBuilder refreshProfiles() {
        return withParameters(
                s -> new ParameterSettings(s.profilesDirectory(), true, s.seed(), s.workerIndex(), s.workerCount()));
    }

    /**
     * Makes this load generator worker {@code index} of {@code count}: pools are split without overlap (default
     * {@code salvo.workerIndex} / {@code salvo.workerCount}, else 0 of 1).
     *
     * @param index from 0
     * @param count at least 1
     * @return a new builder
     */
    public SqlProtocolBuilder worker(int index, int count) {
        return withParameters(
                s -> new ParameterSettings(s.profilesDirectory(), s.refreshProfiles(), s.seed(), index, count));
    }

    private SqlProtocolBuilder withParameters(java.util.function.UnaryOperator<ParameterSettings> change) {
        return change(p -> p.withParameters(change.apply(p.parameters())));
    }

    /**
     * Makes this run a find-max search (see {@link SqlDsl#findMax()}): Salvo judges every step and stops the load when
     * a stop condition holds. Pair it with {@code injectClosed(search.injection())} and {@code maxDuration(search.maxDuration())}.
     *
     * @param search the search
     * @return a new builder
     */
    public SqlProtocolBuilder findMax(FindMaxBuilder search) {
        Nulls.check("database", "findMax", "search", search);
        return change(p -> p.withFindMax(search.toFindMax()));
    }

    /**
     * Stops logging each request to Gatling's StatsEngine: Gatling's own report, console and assertions then show no SQL
     * requests, while Salvo's results, report and SLOs stay complete (every request is still measured). Gatling's
     * per-request statistics cost about 20 µs of CPU per request; use this for maximum-throughput runs on a small load
     * generator.
     *
     * @return a new builder
     */
    public SqlProtocolBuilder noGatlingRequestStats() {
        return change(p -> p.withGatlingRequestStats(false));
    }

    /**
     * For internal use only.
     *
     * @return the Gatling protocol
     */
    @Override
    public SqlProtocol protocol() {
        return protocol;
    }

    /**
     * Sets how long no connection may be made before Salvo names an outage: one line at the time ({@code [salvo]
     * database unreachable since ...}), one when the database is back, the interval in results.json and on the report's
     * timelines, with the requests that failed during it (docs/reliability.md).
     *
     * @param threshold at least 100 ms; default 2 s
     * @return a new builder
     */
    public SqlProtocolBuilder unreachableAfter(Duration threshold) {
        return change(p -> p.withFaults(new dev.salvo.runtime.FaultSettings(
                threshold, p.faults().failFast(), p.faults().drainTimeout())));
    }

    /**
     * During a named outage, makes requests fail at once (SQLSTATE 08001) instead of each waiting up to the connection
     * timeout. Off by default: with it on, the requests of an outage are counted as fast failures, so the latency
     * percentiles no longer show the wait a real client would have seen (docs/reliability.md).
     *
     * @param on true to fail fast
     * @return a new builder
     */
    public SqlProtocolBuilder failFastWhenUnreachable(boolean on) {
        return change(p -> p.withFaults(new dev.salvo.runtime.FaultSettings(
                p.faults().unreachableAfter(), on, p.faults().drainTimeout())));
    }

    /**
     * Sets how long in-flight requests may finish once the load stops; statements still running then are cancelled on
     * the server ({@code Statement.cancel}), counted, and the run ends within a few seconds more.
     *
     * @param timeout at least 100 ms; default 30 s
     * @return a new builder
     */
    public SqlProtocolBuilder drainTimeout(Duration timeout) {
        return change(p -> p.withFaults(new dev.salvo.runtime.FaultSettings(
                p.faults().unreachableAfter(), p.faults().failFast(), timeout)));
    }
}
