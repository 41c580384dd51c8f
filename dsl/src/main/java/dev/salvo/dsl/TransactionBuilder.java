package dev.salvo.dsl;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Pool;
import dev.salvo.runtime.SharedParameters;
import dev.salvo.runtime.Slo;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Statements run in order on one connection and committed together (rolled back when one fails), timed and reported as
 * one request, with each statement's own timing, rows and errors recorded under it. Parameters bound on the transaction
 * ({@link #param(String, Object)}, {@link #params}) are drawn once per execution and shared by every statement that
 * names them (pgbench's {@code \set aid random(...)}). A transaction goes wherever a request goes: a scenario,
 * {@code mix(...).add(...)}, {@code tightLoop(...)}. Immutable, so all methods return a new occurrence and leave the
 * original unmodified.
 */
public final class TransactionBuilder implements ActionBuilder {
    private final String name;
    private final QueryKind kind;
    private final List<SqlRequestBuilder> statements;
    private final Map<String, Function<Session, ?>> params;
    private final Map<String, ParameterStrategy<?>> strategies;
    private final List<ParameterSpec> specs;
    private final List<Pool> pools;
    private final Slo slo;

    TransactionBuilder(String name, QueryKind kind, List<SqlRequestBuilder> statements) {
        this(name, kind, statements, Map.of(), Map.of(), List.of(), List.of(), null);
    }

    private TransactionBuilder(
            String name,
            QueryKind kind,
            List<SqlRequestBuilder> statements,
            Map<String, Function<Session, ?>> params,
            Map<String, ParameterStrategy<?>> strategies,
            List<ParameterSpec> specs,
            List<Pool> pools,
            Slo slo) {
        this.name = name;
        this.kind = kind;
        this.statements = List.copyOf(statements);
        this.params = params;
        this.strategies = strategies;
        this.specs = specs;
        this.pools = pools;
        this.slo = slo;
    }

    private String where() {
        return "transaction '" + name + "'";
    }

    /**
     * @param statements the statements, in order; each is reported under the transaction by its own name
     * @return a new builder
     */
    public TransactionBuilder statements(SqlRequestBuilder... statements) {
        Nulls.checkAll(where(), "statements", "statements", statements);
        return new TransactionBuilder(name, kind, List.of(statements), params, strategies, specs, pools, slo);
    }

    /**
     * @param kind the kind the transaction's statistics are kept under (default GENERIC)
     * @return a new builder
     */
    public TransactionBuilder kind(QueryKind kind) {
        Nulls.check(where(), "kind", "kind", kind);
        return new TransactionBuilder(name, kind, statements, params, strategies, specs, pools, slo);
    }

    /**
     * Binds a parameter for every statement that uses it, drawn once per execution: a strategy such as
     * {@code randomLong(1, 100_000)} from the run's seeded, sharded stream; a constant as it is.
     *
     * @param parameter the parameter name, as the statements write it after the colon
     * @param value a constant (null binds SQL NULL) or a strategy
     * @return a new builder
     */
    public TransactionBuilder param(String parameter, Object value) {
        Nulls.check(where(), "param", "parameter", parameter);
        if (value instanceof ParameterStrategy<?> strategy) {
            Map<String, ParameterStrategy<?>> copy = new LinkedHashMap<>(strategies);
            if (params.containsKey(parameter) || copy.put(parameter, strategy) != null) {
                throw twice(parameter);
            }
            return new TransactionBuilder(name, kind, statements, params, copy, specs, pools, slo);
        }
        return bind(parameter, new SqlRequest.Constant(value));
    }

    /**
     * Binds a parameter for every statement that uses it to a function of the virtual user's session, evaluated once
     * per execution.
     *
     * @param parameter the parameter name
     * @param value evaluated once per execution on Gatling's thread
     * @return a new builder
     */
    public TransactionBuilder param(String parameter, Function<Session, ?> value) {
        Nulls.check(where(), "param", "value", value);
        return bind(parameter, value);
    }

    /**
     * Draws profile-backed parameters once per execution for every statement that uses them (columns written
     * {@code table.column}).
     *
     * @param specs the specs, from {@code SqlDsl} ({@code randomInRange}, {@code sampleFromPool}, ...)
     * @return a new builder
     */
    public TransactionBuilder params(ParameterSpec... specs) {
        Nulls.checkAll(where(), "params", "specs", specs);
        List<ParameterSpec> all = new ArrayList<>(this.specs);
        all.addAll(List.of(specs));
        return new TransactionBuilder(name, kind, statements, params, strategies, List.copyOf(all), pools, slo);
    }

    /**
     * @param pools the pools the transaction's {@code sampleFromPool} parameters name
     * @return a new builder
     */
    public TransactionBuilder pools(Pool... pools) {
        Nulls.checkAll(where(), "pools", "pools", pools);
        List<Pool> all = new ArrayList<>(this.pools);
        all.addAll(List.of(pools));
        return new TransactionBuilder(name, kind, statements, params, strategies, specs, List.copyOf(all), slo);
    }

    private TransactionBuilder bind(String parameter, Function<Session, ?> value) {
        Nulls.check(where(), "param", "parameter", parameter);
        if (params.containsKey(parameter) || strategies.containsKey(parameter)) {
            throw twice(parameter);
        }
        Map<String, Function<Session, ?>> copy = new LinkedHashMap<>(params);
        copy.put(parameter, value);
        return new TransactionBuilder(name, kind, statements, copy, strategies, specs, pools, slo);
    }

    private RuntimeException twice(String parameter) {
        return new SalvoException(where() + ": parameter '" + parameter + "' must be bound once, but is bound twice");
    }

    /**
     * Sets the transaction's response-time SLO (default: its kind's), checked like a request's.
     *
     * @param p95 bound of the 95th percentile
     * @param p99 bound of the 99th percentile, at least {@code p95}
     * @return a new builder
     */
    public TransactionBuilder slo(Duration p95, Duration p99) {
        Nulls.check(where(), "slo", "p95", p95);
        Nulls.check(where(), "slo", "p99", p99);
        Slo current = currentSlo();
        return withSlo(() -> new Slo(p95, p99, current.maxErrorRate()));
    }

    /**
     * @param p95Millis bound of the 95th percentile in ms
     * @param p99Millis bound of the 99th percentile in ms
     * @return a new builder
     */
    public TransactionBuilder slo(long p95Millis, long p99Millis) {
        return slo(Duration.ofMillis(p95Millis), Duration.ofMillis(p99Millis));
    }

    /**
     * @param rate the largest fraction of failed executions the SLO allows (default 0.01), between 0 and 1
     * @return a new builder
     */
    public TransactionBuilder maxErrorRate(double rate) {
        Slo current = currentSlo();
        return withSlo(() -> new Slo(current.p95(), current.p99(), rate));
    }

    /** @return a new builder whose transaction has no SLO: nothing about it can fail the run */
    public TransactionBuilder noSlo() {
        return withSlo(Slo::none);
    }

    private Slo currentSlo() {
        return slo != null ? slo : Slo.defaultFor(kind);
    }

    private TransactionBuilder withSlo(Supplier<Slo> next) {
        Slo checked;
        try {
            checked = next.get();
        } catch (SalvoException e) {
            throw new SalvoException(where() + ": " + e.getMessage(), e);
        }
        return new TransactionBuilder(name, kind, statements, params, strategies, specs, pools, checked);
    }

    /** @return the runtime action builder */
    SqlActionBuilder toAction() {
        SharedParameters shared = new SharedParameters(params, strategies, specs, pools);
        Set<String> names = shared.names(where());
        List<SqlRequest> requests =
                statements.stream().map(s -> s.toRequest(names)).toList();
        SqlActionBuilder action = SqlActionBuilder.transaction(name, kind, requests, shared);
        return slo == null ? action : action.withSlo(slo);
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
}
