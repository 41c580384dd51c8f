package dev.salvo.dsl;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;

/**
 * Salvo's DSL entry point. Use it next to Gatling's:
 *
 * <pre>{@code
 * import static io.gatling.javaapi.core.CoreDsl.*;
 * import static dev.salvo.dsl.SqlDsl.*;
 *
 * SqlProtocolBuilder db = database().poolSize(8);
 * SqlRequestBuilder byId = sql("order by id")
 *     .query("SELECT * FROM orders WHERE order_id = :id")
 *     .param("id", randomLong(1, 200_000));
 * }</pre>
 *
 * <p>Every builder is immutable: each method returns a new instance and leaves the original unmodified.
 */
public final class SqlDsl {
    private SqlDsl() {}

    /**
     * The database protocol, configured from system properties and environment ({@code salvo.url} / {@code SALVO_URL},
     * {@code salvo.user} / {@code SALVO_USER}, {@code salvo.password} / {@code SALVO_PASSWORD}); with no URL, Salvo starts
     * an embedded PostgreSQL with the demo schema.
     *
     * @return a protocol builder to pass to {@code setUp(...).protocols(...)}
     */
    public static SqlProtocolBuilder database() {
        return SqlProtocolBuilder.fromEnvironment();
    }

    /**
     * Starts a SQL request; give it its SQL next with {@link SqlRequestBuilder.Named#query(String)}.
     *
     * @param requestName the name shown in Gatling's and Salvo's reports, non-blank
     * @return the next step
     */
    public static SqlRequestBuilder.Named sql(String requestName) {
        Nulls.name(requestName);
        return new SqlRequestBuilder.Named(requestName, QueryKind.GENERIC);
    }

    /**
     * Starts a request of the given kind; give it its SQL ({@code .query(...)}) or its table ({@code .table(...)}).
     *
     * @param kind the query kind
     * @param requestName the name shown in reports
     * @return the next step
     */
    public static SqlRequestBuilder.Named request(QueryKind kind, String requestName) {
        Nulls.name(requestName);
        if (kind == null) {
            throw new SalvoException("request '" + requestName + "': kind must be set, but was null");
        }
        return new SqlRequestBuilder.Named(requestName, kind);
    }

    /**
     * @param requestName the name shown in reports
     * @return a POINT_LOOKUP request step (default SQL: {@code SELECT cols FROM table WHERE key = :key})
     */
    public static SqlRequestBuilder.Named pointLookup(String requestName) {
        return request(QueryKind.POINT_LOOKUP, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return a RANGE_SCAN request step (default SQL: {@code ... WHERE range >= :from AND range < :to})
     */
    public static SqlRequestBuilder.Named rangeScan(String requestName) {
        return request(QueryKind.RANGE_SCAN, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return an INSERT request step (default SQL: {@code INSERT INTO table (cols) VALUES (:col, ...)})
     */
    public static SqlRequestBuilder.Named insert(String requestName) {
        return request(QueryKind.INSERT, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return an UPDATE request step (default SQL: {@code UPDATE table SET col = :col WHERE key = :key})
     */
    public static SqlRequestBuilder.Named update(String requestName) {
        return request(QueryKind.UPDATE, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return an AGGREGATION request step (default SQL: GROUP BY with count, sum and avg)
     */
    public static SqlRequestBuilder.Named aggregation(String requestName) {
        return request(QueryKind.AGGREGATION, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return a WINDOWED request step (default SQL: running sum and rank over partitions)
     */
    public static SqlRequestBuilder.Named windowed(String requestName) {
        return request(QueryKind.WINDOWED, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return an ANALYTICAL_JOIN request step (default SQL: join, then group by a column of the joined table)
     */
    public static SqlRequestBuilder.Named analyticalJoin(String requestName) {
        return request(QueryKind.ANALYTICAL_JOIN, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return a WIDE_SCAN request step (default SQL: {@code SELECT * FROM table}, optionally over a range)
     */
    public static SqlRequestBuilder.Named wideScan(String requestName) {
        return request(QueryKind.WIDE_SCAN, requestName);
    }

    /**
     * @param requestName the name shown in reports
     * @return an APPROX_DISTINCT request step (default SQL: the dialect's approximate distinct count)
     */
    public static SqlRequestBuilder.Named approxDistinct(String requestName) {
        return request(QueryKind.APPROX_DISTINCT, requestName);
    }

    /**
     * Parses a kind written as a string (case-insensitive, {@code -} or {@code _}), e.g. from a config file.
     *
     * @param name e.g. {@code point_lookup}
     * @return the kind
     */
    public static QueryKind queryKind(String name) {
        String normalized = name == null
                ? ""
                : name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (QueryKind k : QueryKind.values()) {
            if (k.name().equals(normalized)) {
                return k;
            }
        }
        throw new SalvoException("query kind: must be one of " + java.util.Arrays.toString(QueryKind.values())
                + ", but was '" + name + "'");
    }

    /**
     * A parameter drawn uniformly between the profiled min and max of a numeric or date column.
     *
     * @param parameter the parameter name in the SQL
     * @param column the column ({@code table.column} for written SQL)
     * @return the spec, for {@code .params(...)}
     */
    public static ParameterSpec randomInRange(String parameter, String column) {
        Nulls.check("randomInRange", "randomInRange", "column", column);
        return ParameterSpec.randomInRange(parameter, column);
    }

    /**
     * A parameter drawn uniformly from the profiled sample of a column's values.
     *
     * @param parameter the parameter name in the SQL
     * @param column the column
     * @return the spec
     */
    public static ParameterSpec sampleFromTable(String parameter, String column) {
        Nulls.check("sampleFromTable", "sampleFromTable", "column", column);
        return ParameterSpec.sampleFromTable(parameter, column);
    }

    /**
     * A parameter that follows the real frequencies of a column's most common values (O(1) per draw).
     *
     * @param parameter the parameter name in the SQL
     * @param column the column
     * @return the spec
     */
    public static ParameterSpec weightedSample(String parameter, String column) {
        Nulls.check("weightedSample", "weightedSample", "column", column);
        return ParameterSpec.weightedSample(parameter, column);
    }

    /**
     * A parameter offset from another one (days for dates), e.g. the end of a range from its start.
     *
     * @param parameter the parameter name in the SQL
     * @param base the parameter it depends on
     * @param offsets the possible offsets, one drawn per request
     * @return the spec
     */
    public static ParameterSpec offsetFromPrevious(String parameter, String base, Number... offsets) {
        Nulls.check("offsetFromPrevious", "offsetFromPrevious", "base", base);
        Nulls.checkAll("offsetFromPrevious", "offsetFromPrevious", "offsets", offsets);
        return ParameterSpec.offsetFromPrevious(parameter, base, offsets);
    }

    /**
     * A list of k distinct values of a column for {@code IN (:name)}, k uniform in [min, max].
     *
     * @param parameter the parameter name in the SQL
     * @param column the column
     * @param min smallest list size
     * @param max largest list size
     * @return the spec
     */
    public static ParameterSpec sampleList(String parameter, String column, int min, int max) {
        Nulls.check("sampleList", "sampleList", "column", column);
        return ParameterSpec.sampleList(parameter, column, min, max);
    }

    /**
     * A parameter drawn from explicit values.
     *
     * @param parameter the parameter name in the SQL
     * @param values the values
     * @return the spec
     */
    public static ParameterSpec choice(String parameter, java.util.List<?> values) {
        Nulls.check("choice", "choice", "values", values);
        return ParameterSpec.choice(parameter, values);
    }

    /**
     * A number drawn uniformly in [min, max] (whole numbers when both bounds are).
     *
     * @param parameter the parameter name in the SQL
     * @param min smallest value
     * @param max largest value
     * @return the spec
     */
    public static ParameterSpec randomNumeric(String parameter, Number min, Number max) {
        Nulls.check("randomNumeric", "randomNumeric", "min", min);
        Nulls.check("randomNumeric", "randomNumeric", "max", max);
        return ParameterSpec.randomNumeric(parameter, min, max);
    }

    /**
     * Unique values after the column's profiled max (new keys for INSERT).
     *
     * @param parameter the parameter name in the SQL
     * @param column the key column
     * @return the spec
     */
    public static ParameterSpec sequence(String parameter, String column) {
        Nulls.check("sequence", "sequence", "column", column);
        return ParameterSpec.sequence(parameter, column);
    }

    /**
     * Starts a find-max search (step load until the database stops keeping up); see {@link FindMaxBuilder}.
     *
     * @return a builder with defaults: 1 user, +1 per 10 s step, up to 16; stop at 1% errors, p95 x2, or less than 5% more
     *     throughput
     */
    public static FindMaxBuilder findMax() {
        return FindMaxBuilder.defaults();
    }

    /**
     * Starts a transaction: statements run in order on one connection, committed together, timed as one request.
     *
     * @param requestName the name shown in reports
     * @return a builder; add statements with {@code .statements(...)}
     */
    public static TransactionBuilder transaction(String requestName) {
        Nulls.check("transaction", "transaction", "requestName", requestName);
        return new TransactionBuilder(requestName, QueryKind.GENERIC, java.util.List.of());
    }

    /**
     * A tight closed loop: each visit runs the request back to back on one Salvo thread and one pooled connection for the
     * duration, and returns to Gatling once, at the end. Every request is still measured (µs histograms, SLOs, warmup) and
     * reported to Gatling; a request's intended start is the previous one's end. This is the fastest way to hold a fixed
     * concurrency: no thread hop per request. Use it with a closed model, e.g.
     * {@code scenario("c").exec(tightLoop(Duration.ofSeconds(30), lookup)).injectClosed(constantConcurrentUsers(8)...)}.
     *
     * @param duration how long each visit loops, positive
     * @param request a single-statement request
     * @return the action
     */
    public static io.gatling.javaapi.core.ActionBuilder tightLoop(
            java.time.Duration duration, SqlRequestBuilder request) {
        Nulls.check("tightLoop", "tightLoop", "request", request);
        dev.salvo.runtime.SqlActionBuilder action = request.toAction().withLoop(duration);
        return () -> action;
    }

    /**
     * A tight closed loop of a transaction: each visit runs it back to back on one Salvo thread and one pooled connection
     * for the duration (see {@link #tightLoop(java.time.Duration, SqlRequestBuilder)}); its shared parameters are drawn
     * anew for each execution.
     *
     * @param duration how long each visit loops, positive
     * @param transaction the transaction
     * @return the action
     */
    public static io.gatling.javaapi.core.ActionBuilder tightLoop(
            java.time.Duration duration, TransactionBuilder transaction) {
        Nulls.check("tightLoop", "tightLoop", "transaction", transaction);
        dev.salvo.runtime.SqlActionBuilder action = transaction.toAction().withLoop(duration);
        return () -> action;
    }

    /**
     * A paced loop, pgbench {@code -R}'s design: the visits share one schedule of arrivals at {@code perSecond} for the
     * duration (a Poisson process drawn from the run's seed, as {@code pgbench -R} draws its own); each visit takes the
     * next arrival, waits until it is due, runs the request on its own Salvo thread and pooled connection and times it
     * from the due time, then takes the next, until the schedule ends; it returns to Gatling once, at the end. A request
     * that could not start on time (every connection busy, the load generator stalled) carries its lateness in its
     * response time and schedule lag. The number of visits is the concurrency, as pgbench's {@code -c}; no Gatling user
     * is created per arrival, which at low rates costs more client CPU than the query. Use it with as many users as
     * connections, started at once, e.g.
     * {@code scenario("r").exec(pacedLoop(Duration.ofSeconds(60), 500, lookup)).injectOpen(atOnceUsers(8))}. Each place
     * the returned action is used (each scenario or exec site) runs its own schedule at {@code perSecond}: the same
     * paced loop in two scenarios sends twice the rate, on two independent schedules.
     *
     * @param duration how long the schedule runs, from the first visit, positive
     * @param perSecond arrivals per second, all visits (and workers) together, above 0 and at most 1,000,000
     * @param request a single-statement request
     * @return the action
     */
    public static io.gatling.javaapi.core.ActionBuilder pacedLoop(
            java.time.Duration duration, double perSecond, SqlRequestBuilder request) {
        Nulls.check("pacedLoop", "pacedLoop", "request", request);
        dev.salvo.runtime.SqlActionBuilder action = request.toAction().withPacedLoop(duration, perSecond);
        return () -> action;
    }

    /**
     * A paced loop of a transaction (see {@link #pacedLoop(java.time.Duration, double, SqlRequestBuilder)}); its shared
     * parameters are drawn anew for each execution.
     *
     * @param duration how long the schedule runs, from the first visit, positive
     * @param perSecond arrivals per second, all visits (and workers) together, above 0 and at most 1,000,000
     * @param transaction the transaction
     * @return the action
     */
    public static io.gatling.javaapi.core.ActionBuilder pacedLoop(
            java.time.Duration duration, double perSecond, TransactionBuilder transaction) {
        Nulls.check("pacedLoop", "pacedLoop", "transaction", transaction);
        dev.salvo.runtime.SqlActionBuilder action = transaction.toAction().withPacedLoop(duration, perSecond);
        return () -> action;
    }

    /**
     * A parameter taken from a pool of values (e.g. keys read before the run); register the pool on the request or
     * transaction with {@code .pools(pool)}. Workers share a pool without overlap.
     *
     * @param parameter the parameter name in the SQL
     * @param pool the pool's name
     * @param ordering {@code RANDOM}, {@code SHUFFLE}, {@code CIRCULAR} or {@code QUEUE}
     * @return the spec
     */
    public static ParameterSpec sampleFromPool(String parameter, String pool, dev.salvo.feeders.PoolOrdering ordering) {
        Nulls.check("sampleFromPool", "sampleFromPool", "pool", pool);
        Nulls.check("sampleFromPool", "sampleFromPool", "ordering", ordering);
        return ParameterSpec.sampleFromPool(parameter, pool, ordering);
    }

    /**
     * Starts a weighted mix of requests: each visit runs one of them.
     *
     * @param mixName the name used in error messages
     * @return a builder; add requests with {@code .add(weight, request)}
     */
    public static MixBuilder mix(String mixName) {
        Nulls.check("mix", "mix", "mixName", mixName);
        return new MixBuilder(mixName, java.util.List.of(), java.util.List.of(), false, false);
    }

    /**
     * Uniform integers in a closed range, drawn anew for every request from the run's seeded, sharded stream
     * ({@code salvo.seed}: the same seed draws the same values).
     *
     * @param min smallest value (inclusive)
     * @param max largest value (inclusive)
     * @return a value source for {@link SqlRequestBuilder#param(String, Object)}
     */
    public static dev.salvo.feeders.ParameterStrategy<Long> randomLong(long min, long max) {
        return dev.salvo.feeders.Strategies.randomLong(min, max);
    }

    /**
     * Uniform dates in a closed range, drawn anew for every request from the run's seeded, sharded stream.
     *
     * @param min first date (inclusive)
     * @param max last date (inclusive)
     * @return a value source for {@link SqlRequestBuilder#param(String, Object)}
     */
    public static dev.salvo.feeders.ParameterStrategy<java.time.LocalDate> randomDate(
            java.time.LocalDate min, java.time.LocalDate max) {
        return dev.salvo.feeders.Strategies.randomDate(min, max);
    }
}
