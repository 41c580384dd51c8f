package dev.salvo.runtime;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Pool;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.NamedSql;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SqlTemplates;
import dev.salvo.sql.TableShape;
import io.gatling.javaapi.core.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One SQL statement of a request: its name, kind, SQL with {@code :name} parameters (written out, or generated per
 * dialect from a {@link TableShape}), and how each parameter gets its value. Immutable; the DSL builds it. For internal
 * use: users write {@code SqlDsl}.
 */
public final class SqlRequest {
    private final String name;
    private final QueryKind kind;
    private final String sqlText;
    private final TableShape shape;
    private final Map<String, Function<Session, ?>> parameters;
    private final List<ParameterSpec> specs;
    private final Map<String, ParameterStrategy<?>> strategies;
    private final List<Pool> pools;
    private final Set<String> shared;

    private SqlRequest(
            String name,
            QueryKind kind,
            String sqlText,
            TableShape shape,
            Map<String, Function<Session, ?>> parameters,
            List<ParameterSpec> specs) {
        this(name, kind, sqlText, shape, parameters, Map.of(), specs, List.of(), Set.of());
    }

    private SqlRequest(
            String name,
            QueryKind kind,
            String sqlText,
            TableShape shape,
            Map<String, Function<Session, ?>> parameters,
            Map<String, ParameterStrategy<?>> strategies,
            List<ParameterSpec> specs,
            List<Pool> pools,
            Set<String> shared) {
        this.name = name;
        this.kind = kind;
        this.sqlText = sqlText;
        this.shape = shape;
        this.parameters = parameters;
        this.strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        this.specs = List.copyOf(specs);
        this.pools = List.copyOf(pools);
        this.shared = Set.copyOf(shared);
    }

    /**
     * The general form: explicit SQL or a table shape, and every way a parameter gets its value.
     *
     * @param name the request name shown in reports, non-blank
     * @param kind the query kind
     * @param sql the SQL with {@code :name} parameters, or null when {@code shape} generates it
     * @param shape the table shape, or null when {@code sql} is given
     * @param parameters binders evaluated per request (constants, session functions)
     * @param strategies strategies drawn per request from the run's seeded, sharded stream ({@code randomLong}, ...)
     * @param specs profile-backed specs, drawn together per request
     * @param pools the pools {@code sample_from_pool} specs name
     * @param shared parameters the enclosing transaction binds once for all of its statements
     * @return the request
     * @throws SalvoException naming the request and the parameter when they do not match
     */
    public static SqlRequest of(
            String name,
            QueryKind kind,
            String sql,
            TableShape shape,
            Map<String, Function<Session, ?>> parameters,
            Map<String, ParameterStrategy<?>> strategies,
            List<ParameterSpec> specs,
            List<Pool> pools,
            Set<String> shared) {
        return checked(new SqlRequest(
                name,
                kind,
                sql,
                shape,
                Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
                strategies,
                specs,
                pools,
                shared));
    }

    /**
     * @param shared the parameters the enclosing transaction binds for all of its statements
     * @return a copy that takes those parameters from its transaction (checked again)
     */
    public SqlRequest sharing(Set<String> shared) {
        return checked(new SqlRequest(name, kind, sqlText, shape, parameters, strategies, specs, pools, shared));
    }

    /**
     * A request with explicit SQL; checks that every parameter used in the SQL is bound and every bound one is used.
     *
     * @param name the request name shown in reports, non-blank
     * @param kind the query kind
     * @param sql the SQL with {@code :name} parameters
     * @param parameters the binder of each parameter name
     * @return the request
     * @throws SalvoException naming the request and the parameter when they do not match
     */
    public static SqlRequest of(String name, QueryKind kind, String sql, Map<String, Function<Session, ?>> parameters) {
        return of(name, kind, sql, parameters, List.of());
    }

    /**
     * A request with explicit SQL whose parameters come from bound values and from profile-backed specs (columns written
     * {@code table.column}).
     *
     * @param name the request name
     * @param kind the query kind
     * @param sql the SQL with {@code :name} parameters
     * @param parameters the binder of each directly bound parameter
     * @param specs the specs of the other parameters, drawn together per request
     * @return the request
     */
    public static SqlRequest of(
            String name,
            QueryKind kind,
            String sql,
            Map<String, Function<Session, ?>> parameters,
            List<ParameterSpec> specs) {
        return checked(new SqlRequest(
                name, kind, sql, null, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), specs));
    }

    /**
     * A request whose SQL is the kind's default for the table shape, generated for the run's dialect.
     *
     * @param name the request name
     * @param kind the query kind (not GENERIC)
     * @param shape the table and columns
     * @param parameters the binder of each parameter name ({@code key}, {@code from}, {@code to}, column names)
     * @return the request
     * @throws SalvoException naming the request when the shape lacks what the kind needs or parameters do not match
     */
    public static SqlRequest of(
            String name, QueryKind kind, TableShape shape, Map<String, Function<Session, ?>> parameters) {
        return of(name, kind, shape, parameters, List.of());
    }

    /**
     * A request whose SQL is the kind's default for the table shape; parameters come from bound values and specs. With
     * neither, the kind's implicit specs are drawn from the table's profile (e.g. POINT_LOOKUP samples the key column).
     *
     * @param name the request name
     * @param kind the query kind (not GENERIC)
     * @param shape the table and columns
     * @param parameters the binder of each directly bound parameter
     * @param specs the specs of the other parameters, columns of the shape's table unless written {@code table.column}
     * @return the request
     */
    public static SqlRequest of(
            String name,
            QueryKind kind,
            TableShape shape,
            Map<String, Function<Session, ?>> parameters,
            List<ParameterSpec> specs) {
        return checked(new SqlRequest(
                name, kind, null, shape, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), specs));
    }

    private static SqlRequest checked(SqlRequest r) {
        if (r.name == null || r.name.isBlank()) {
            throw new SalvoException(
                    "request name: must be non-blank, but was " + (r.name == null ? "null" : "'" + r.name + "'"));
        }
        if (r.kind == null) {
            throw new SalvoException("request '" + r.name + "': kind must be set, but was null");
        }
        // parameter names do not depend on the dialect: check them against the PostgreSQL rendering
        NamedSql parsed = r.sql(new PostgresDialect());
        Set<String> bound = new TreeSet<>(r.parameters.keySet());
        List<String> others = new java.util.ArrayList<>(r.strategies.keySet());
        r.specs.forEach(spec -> others.add(spec.name()));
        for (String other : others) {
            if (!bound.add(other)) {
                throw new SalvoException(
                        "request '" + r.name + "': parameter '" + other + "' must be bound once, but is bound twice");
            }
        }
        for (String name : r.shared) {
            if (bound.contains(name) && parsed.parameterNames().contains(name)) {
                throw new SalvoException("request '" + r.name + "': parameter '" + name
                        + "' must be bound once, but is bound" + " by the statement and by its transaction");
            }
        }
        if (r.implicitParameters()) {
            return r;
        }
        Set<String> referenced = new TreeSet<>();
        r.specs.stream()
                .map(ParameterSpec::dependsOn)
                .filter(java.util.Objects::nonNull)
                .forEach(referenced::add);
        Set<String> unbound = new TreeSet<>(parsed.parameterNames());
        unbound.removeAll(bound);
        unbound.removeAll(r.shared);
        if (!unbound.isEmpty()) {
            throw new SalvoException("request '" + r.name + "': every parameter in the SQL must be bound, but "
                    + unbound + " is not; bind it with .param(\""
                    + unbound.iterator().next() + "\", ...)");
        }
        Set<String> unused = new TreeSet<>(bound);
        unused.removeAll(parsed.parameterNames());
        unused.removeAll(referenced); // a spec may exist only as the base of another (offset_from_previous)
        if (!unused.isEmpty()) {
            throw new SalvoException("request '" + r.name
                    + "': every bound parameter must appear in the SQL as :name, but " + unused + " does not");
        }
        return r;
    }

    /**
     * @param dialect the run's dialect
     * @return the parsed SQL for that dialect
     * @throws SalvoException naming the request when the SQL cannot be parsed or generated
     */
    public NamedSql sql(Dialect dialect) {
        try {
            return NamedSql.parse(sqlText != null ? sqlText : SqlTemplates.render(kind, shape, dialect));
        } catch (SalvoException e) {
            throw new SalvoException("request '" + name + "': " + e.getMessage(), e);
        }
    }

    /** @return the request name */
    public String name() {
        return name;
    }

    /** @return the query kind */
    public QueryKind kind() {
        return kind;
    }

    /** @return the profile-backed parameter specs */
    public List<ParameterSpec> specs() {
        return specs;
    }

    /** @return the table shape, null when the SQL is written out */
    public TableShape shape() {
        return shape;
    }

    /** @return true when the kind's implicit specs supply every parameter (a table, nothing bound) */
    public boolean implicitParameters() {
        return shape != null && parameters.isEmpty() && specs.isEmpty() && strategies.isEmpty() && shared.isEmpty();
    }

    /** @return the strategies drawn per request from the run's seeded stream, by parameter name */
    public Map<String, ParameterStrategy<?>> strategies() {
        return strategies;
    }

    /** @return the pools that {@code sample_from_pool} specs name */
    public List<Pool> pools() {
        return pools;
    }

    /** @return the parameters taken from the enclosing transaction */
    public Set<String> shared() {
        return shared;
    }

    /** @return the binder of each parameter name */
    public Map<String, Function<Session, ?>> parameters() {
        return parameters;
    }

    /**
     * @param sql this request's SQL, as returned by {@link #sql(Dialect)}
     * @return the binder of each distinct parameter, in order of first use in the SQL
     */
    @SuppressWarnings("unchecked")
    public Function<Session, ?>[] binders(NamedSql sql) {
        List<String> distinct = List.copyOf(sql.parameterNames());
        return distinct.stream().map(parameters::get).toArray(Function[]::new);
    }

    /**
     * A parameter bound to a constant: the value is known before load, so it is checked against the type the database
     * expects for its placeholder.
     *
     * @param value the value
     */
    public record Constant(Object value) implements Function<Session, Object> {
        @Override
        public Object apply(Session session) {
            return value;
        }
    }
}
