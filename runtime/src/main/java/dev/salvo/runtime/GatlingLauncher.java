package dev.salvo.runtime;

import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.internal.SalvoRun;
import dev.salvo.sql.SalvoException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The Gatling-facing entry point that decides how a run exits: it launches Gatling ({@code io.gatling.app.Gatling},
 * same arguments) in this JVM, then maps what happened to an {@link Outcome}. Salvo's library code never exits the
 * JVM; only {@link #main} does. {@code salvo run} forks a JVM with this main class; use it directly as
 * {@code java -cp <class path> dev.salvo.runtime.GatlingLauncher --simulation <class> [Gatling options]}.
 *
 * <p>Under Gatling's own launcher ({@code mvn gatling:test}), Gatling decides the exit status: 1 when the run
 * crashed or did not start (a Salvo configuration error included), 2 when a Gatling assertion failed, else 0 (a
 * breached Salvo SLO is reported in the output and in results.json but does not change it).
 */
public final class GatlingLauncher {
    /** How a run ended, and the exit status {@link #main} gives it. */
    public enum Outcome {
        /** Every SLO and every Gatling assertion held. */
        PASSED(0),
        /** An SLO was breached, or a Gatling assertion failed. */
        FAILED(1),
        /** Bad input: a configuration error, reported in one line before any load started. */
        BAD_INPUT(2),
        /** The run crashed (an unexpected exception), or Salvo could not write its results. */
        CRASHED(3);

        private final int exitStatus;

        Outcome(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        /** @return the process exit status for this outcome */
        public int exitStatus() {
            return exitStatus;
        }
    }

    /** Gatling's own exit statuses ({@code io.gatling.app.cli.StatusCode}). */
    private static final int GATLING_INVALID_ARGUMENTS = 1;

    private static final int GATLING_ASSERTIONS_FAILED = 2;

    private GatlingLauncher() {}

    /**
     * Launches Gatling and exits with the run's {@link Outcome#exitStatus()}.
     *
     * @param args Gatling's arguments ({@code --simulation <class>}, {@code --results-folder <dir>}, ...)
     */
    public static void main(String[] args) {
        Outcome outcome = launch(args, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(outcome.exitStatus());
    }

    /**
     * Launches Gatling in this JVM and waits for it.
     *
     * @param args Gatling's arguments
     * @param err where the one-line error of a configuration problem (or a crash's stack trace) goes
     * @return how the run ended
     */
    public static Outcome launch(String[] args, PrintStream err) {
        Path results = Path.of(System.getProperty(SalvoRun.RESULTS_DIR_PROPERTY, "target/salvo"));
        Set<Path> before = runDirectories(results);
        quietGatlingCrashLog();
        int gatling;
        try {
            gatling = io.gatling.app.Gatling$.MODULE$.fromArgs(args);
        } catch (Throwable t) {
            SalvoException problem = salvoProblem(t);
            if (problem != null) {
                err.println("[salvo] ERROR " + problem.getMessage());
                return Outcome.BAD_INPUT;
            }
            err.println("[salvo] CRASHED " + t);
            t.printStackTrace(err);
            return Outcome.CRASHED;
        }
        if (gatling == GATLING_INVALID_ARGUMENTS) {
            return Outcome.BAD_INPUT;
        }
        List<Path> written = new ArrayList<>(runDirectories(results));
        written.removeAll(before);
        if (written.isEmpty()) {
            err.println("[salvo] CRASHED " + noResultsCause(results));
            return Outcome.CRASHED;
        }
        boolean sloBreached = false;
        for (Path run : written) {
            try {
                RunResults r = ResultsFiles.read(run);
                sloBreached |= r.requests().stream()
                        .anyMatch(q -> q.slo() != null && !q.slo().pass());
            } catch (RuntimeException e) {
                err.println("[salvo] CRASHED " + run + ": results must be readable, but " + e.getMessage());
                return Outcome.CRASHED;
            }
        }
        return sloBreached || gatling == GATLING_ASSERTIONS_FAILED ? Outcome.FAILED : Outcome.PASSED;
    }

    /**
     * Gatling logs "Run crashed" with a stack trace before it rethrows; this launcher reports the problem itself (one
     * line for a configuration problem, the stack trace for a crash), so Gatling's launcher logger is turned off.
     */
    private static void quietGatlingCrashLog() {
        for (String name : List.of("io.gatling.app.Gatling", "io.gatling.app.Gatling$")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.OFF);
            }
        }
    }

    /** @return the SalvoException that stopped the run (Gatling wraps what a simulation throws), or null */
    static SalvoException salvoProblem(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof SalvoException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * The one line naming why a run left no results: the results directory cannot be created or written (probed here
     * with a file of its own), or the run wrote none there (its {@code [salvo] ERROR} line above says why).
     */
    static String noResultsCause(Path results) {
        Path dir = results.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".salvo-probe-", ".tmp"));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return "results: " + SalvoRun.RESULTS_DIR_PROPERTY + " must be a writable directory, but " + dir
                    + " is not (" + reason + ")";
        }
        return "results: every run must write " + ResultsFiles.RESULTS_JSON + ", but none was written under " + dir
                + " (the [salvo] ERROR line above says why)";
    }

    private static Set<Path> runDirectories(Path results) {
        if (!Files.isDirectory(results)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(results)) {
            return new HashSet<>(dirs.filter(d -> Files.isRegularFile(d.resolve(ResultsFiles.RESULTS_JSON)))
                    .toList());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
