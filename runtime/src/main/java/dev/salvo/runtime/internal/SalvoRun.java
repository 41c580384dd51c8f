package dev.salvo.runtime.internal;

import dev.salvo.reports.DatabaseInfo;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.runtime.SqlProtocol;
import dev.salvo.sql.SalvoException;
import io.gatling.core.CoreComponents;
import io.gatling.core.action.Action;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import scala.Function0;
import scala.runtime.BoxedUnit;

/**
 * Salvo's state for one Gatling run: the target database, the recorders per request name, and the results written
 * when Gatling terminates (after success and after a crash alike).
 */
public final class SalvoRun {
    /** System property: where run directories are created (default {@code target/salvo}). */
    public static final String RESULTS_DIR_PROPERTY = "salvo.resultsDir";
    /** System property: where the embedded PostgreSQL keeps its files (default {@code target/salvo-pg}). */
    public static final String WORK_DIR_PROPERTY = "salvo.workDir";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    /** System property: seconds between live progress lines (0 turns them off; default 5). */
    public static final String PROGRESS_PROPERTY = "salvo.progressSeconds";

    private final Instant startedAt = Instant.now();
    private final Thread onSignal = new Thread(this::finishOnExit, "salvo-finish-on-exit");
    private volatile boolean loadStarted;
    private volatile boolean warmup;
    private volatile long measurementStartNanos;
    private Progress progress;
    private final Map<String, RequestRecorder> recorders = new ConcurrentHashMap<>();
    /** Created by the first action built, named after the simulation that built it. */
    private volatile ResultsBuilder results;

    private String simulationName;
    private volatile Target target;
    private ParameterContext parameters;
    private FindMaxController findMax;
    private volatile GatlingStats gatlingStats;
    private volatile boolean finished;
    private volatile boolean stopping;
    // --- generator timing (issue 20): scheduled arrivals and the hiccup recorder
    private final HiccupRecorder hiccups = new HiccupRecorder();
    private ArrivalSchedule arrivals;
    /** this worker of a distributed run, its start barrier (issue 21) */
    private RunWorker worker;
    /** the injection profile as text, for the results' config */
    private Map<String, String> injection = Map.of();
    /** the server's statistics of the run, null when off */
    private volatile ServerWatch server;
    /** names outages (issue 23) */
    private volatile OutageWatch outages;

    private final Map<String, List<PreparedRequest>> statementsByName = new ConcurrentHashMap<>();
    /** Opt-in modules' lifecycle hooks ({@link dev.salvo.runtime.RunHook}, e.g. Snowflake's query history). */
    private volatile RunHooks hooks = RunHooks.none();

    private SalvoRun() {}

    static SalvoRun start(CoreComponents core) {
        SalvoRun run = new SalvoRun();
        run.injection = InjectionProfiles.describe(core); // before a distributed run takes its share of the steps
        run.worker = RunWorker.start(core);
        run.injection.putAll(run.worker.throttleShares(core)); // a throttle's share is recorded beside the whole
        run.arrivals = GeneratorTiming.schedule(core, run.hiccups.start(), ArrivalRelease.leadMillis());
        Function0<BoxedUnit> onTermination = () -> {
            run.finish();
            return BoxedUnit.UNIT;
        };
        core.actorSystem().registerOnTermination(onTermination);
        // SIGTERM / Ctrl-C: Gatling writes no report then, but Salvo still drains and writes its results
        Runtime.getRuntime().addShutdownHook(run.onSignal);
        return run;
    }

    /**
     * Builds the action of one request, opening the database on first use and checking each statement's SQL.
     *
     * @param spec the request
     * @param protocol the scenario's protocol
     * @param core Gatling's components
     * @param throttled true when the simulation is throttled ({@code setUp(...).throttle(...)})
     * @param next the next action
     * @return the action
     */
    public Action newAction(
            SqlActionBuilder spec, SqlProtocol protocol, CoreComponents core, boolean throttled, Action next) {
        synchronized (this) {
            if (results == null) {
                simulationName = spec.simulation();
                results = new ResultsBuilder(simulationName, startedAt);
            }
        }
        Target t = target(protocol, core);
        List<PreparedRequest> statements;
        SharedValues shared = null;
        try {
            if (spec.transaction()) {
                shared = new SharedValues(spec.shared(), parameters.generatorFor(spec.name(), spec.shared()));
            }
            List<String> sharedNames = shared == null ? List.of() : shared.names();
            statements = spec.statements().stream()
                    .map(r -> new PreparedRequest(r, t.dialect, parameters.generatorFor(r), sharedNames))
                    .toList();
            SharedValues sharedValues = shared;
            statements.forEach(st -> t.validate(st, sharedValues));
        } catch (SalvoException e) {
            throw Fatal.stop(e, this::abort);
        }
        statementsByName.putIfAbsent(spec.name(), statements);
        hooks.requests(spec.name(), spec.transaction(), statements);
        RequestRecorder recorder = recorder(spec.name(), spec.kind(), spec.slo(), null);
        RequestRecorder[] statementRecorders = null;
        if (spec.transaction()) {
            statementRecorders = new RequestRecorder[statements.size()];
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < statementRecorders.length; i++) {
                PreparedRequest st = statements.get(i);
                String name = spec.name() + STATEMENT_SEPARATOR + st.request.name();
                statementRecorders[i] = recorder(name, st.request.kind(), dev.salvo.runtime.Slo.none(), spec.name());
                statementRecorders[i].info(st.info(spec.name()));
                names.add(name);
            }
            recorder.info(new RunResults.RequestInfo(null, null, null, names, 0));
        } else {
            recorder.info(statements.get(0).info(null));
        }
        return new SqlAction(
                spec.name(),
                this,
                statements,
                spec.transaction(),
                shared,
                statementRecorders,
                spec.loop().toNanos(),
                spec.pacePerSecond() > 0 ? parameters.pacedLoop(spec.name(), spec.pacePerSecond(), spec.loop()) : null,
                throttled && core.throttler().isDefined() ? core.throttler().get() : null,
                t,
                recorder,
                protocol.gatlingRequestStats() ? gatlingStats(core) : null,
                core.clock(),
                next);
    }

    /** How a statement of a transaction is named in the results: {@code <transaction> / <statement>}. */
    public static final String STATEMENT_SEPARATOR = " / ";

    private RequestRecorder recorder(
            String name, dev.salvo.sql.QueryKind kind, dev.salvo.runtime.Slo slo, String transaction) {
        RequestRecorder recorder =
                recorders.computeIfAbsent(name, n -> new RequestRecorder(n, kind, slo, results, findMax, transaction));
        if (recorder.kind != kind) {
            throw Fatal.stop(
                    new SalvoException("request '" + name + "': one name must have one kind, but it is used as "
                            + recorder.kind + " and " + kind),
                    this::abort);
        }
        return recorder;
    }

    /**
     * @param owner the name a stream is seeded with (e.g. {@code mix:<name>})
     * @return a generator of one uniform double in [0, 1) per draw, from the run's seed, split by worker
     */
    public dev.salvo.feeders.ParameterGenerator uniformStream(String owner) {
        return parameters.uniformStream(owner);
    }

    private synchronized GatlingStats gatlingStats(CoreComponents core) {
        if (gatlingStats == null) {
            // salvo.gatlingWarmup=false: the warmup's requests are dropped instead (an A/B switch for benchmarks)
            boolean warm = Boolean.parseBoolean(System.getProperty("salvo.gatlingWarmup", "true"));
            gatlingStats = new GatlingStats(core.statsEngine(), warm ? () -> GatlingWarmupWriters.create(core) : null);
        }
        return gatlingStats;
    }

    /** @return the scheduled arrivals of open-model users, null when they could not be read */
    ArrivalSchedule arrivals() {
        return arrivals;
    }

    /** @return the hiccup recorder */
    HiccupRecorder hiccups() {
        return hiccups;
    }

    /** A virtual user ends: its responses reach Gatling's statistics before its end does. */
    void userExit() {
        GatlingStats stats = gatlingStats;
        if (stats != null) {
            stats.flush();
        }
    }

    /**
     * Whether a request started during the warmup (the first request's start plus the warmup), as a number computed
     * without a branch on the answer, so that the JIT compiles no path that the end of the warmup deoptimizes: the
     * loops index their recording sinks with it (TightLoop, PacedLoop), and SqlAction puts it in its lag's sign bit.
     *
     * @param startNanos a request's intended start (System.nanoTime)
     * @return 1 when the request started during the warmup, else 0
     */
    int warmupIndex(long startNanos) {
        if (!loadStarted) {
            startLoad(startNanos);
        }
        return (int) ((startNanos - measurementStartNanos) >>> 63) & (warmup ? 1 : 0);
    }

    private synchronized void startLoad(long now) {
        if (loadStarted || target == null) {
            return;
        }
        warmup = !target.protocol.warmup().isZero();
        measurementStartNanos = now + target.protocol.warmup().toNanos();
        loadStarted = true;
        long seconds = Long.getLong(PROGRESS_PROPERTY, 5);
        if (findMax != null) {
            findMax.start();
        }
        if (server != null && warmup) {
            server.beginAfter(target.protocol.warmup().toNanos()); // without a warmup it began before the load
        }
        if (seconds > 0) {
            progress = Progress.start(now, target.protocol.warmup().toNanos(), seconds, recorders);
        }
    }

    private synchronized Target target(SqlProtocol protocol, CoreComponents core) {
        if (target == null) {
            try {
                String tag = "salvo-" + RUN_ID.format(startedAt) + "-"
                        + ProcessHandle.current().pid();
                target = Target.open(
                        protocol,
                        Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/salvo-pg")),
                        simulationName + "-" + RUN_ID.format(startedAt),
                        tag);
                outages = target.watchOutages(recorders::values);
                server = ServerWatch.create(target, tag, 1000);
                if (server != null) {
                    results.config("server.applicationName", tag);
                    if (protocol.warmup().isZero()) {
                        server.begin();
                    }
                }
                parameters = new ParameterContext(protocol.parameters(), target, results);
                hooks = RunHooks.start(new dev.salvo.runtime.RunContext(
                        simulationName + "-" + RUN_ID.format(startedAt),
                        target.dialect.name(),
                        protocol.settings(),
                        target.session,
                        startedAt,
                        new ConcurrentHashMap<>()));
                target.hooks(hooks);
                if (protocol.findMax() != null) {
                    worker.refuseFindMax();
                    findMax = new FindMaxController(protocol.findMax(), results, core);
                }
            } catch (SalvoException e) {
                throw Fatal.stop(e, null);
            }
        } else if (!target.protocol.equals(protocol)) {
            throw Fatal.stop(
                    new SalvoException("database: a simulation must use one database protocol, but it uses "
                            + target.protocol + " and " + protocol),
                    this::abort);
        }
        return target;
    }

    private synchronized void abort() {
        finished = true;
        hooks.close();
        hiccups.stop();
        if (server != null) {
            server.close();
        }
        if (target != null) {
            target.close();
        }
    }

    /** On SIGTERM / Ctrl-C; never waits for a thread that is itself stopping the JVM with the run's lock held. */
    private void finishOnExit() {
        if (!finished && target != null) {
            finish();
        }
    }

    /** @return true once the run is finishing: tight loops stop */
    boolean stopping() {
        return stopping;
    }

    /** Drains in-flight requests, writes the results, closes the pool and stops the embedded database. */
    void finish() {
        stopping = true;
        finishLocked();
    }

    private synchronized void finishLocked() {
        if (finished) {
            return;
        }
        finished = true;
        if (target == null) {
            return;
        }
        if (progress != null) {
            progress.stop();
        }
        hiccups.stop();
        if (findMax != null) {
            findMax.stop();
        }
        try {
            var drain = target.drain(target.protocol.faults().drainTimeout().toMillis());
            results.faults(outages == null ? null : outages.finish(drain));
            Path dir = Path.of(System.getProperty(RESULTS_DIR_PROPERTY, "target/salvo"))
                    .resolve(simulationName + "-" + RUN_ID.format(startedAt));
            ResultsOutput.write(dir, results());
            hooks.finish(dir); // after the results are safe; a failing hook is one WARN line
        } catch (RuntimeException e) {
            System.err.println("[salvo] ERROR results could not be written: " + e.getMessage());
        } finally {
            hooks.close();
            if (server != null) {
                server.close();
            }
            target.close();
            if (gatlingStats != null) {
                gatlingStats.close();
            }
        }
    }

    RunData results() {
        recorders.values().stream().sorted(Comparator.comparing(r -> r.name)).forEach(RequestRecorder::snapshot);
        if (server != null) {
            results.server(server.finish(
                    target.product + " " + target.version,
                    recorders.values().stream()
                            .filter(r -> statementsByName.containsKey(r.name))
                            .toList(),
                    statementsByName));
        }
        if (loadStarted) {
            results.measurementStartedAt(Instant.now().minusNanos(System.nanoTime() - measurementStartNanos));
        }
        results.generator(GeneratorTiming.summary(hiccups, arrivals));
        RunSettings.record(results, target);
        injection.forEach(results::config);
        worker.record(results);
        return results.endedAt(Instant.now())
                .database(new DatabaseInfo(
                        target.dialect.name(),
                        target.product,
                        target.version,
                        target.maskedUrl,
                        target.protocol.settings().embedded(),
                        target.protocol.poolSize()))
                .build();
    }
}
