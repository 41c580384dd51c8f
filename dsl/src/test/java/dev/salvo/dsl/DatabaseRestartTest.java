package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.it.RestartSimulation;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Database restart mid-run (issue 8, item 2): a forked Gatling run against an embedded PostgreSQL that the test stops
 * with {@code pg_ctl stop -m fast} once load is flowing, and starts again (same data directory and port) once the run
 * has counted failures. Faults are triggered by what the run prints, never by the clock.
 */
class DatabaseRestartTest {
    private static final Pattern PROGRESS = Pattern.compile("\\[salvo\\] +\\d+s POINT_LOOKUP +lookup .* errors (\\d+)");

    @Test
    void requestsFailWhileTheDatabaseIsDownAndTheRunRecoversWhenItIsBack() throws Exception {
        Path work = Path.of("target", "restart-pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work)) {
            loadDemo(db);
            Path dir = Files.createTempDirectory(Path.of("target"), "Restart-");
            Process run = GatlingRunTest.start(RestartSimulation.class, dir, args(db));
            Server server = Server.of(work);
            awaitProgress(dir, run, 0); // load is flowing, no errors yet
            server.stop();
            awaitProgress(dir, run, 1); // the run has counted failures
            awaitLine(dir, run, "[salvo] database unreachable since "); // the outage is named (after 1 s)
            server.start();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(dir.resolve("output.log"));
            assertThat(run.exitValue()).as(output).isZero();

            JsonNode lookup = results(dir).at("/requests/0");
            long count = lookup.get("count").asLong();
            long ko = lookup.get("ko").asLong();
            assertThat(count).as("every request completed, OK or KO").isEqualTo(200);
            assertThat(ko).isPositive();
            assertThat(lookup.get("ok").asLong()).isPositive();
            // connection-level failures only: a SQLSTATE of class 08 / 57P0x, or the pool's own timeout when the server
            // was
            // down before any new connection attempt had failed (HikariCP then has no SQLSTATE to give)
            lookup.get("errors")
                    .fieldNames()
                    .forEachRemaining(
                            e -> assertThat(e)
                                    .as("connection-level error classes only")
                                    .matches(
                                            "(08\\d\\d\\d|57P0\\d|57P03): .*|salvo - Connection is not available, request timed out .*"));
            // the timeline: clean, then failing, then clean again
            List<JsonNode> intervals = new ArrayList<>();
            results(dir).at("/timelines/POINT_LOOKUP").forEach(intervals::add);
            int firstKo = indexOf(intervals, true, 0);
            assertThat(firstKo).as("an interval with failures").isPositive();
            assertThat(intervals.get(0).get("ko").asLong()).isZero();
            int recovered = indexOf(intervals, false, firstKo);
            assertThat(recovered)
                    .as("a clean interval after the failures: " + intervals)
                    .isGreaterThan(firstKo);
            assertThat(intervals.get(recovered).get("count").asLong()).isPositive();
            // the outage: named once when it began and once when it ended, its interval and failures in results.json
            assertThat(output)
                    .containsOnlyOnce("[salvo] database unreachable since ")
                    .containsOnlyOnce("[salvo] database reachable again at ");
            JsonNode outages = results(dir).at("/faults/outages");
            assertThat(outages).hasSize(1);
            JsonNode outage = outages.get(0);
            assertThat(outage.get("ongoing").asBoolean()).isFalse();
            assertThat(outage.get("seconds").asDouble())
                    .as("named after 1 s, restarted after that")
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(outage.get("toEpochMillis").asLong())
                    .isGreaterThan(outage.get("fromEpochMillis").asLong())
                    .isGreaterThanOrEqualTo(outage.get("reachableEpochMillis").asLong());
            assertThat(outage.get("cause").asText()).contains("SQLSTATE 08");
            long duringOutage = outage.get("failedRequests").asLong();
            assertThat(duringOutage).isPositive().isLessThanOrEqualTo(ko);
            assertThat(outage.at("/failedByKind/POINT_LOOKUP").asLong()).isEqualTo(duringOutage);
            assertThat(outage.at("/failedByRequest/lookup").asLong()).isEqualTo(duringOutage);
            assertThat(results(dir).at("/faults/unreachableAfterMillis").asLong())
                    .isEqualTo(1000);
            System.out.printf(
                    "[restart] %d requests, %d KO while down (%d during the named outage of %.3f s), %d OK;"
                            + " errors %s%n",
                    count,
                    ko,
                    duringOutage,
                    outage.get("seconds").asDouble(),
                    lookup.get("ok").asLong(),
                    lookup.get("errors"));
            System.out.println("[restart] output:\n"
                    + output.lines().filter(l -> l.startsWith("[salvo]")).reduce("", (a, b) -> a + b + "\n"));
        }
    }

    @Test
    void failFastMakesTheRequestsOfAnOutageFailAtOnceWithTheirOwnStatus() throws Exception {
        Path work = Path.of("target", "restart-pg-fast");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work)) {
            loadDemo(db);
            Path dir = Files.createTempDirectory(Path.of("target"), "FailFast-");
            String[] args = Stream.concat(Stream.of(args(db)), Stream.of("-Drestart.failFast=true"))
                    .toArray(String[]::new);
            Process run = GatlingRunTest.start(RestartSimulation.class, dir, args);
            Server server = Server.of(work);
            awaitProgress(dir, run, 0);
            server.stop();
            awaitLine(dir, run, "[salvo] database unreachable since ");
            awaitProgress(dir, run, 30); // fail-fast failures pile up
            server.start();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(dir.resolve("output.log"));
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("(Salvo's check connected; fail-fast ends)");
            JsonNode lookup = results(dir).at("/requests/0");
            long failFast = lookup.at("/errors")
                    .path("08001: fail-fast: the database is unreachable (outage in progress),"
                            + " the request was not sent")
                    .asLong();
            assertThat(failFast).as(lookup.toString()).isPositive();
            JsonNode outage = results(dir).at("/faults/outages/0");
            assertThat(results(dir).at("/faults/failFast").asBoolean()).isTrue();
            assertThat(outage.get("failedRequests").asLong()).isGreaterThanOrEqualTo(failFast);
            assertThat(outage.get("toEpochMillis").asLong())
                    .isEqualTo(outage.get("reachableEpochMillis").asLong());
            System.out.printf(
                    "[fail-fast] %d requests, %d KO, %d failed fast, outage %.3f s; errors %s%n",
                    lookup.get("count").asLong(),
                    lookup.get("ko").asLong(),
                    failFast,
                    outage.get("seconds").asDouble(),
                    lookup.get("errors"));
        }
    }

    @Test
    void aDatabaseThatNeverComesBackEndsTheRunWithResultsWritten() throws Exception {
        Path work = Path.of("target", "restart-pg-gone");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work)) {
            loadDemo(db);
            Path dir = Files.createTempDirectory(Path.of("target"), "Gone-");
            Process run = GatlingRunTest.start(RestartSimulation.class, dir, args(db));
            Server server = Server.of(work);
            awaitProgress(dir, run, 0);
            server.stop();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the run ends").isTrue();
            String output = Files.readString(dir.resolve("output.log"));
            assertThat(run.exitValue()).as(output).isZero();
            JsonNode lookup = results(dir).at("/requests/0");
            assertThat(lookup.get("count").asLong()).isEqualTo(200);
            assertThat(lookup.get("ko").asLong()).isPositive();
            List<JsonNode> intervals = new ArrayList<>();
            results(dir).at("/timelines/POINT_LOOKUP").forEach(intervals::add);
            JsonNode last = intervals.get(intervals.size() - 1);
            assertThat(last.get("ko").asLong())
                    .as("still failing at the end")
                    .isEqualTo(last.get("count").asLong());
            assertThat(output)
                    .doesNotContain("\tat ")
                    .contains("[salvo] database still unreachable when the run ended");
            JsonNode outage = results(dir).at("/faults/outages/0");
            assertThat(outage.get("ongoing").asBoolean()).isTrue();
            assertThat(outage.get("failedRequests").asLong()).isPositive();
            System.out.printf(
                    "[gone] %d requests, %d KO, %d OK; errors %s%n",
                    lookup.get("count").asLong(),
                    lookup.get("ko").asLong(),
                    lookup.get("ok").asLong(),
                    lookup.get("errors"));
            System.out.println("[gone] output:\n"
                    + output.lines().filter(l -> l.startsWith("[salvo]")).reduce("", (a, b) -> a + b + "\n"));
        }
    }

    private static String[] args(EmbeddedDatabase db) {
        return new String[] {
            "-Dsalvo.url=jdbc:postgresql://localhost:" + db.port() + "/postgres",
            "-Dsalvo.user=postgres",
            "-Dsalvo.progressSeconds=1"
        };
    }

    private static void loadDemo(EmbeddedDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            DemoSchema.load(c);
        }
    }

    private static JsonNode results(Path dir) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("salvo"))) {
            return new ObjectMapper()
                    .readTree(runs.findFirst()
                            .orElseThrow()
                            .resolve("results.json")
                            .toFile());
        }
    }

    private static int indexOf(List<JsonNode> intervals, boolean withKo, int from) {
        for (int i = from; i < intervals.size(); i++) {
            long ko = intervals.get(i).get("ko").asLong();
            if (withKo ? ko > 0 : ko == 0 && intervals.get(i).get("count").asLong() > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until the run prints a line starting with {@code prefix}. */
    private static void awaitLine(Path dir, Process run, String prefix) throws Exception {
        Path log = dir.resolve("output.log");
        while (run.isAlive()) {
            if (Files.exists(log) && Files.readString(log).lines().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run ended before a line " + prefix + ": " + Files.readString(log));
    }

    /** Waits until a progress line reports at least {@code errors} errors (0: any progress line). */
    private static void awaitProgress(Path dir, Process run, long errors) throws Exception {
        Path log = dir.resolve("output.log");
        while (run.isAlive()) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = PROGRESS.matcher(text);
            while (m.find()) {
                if (Long.parseLong(m.group(1)) >= errors) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the run ended before a progress line with " + errors + " errors: " + Files.readString(log));
    }

    /**
     * The embedded server, stopped and started by hand on the same data directory and port: SIGINT to the postmaster
     * (PostgreSQL's "fast" shutdown: clients are disconnected, the server exits cleanly), then the {@code postgres}
     * binary again with the exact command line recorded in {@code postmaster.opts}. PostgreSQL refuses to run as root;
     * as zonky does, a root user starts it in a user namespace ({@code unshare -U}).
     */
    record Server(Path data, List<String> command) {
        static Server of(Path work) throws IOException {
            Path data = work.resolve("data-" + ProcessHandle.current().pid());
            // e.g. /…/bin/postgres "-D" "/…/data-1" "-p" "40123" "-c" "fsync=off" ...
            String opts = Files.readString(data.resolve("postmaster.opts")).strip();
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(opts.substring(0, opts.indexOf(" \"")));
            Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(opts);
            while (m.find()) {
                command.add(m.group(1));
            }
            return new Server(data, command);
        }

        void stop() throws Exception {
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start();
            assertThat(kill.waitFor()).isZero();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
            while (Files.exists(data.resolve("postmaster.pid"))) {
                Thread.sleep(50);
            }
        }

        void start() throws Exception {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.resolveSibling("restart.log").toFile()))
                    .start();
            String url =
                    "jdbc:postgresql://localhost:" + command.get(command.indexOf("-p") + 1) + "/postgres?user=postgres";
            for (int attempt = 0; ; attempt++) {
                try (Connection c = DriverManager.getConnection(url)) {
                    return;
                } catch (java.sql.SQLException e) {
                    if (attempt > 600) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
