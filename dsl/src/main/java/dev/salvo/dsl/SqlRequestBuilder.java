package dev.salvo.dsl;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Pool;
import dev.salvo.runtime.Slo;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.TableShape;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A SQL request: a Gatling action that runs its SQL with bound parameters. Its SQL is written out
 * ({@link Named#query(String)}) or generated for the run's dialect from a table ({@link Named#table(String)} plus
 * {@link #key}, {@link #columns}, {@link #range}, {@link #groupBy}, {@link #measure}, {@link #join}). Every
 * {@code :name} in the SQL must be bound with {@code param}. Immutable, so all methods return a new occurrence and
 * leave the original unmodified.
 */
public final class SqlRequestBuilder implements ActionBuilder {
    private final String name;
    private final QueryKind kind;
    private final String sql;
    private final TableShape shape;
    private final Map<String, Function<Session, ?>> params;
    private final Slo slo;
    private final List<ParameterSpec> specs;
    private final Map<String, ParameterStrategy<?>> strategies;
    private final List<Pool> pools;

    private SqlRequestBuilder(
            String name,
            QueryKind kind,
            String sql,
            TableShape shape,
            Map<String, Function<Session, ?>> params,
            Slo slo) {
        this(name, kind, sql, shape, params, slo, List.of(), Map.of(), List.of());
    }

    private SqlRequestBuilder(
            String name,
            QueryKind kind,
            String sql,
            TableShape shape,
            Map<String, Function<Session, ?>> params,
            Slo slo,
            List<ParameterSpec> specs,
            Map<String, ParameterStrategy<?>> strategies,
            List<Pool> pools) {
        this.strategies = strategies;
        this.pools = pools;
        this.specs = specs;
        this.name = name;
        this.kind = kind;
        this.sql = sql;
        this.shape = shape;
        this.params = params;
        this.slo = slo;
    }

    /** The first step of a request: it has a name and a kind, and needs its SQL or its table. */
    public static final class Named {
        private final String name;
        private final QueryKind kind;

        Named(String name, QueryKind kind) {
            this.name = name;
            this.kind = kind;
        }

        /**
         * Sets the SQL, with {@code :name} parameters to bind with {@code param}.
         *
         * @param sql the statement
         * @return the request
         */
        public SqlRequestBuilder query(String sql) {
            Nulls.check("request '" + name + "'", "query", "sql", sql);
            return new SqlRequestBuilder(name, kind, sql, null, Map.of(), null);
        }

        /**
         * Generates the kind's default SQL for the run's dialect from this table (see {@code docs/dsl.md} for each kind's
         * template and parameters: {@code :key}, {@code :from}/{@code :to}, or the written columns).
         *
         * @param table the table's catalog name; it is quoted by the dialect
         * @return the request
         */
        public SqlRequestBuilder table(String table) {
            Nulls.check("request '" + name + "'", "table", "table", table);
            if (kind == QueryKind.GENERIC) {
                throw new SalvoException(
                        "request '" + name + "': a generic query must be given its SQL with .query(...),"
                                + " but .table(\"" + table + "\") was used");
            }
            return new SqlRequestBuilder(name, kind, null, TableShape.of(table), Map.of(), null);
        }
    }

    private SqlRequestBuilder shape(String method, UnaryOperator<TableShape> change) {
        if (shape == null) {
            throw new SalvoException("request '" + name + "': ." + method + "(...) must follow .table(...), but the"
                    + " request has explicit SQL");
        }
        return new SqlRequestBuilder(name, kind, sql, change.apply(shape), params, slo, specs, strategies, pools);
    }

    /**
     * @param column the key column, compared with {@code :key} (POINT_LOOKUP, UPDATE, WINDOWED)
     * @return a new builder
     */
    public SqlRequestBuilder key(String column) {
        return shape("key", s -> s.withKey(column));
    }

    /**
     * @param columns the selected columns (default {@code *}); for INSERT and UPDATE the written ones, each bound by its
     *     own name; for APPROX_DISTINCT the counted one
     * @return a new builder
     */
    public SqlRequestBuilder columns(String... columns) {
        return shape("columns", s -> s.withColumns(List.of(columns)));
    }

    /**
     * @param column a column filtered by {@code >= :from AND < :to} (required for RANGE_SCAN, optional for the analytical
     *     kinds and WIDE_SCAN)
     * @return a new builder
     */
    public SqlRequestBuilder range(String column) {
        return shape("range", s -> s.withRange(column));
    }

    /**
     * @param column the grouping (AGGREGATION, ANALYTICAL_JOIN: of the joined table) or partitioning (WINDOWED) column
     * @return a new builder
     */
    public SqlRequestBuilder groupBy(String column) {
        return shape("groupBy", s -> s.withGroup(column));
    }

    /**
     * @param column the numeric column summed (AGGREGATION, WINDOWED, ANALYTICAL_JOIN)
     * @return a new builder
     */
    public SqlRequestBuilder measure(String column) {
        return shape("measure", s -> s.withMeasure(column));
    }

    /**
     * @param table the joined table (ANALYTICAL_JOIN)
     * @param key the column both tables share
     * @return a new builder
     */
    public SqlRequestBuilder join(String table, String key) {
        return shape("join", s -> s.withJoin(table, key));
    }

    /**
     * Binds a parameter to a value: a {@link ParameterStrategy} (such as {@code randomLong(1, 100)}) is drawn anew for
     * each request from the run's seeded, sharded stream (the same seed, {@code salvo.seed}, draws the same values); a {@code Collection} or array expands {@code IN (:name)} to one placeholder per element; anything else
     * is bound as it is.
     *
     * @param parameter the parameter name as written in the SQL after the colon
     * @param value a constant (null binds SQL NULL) or a strategy
     * @return a new builder
     */
    public SqlRequestBuilder param(String parameter, Object value) {
        Nulls.check(where(), "param", "parameter", parameter);
        if (value instanceof ParameterStrategy<?> strategy) {
            checkUnbound(parameter);
            Map<String, ParameterStrategy<?>> copy = new LinkedHashMap<>(strategies);
            copy.put(parameter, strategy);
            return new SqlRequestBuilder(name, kind, sql, shape, params, slo, specs, copy, pools);
        }
        return bind(parameter, new SqlRequest.Constant(value));
    }

    /**
     * Registers pools for this request's {@code sampleFromPool} parameters.
     *
     * @param pools the pools, each named as its {@code sampleFromPool} spec names it
     * @return a new builder
     */
    public SqlRequestBuilder pools(Pool... pools) {
        Nulls.checkAll(where(), "pools", "pools", pools);
        List<Pool> all = new java.util.ArrayList<>(this.pools);
        all.addAll(List.of(pools));
        return new SqlRequestBuilder(name, kind, sql, shape, params, slo, specs, strategies, List.copyOf(all));
    }

    private String where() {
        return "request '" + name + "'";
    }

    private void checkUnbound(String parameter) {
        if (params.containsKey(parameter) || strategies.containsKey(parameter)) {
            throw new SalvoException(
                    "request '" + name + "': parameter '" + parameter + "' must be bound once, but is bound twice");
        }
    }

    /**
     * Draws parameters from column profiles of the real tables, all of them together once per request, in dependency
     * order (e.g. {@code randomInRange("from", "order_date")} then {@code offsetFromPrevious("to", "from", 7)}). Columns
     * are those of the request's table, or {@code table.column}. Without any {@code param} or {@code params}, a request
     * built with {@code .table(...)} draws its kind's implicit parameters (see docs/parameters.md).
     *
     * @param specs the parameter specs, from {@code SqlDsl} ({@code randomInRange}, {@code weightedSample}, ...)
     * @return a new builder
     */
    public SqlRequestBuilder params(ParameterSpec... specs) {
        Nulls.checkAll(where(), "params", "specs", specs);
        List<ParameterSpec> all = new java.util.ArrayList<>(this.specs);
        all.addAll(List.of(specs));
        return new SqlRequestBuilder(name, kind, sql, shape, params, slo, List.copyOf(all), strategies, pools);
    }

    /**
     * Binds a parameter to a function of the virtual user's session, e.g. {@code s -> s.getLong("customerId")}.
     *
     * @param parameter the parameter name as written in the SQL after the colon
     * @param value evaluated for each request on Gatling's thread
     * @return a new builder
     */
    public SqlRequestBuilder param(String parameter, Function<Session, ?> value) {
        Nulls.check(where(), "param", "value", value);
        return bind(parameter, value);
    }

    /**
     * Binds a parameter to a Gatling session attribute (set by a feeder or an earlier action).
     *
     * @param parameter the parameter name as written in the SQL after the colon
     * @param attribute the session attribute's name
     * @return a new builder
     */
    public SqlRequestBuilder paramFromSession(String parameter, String attribute) {
        Nulls.check(where(), "paramFromSession", "attribute", attribute);
        return bind(parameter, session -> {
            if (!session.contains(attribute)) {
                throw new IllegalStateException("session attribute '" + attribute + "' must be set for parameter '"
                        + parameter + "', but is missing");
            }
            return session.get(attribute);
        });
    }

    private SqlRequestBuilder bind(String parameter, Function<Session, ?> value) {
        Nulls.check(where(), "param", "parameter", parameter);
        checkUnbound(parameter);
        Map<String, Function<Session, ?>> copy = new LinkedHashMap<>(params);
        copy.put(parameter, value);
        return new SqlRequestBuilder(name, kind, sql, shape, copy, slo, specs, strategies, pools);
    }

    /**
     * Sets this request's response-time SLO (the kind's default otherwise, e.g. POINT_LOOKUP p95 100 ms / p99 200 ms),
     * checked on Salvo's µs histograms at the end of the run; a breach fails the run like a failed Gatling assertion.
     *
     * @param p95 bound of the 95th percentile
     * @param p99 bound of the 99th percentile, at least {@code p95}
     * @return a new builder
     */
    public SqlRequestBuilder slo(Duration p95, Duration p99) {
        Nulls.check(where(), "slo", "p95", p95);
        Nulls.check(where(), "slo", "p99", p99);
        Slo current = currentSlo();
        return withSlo(() -> new Slo(p95, p99, current.maxErrorRate()));
    }

    /**
     * Sets this request's response-time SLO in milliseconds (see {@link #slo(Duration, Duration)}).
     *
     * @param p95Millis bound of the 95th percentile
     * @param p99Millis bound of the 99th percentile
     * @return a new builder
     */
    public SqlRequestBuilder slo(long p95Millis, long p99Millis) {
        return slo(Duration.ofMillis(p95Millis), Duration.ofMillis(p99Millis));
    }

    /**
     * Sets the largest fraction of failed requests this request's SLO allows (default 0.01).
     *
     * @param rate between 0 and 1
     * @return a new builder
     */
    public SqlRequestBuilder maxErrorRate(double rate) {
        Slo current = currentSlo();
        return withSlo(() -> new Slo(current.p95(), current.p99(), rate));
    }

    /**
     * Removes this request's SLO: nothing about it can fail the run.
     *
     * @return a new builder
     */
    public SqlRequestBuilder noSlo() {
        return withSlo(Slo::none);
    }

    private Slo currentSlo() {
        return slo != null ? slo : Slo.defaultFor(kind);
    }

    private SqlRequestBuilder withSlo(java.util.function.Supplier<Slo> slo) {
        Slo checked;
        try {
            checked = slo.get();
        } catch (SalvoException e) {
            throw new SalvoException("request '" + name + "': " + e.getMessage(), e); // name the culprit
        }
        return new SqlRequestBuilder(name, kind, sql, shape, params, checked, specs, strategies, pools);
    }

    /** @return the request's name */
    String name() {
        return name;
    }

    /** @return the runtime request; checks that parameters and SQL agree */
    SqlRequest toRequest() {
        return toRequest(java.util.Set.of());
    }

    /**
     * @param shared the parameters its transaction binds for all of its statements
     * @return the runtime request; checks that parameters and SQL agree
     */
    SqlRequest toRequest(java.util.Set<String> shared) {
        return SqlRequest.of(name, kind, sql, shape, params, strategies, specs, pools, shared);
    }

    /**
     * For internal use only.
     *
     * @return the Gatling (Scala) action builder
     */
    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return toAction();
    }

    /** @return the runtime action builder with this request's SLO */
    SqlActionBuilder toAction() {
        SqlActionBuilder action = SqlActionBuilder.single(toRequest());
        return slo == null ? action : action.withSlo(slo);
    }
}
