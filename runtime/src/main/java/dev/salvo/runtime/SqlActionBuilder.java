package dev.salvo.runtime;

import dev.salvo.runtime.internal.SqlComponents;
import dev.salvo.runtime.internal.SqlProtocolKey;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import java.time.Duration;
import java.util.List;

/**
 * Gatling's (Scala) action builder for one timed request: a single statement, or a transaction of several statements
 * run on one connection and committed together. For internal use: the DSL returns it from {@code asScala()}. Building
 * the action checks every statement's SQL against the database, so SQL that does not parse stops the run before load.
 */
public final class SqlActionBuilder implements ActionBuilder {
    private final String name;
    private final QueryKind kind;
    private final List<SqlRequest> statements;
    private final boolean transaction;
    private final Slo slo;
    private final Duration loop;
    /** a paced loop's arrivals per second, 0 for a tight loop or none */
    private final double pacePerSecond;

    private final SharedParameters shared;
    /** The simulation whose constructor built this request (names the run directory). */
    private final String simulation;

    private SqlActionBuilder(
            String name,
            QueryKind kind,
            List<SqlRequest> statements,
            boolean transaction,
            Slo slo,
            Duration loop,
            double pacePerSecond,
            SharedParameters shared) {
        this.loop = loop;
        this.pacePerSecond = pacePerSecond;
        this.shared = shared;
        this.name = name;
        this.kind = kind;
        this.statements = List.copyOf(statements);
        this.transaction = transaction;
        this.slo = slo != null ? slo : Slo.defaultFor(kind);
        this.simulation = simulationOnStack();
    }

    /**
     * The simulation being constructed, for naming the run: the DSL builds requests inside a simulation's constructor.
     * The name is kept by the builder that asked (no static state).
     *
     * @return the simple name of the first {@code Simulation} subclass on the caller's stack, or {@code "simulation"}
     */
    private static String simulationOnStack() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(io.gatling.javaapi.core.Simulation.class::isAssignableFrom)
                        .findFirst())
                .map(Class::getSimpleName)
                .orElse("simulation");
    }

    /**
     * @param slo the SLO checked at the end of the run (default: the kind's, see {@link Slo#defaultFor})
     * @return a copy with that SLO
     */
    public SqlActionBuilder withSlo(Slo slo) {
        return new SqlActionBuilder(name, kind, statements, transaction, slo, loop, pacePerSecond, shared);
    }

    /**
     * @param duration how long each visit runs the request (a statement or a transaction) back to back on one Salvo
     *     thread and connection (a tight closed loop that returns to Gatling once, at the end)
     * @return a copy that loops
     */
    public SqlActionBuilder withLoop(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new SalvoException("tightLoop '" + name + "': the duration must be positive, but was " + duration);
        }
        return new SqlActionBuilder(name, kind, statements, transaction, slo, duration, 0, shared);
    }

    /**
     * @param duration how long the schedule runs, from the first user's entry
     * @param perSecond arrivals per second (all users and workers together), a Poisson process as pgbench -R draws
     * @return a copy that runs as a paced loop: each visit takes the next arrival of one shared schedule, waits until it
     *     is due, runs the request on its SQL thread and connection and times it from the due time, until the schedule
     *     ends
     * @throws SalvoException naming the request when the duration is not positive or the rate not in (0, 1,000,000]
     */
    public SqlActionBuilder withPacedLoop(Duration duration, double perSecond) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new SalvoException("pacedLoop '" + name + "': the duration must be positive, but was " + duration);
        }
        if (!(perSecond > 0 && perSecond <= 1_000_000)) {
            throw new SalvoException("pacedLoop '" + name
                    + "': the rate must be a number of arrivals per second above 0 and at most 1,000,000, but was "
                    + perSecond);
        }
        return new SqlActionBuilder(name, kind, statements, transaction, slo, duration, perSecond, shared);
    }

    /** @return a paced loop's arrivals per second, 0 when the action is not a paced loop */
    public double pacePerSecond() {
        return pacePerSecond;
    }

    /** @return the tight-loop duration, zero when the action runs one request per visit */
    public Duration loop() {
        return loop;
    }

    /** @return the SLO */
    public Slo slo() {
        return slo;
    }

    /**
     * @param request the statement, timed under its own name and kind
     * @return the builder
     */
    public static SqlActionBuilder single(SqlRequest request) {
        return new SqlActionBuilder(
                request.name(), request.kind(), List.of(request), false, null, Duration.ZERO, 0, SharedParameters.NONE);
    }

    /**
     * @param name the transaction's request name
     * @param kind the kind its statistics are kept under
     * @param statements the statements, run in order on one connection, then committed (rolled back on error)
     * @return the builder
     */
    public static SqlActionBuilder transaction(String name, QueryKind kind, List<SqlRequest> statements) {
        return transaction(name, kind, statements, SharedParameters.NONE);
    }

    /**
     * @param name the transaction's request name
     * @param kind the kind its statistics are kept under
     * @param statements the statements, run in order on one connection, then committed (rolled back on error); each
     *     built {@linkplain SqlRequest#sharing sharing} the shared parameters' names
     * @param shared the parameters drawn once per execution for all statements
     * @return the builder
     * @throws SalvoException when a shared parameter appears in no statement
     */
    public static SqlActionBuilder transaction(
            String name, QueryKind kind, List<SqlRequest> statements, SharedParameters shared) {
        if (name == null || name.isBlank()) {
            throw new SalvoException(
                    "transaction name: must be non-blank, but was " + (name == null ? "null" : "'" + name + "'"));
        }
        if (kind == null) {
            throw new SalvoException("transaction '" + name + "': kind must be set, but was null");
        }
        if (statements.isEmpty()) {
            throw new SalvoException("transaction '" + name + "': must have at least one statement, but had none");
        }
        String where = "transaction '" + name + "'";
        java.util.Set<String> used = new java.util.TreeSet<>();
        statements.forEach(
                st -> used.addAll(st.sql(new dev.salvo.sql.PostgresDialect()).parameterNames()));
        java.util.Set<String> unused = new java.util.TreeSet<>(shared.names(where));
        unused.removeAll(used);
        java.util.Set<String> referenced = new java.util.TreeSet<>();
        shared.specs().stream()
                .map(dev.salvo.feeders.ParameterSpec::dependsOn)
                .filter(java.util.Objects::nonNull)
                .forEach(referenced::add);
        unused.removeAll(referenced);
        if (!unused.isEmpty()) {
            throw new SalvoException(
                    where + ": every parameter it binds must appear in one of its statements as :name, but " + unused
                            + " appears in none");
        }
        return new SqlActionBuilder(name, kind, statements, true, null, Duration.ZERO, 0, shared);
    }

    /** @return the parameters drawn once per execution for all statements (none for a single statement) */
    public SharedParameters shared() {
        return shared;
    }

    @Override
    public Action build(ScenarioContext ctx, Action next) {
        SqlComponents components = ctx.protocolComponentsRegistry().components(SqlProtocolKey.INSTANCE);
        return components.run().newAction(this, components.protocol(), ctx.coreComponents(), ctx.throttled(), next);
    }

    /** @return the request name */
    public String name() {
        return name;
    }

    /** @return the kind */
    public QueryKind kind() {
        return kind;
    }

    /** @return the statements, in order */
    public List<SqlRequest> statements() {
        return statements;
    }

    /** @return the simple name of the simulation that built this request (names the run directory) */
    public String simulation() {
        return simulation;
    }

    /** @return true when the statements run as one transaction */
    public boolean transaction() {
        return transaction;
    }
}
