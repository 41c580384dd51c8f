package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.it.BadSqlSimulation;
import dev.salvo.dsl.it.ContinueSimulation;
import dev.salvo.dsl.it.FaultsSimulation;
import dev.salvo.dsl.it.SloBreachSimulation;
import dev.salvo.dsl.it.StallSimulation;
import dev.salvo.dsl.it.TightLoopSimulation;
import dev.salvo.dsl.it.TinySimulation;
import dev.salvo.dsl.it.UnboundParameterSimulation;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real Gatling runs in a forked JVM, as {@code salvo run} launches them (Salvo's GatlingLauncher decides the exit
 * status), against the embedded PostgreSQL; two runs with Gatling's own launcher, as {@code mvn gatling:test}.
 */
class GatlingRunTest {

    static Run gatling(Class<?> simulation, String... jvmArgs) throws Exception {
        return ForkedGatling.run(simulation, jvmArgs);
    }

    static Process start(Class<?> simulation, Path dir, String... jvmArgs) throws IOException {
        return ForkedGatling.start(simulation, dir, jvmArgs);
    }

    @Test
    void runsASimulationEndToEnd() throws Exception {
        Run run = gatling(TinySimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();

        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        assertThat(results.get("simulation").asText()).isEqualTo("TinySimulation");
        assertThat(results.at("/database/embedded").asBoolean()).isTrue();
        JsonNode divide = results.at("/requests/0");
        JsonNode byId = results.at("/requests/1");
        assertThat(divide.get("name").asText()).isEqualTo("divide by zero");
        assertThat(divide.get("count").asLong()).isEqualTo(20);
        assertThat(divide.get("ko").asLong()).isEqualTo(20);
        assertThat(divide.get("errors").fieldNames().next()).startsWith("22012: ERROR: division by zero");
        // the virtual users went on after the error: 6 lookups each
        assertThat(byId.get("name").asText()).isEqualTo("order by id");
        assertThat(byId.get("kind").asText()).isEqualTo("POINT_LOOKUP");
        assertThat(byId.get("ok").asLong()).isEqualTo(120);
        assertThat(byId.get("rows").asLong()).isEqualTo(120);
        assertThat(byId.get("bytes").asLong()).isPositive();
        // variety: 120 random ids out of 200,000 are (almost surely) distinct; the constant divisor is one parameter
        // set
        assertThat(byId.get("variety").asLong()).isBetween(110L, 130L);
        assertThat(divide.get("variety").asLong()).isEqualTo(1);
        JsonNode latency = byId.get("responseMicros");
        assertThat(latency.get("p50").asDouble())
                .isPositive()
                .isLessThanOrEqualTo(latency.get("p99").asDouble());
        assertThat(latency.get("max").asDouble())
                .isGreaterThanOrEqualTo(latency.get("p99").asDouble());

        // Gatling's own report shows the requests too
        try (Stream<Path> reports = Files.list(run.dir().resolve("gatling"))) {
            Path report = reports.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(report.resolve("index.html")).exists();
        }
        // ... every one of them: Salvo hands them to Gatling in batches, flushed at each virtual user's exit
        assertThat(run.output())
                .containsPattern("> order by id +\\| +120 +\\| +120 +\\| +0\\b")
                .containsPattern("> divide by zero +\\| +20 +\\| +0 +\\| +20\\b");
        assertThat(run.embeddedDataLeft())
                .as("embedded PostgreSQL stopped and removed")
                .isFalse();
        assertThat(run.dir().resolve("prefs"))
                .as("Gatling's prefs stay under target/")
                .exists();
    }

    @Test
    void afterARequestTheUsersNextStepsRunOnItsSqlThreadAndAPauseEndsOnGatlingsLoop() throws Exception {
        Run run = gatling(ContinueSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode lookup = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile())
                .at("/requests/0");
        // every request counted: 2 users x 30 and 6 users x 20 on 2 SQL threads (more users than threads are all
        // served)
        assertThat(lookup.get("count").asLong()).isEqualTo(180);
        assertThat(lookup.get("ok").asLong()).isEqualTo(180);
        // no hand-off back to Gatling's event loop after a request while no other request waits for a SQL thread
        assertThat(run.output()).containsPattern("\\[continue] afterRequest salvo-sql=[1-9]");
        // a pause's timer is Gatling's: the user continues on Gatling's event loop after it, every time
        assertThat(run.output())
                .contains("[continue] afterPause gatling=60")
                .doesNotContain("afterPause salvo-sql")
                .doesNotContain("drain timeout");
    }

    @Test
    void aDatabaseStallShowsInResponseTimeNotInServiceTime() throws Exception {
        Run run = gatling(StallSimulation.class, "-Dsalvo.progressSeconds=1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode lookup = results.at("/requests/0");
        assertThat(lookup.get("name").asText()).isEqualTo("lookup");
        // warmup: the first second's requests are counted apart and nowhere else
        long warmup = lookup.get("warmupRequests").asLong();
        assertThat(warmup).isBetween(100L, 300L);
        assertThat(lookup.get("count").asLong() + warmup).isEqualTo(800);
        // ~100 requests arrive during the 500 ms stall and queue: their response time shows the stall ...
        assertThat(lookup.at("/responseMicros/p999").asDouble()).isGreaterThan(400_000);
        assertThat(lookup.at("/responseMicros/p99").asDouble()).isGreaterThan(250_000);
        assertThat(lookup.at("/scheduleLagMicros/p99").asDouble()).isGreaterThan(250_000);
        // ... while service time (connection in hand to last row) hides most of it: only the 3 blocked requests (0.5%)
        // see
        // it, so service p95 stays far below (p99 was 253 ms once at load average 22: a loaded host slows a few more)
        assertThat(lookup.at("/serviceMicros/p95").asDouble()).isLessThan(100_000);
        // live progress lines
        assertThat(run.output())
                .containsPattern("\\[salvo\\] +\\d+s POINT_LOOKUP +lookup .* qps .* p99 .* ms  errors 0");
        // the warmup's line says so rather than printing 0 qps (or adds the warmup requests it did not measure)
        assertThat(run.output())
                .containsPattern("\\[salvo\\] +\\d+s (warmup POINT_LOOKUP +lookup +[0-9.]+ req/s started in the"
                        + " warmup \\(not measured; measurement starts 1.0 s after the first request\\)|POINT_LOOKUP .*\\(\\+\\d+ in the"
                        + " warmup, not measured\\))");
    }

    @Test
    void aBreachedSloFailsTheRunWithStatusOne() throws Exception {
        Run run = gatling(SloBreachSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .containsPattern("\\[salvo\\] SLO FAILED POINT_LOOKUP 'slow lookup': p95 \\d+\\.\\d{3} ms > 5 ms, "
                        + "p99 \\d+\\.\\d{3} ms > 10 ms");
        assertThat(run.output()).doesNotContain("'fast lookup'");
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        assertThat(results.at("/requests/1/slo/pass").asBoolean()).isFalse();
        assertThat(results.at("/requests/1/slo/p95LimitMicros").asDouble()).isEqualTo(5000.0);
        assertThat(results.at("/requests/0/slo/pass").asBoolean()).isTrue();
        assertThat(results.at("/requests/0/slo/p99LimitMicros").asDouble()).isEqualTo(60_000_000.0);
        // Gatling's report was still generated before the run failed
        assertThat(run.output()).contains("Reports generated");
    }

    @Test
    void aTightLoopRunsBackToBackAndEveryRequestIsCounted() throws Exception {
        Run run = gatling(TightLoopSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode after = findRequest(results, "after the loop");
        JsonNode looped = findRequest(results, "looped lookup");
        assertThat(after.get("count").asLong()).isBetween(2L, 4L);
        assertThat(looped.get("count").asLong()).isGreaterThan(200);
        assertThat(looped.get("ko").asLong()).isZero();
        assertThat(looped.get("rows").asLong()).isEqualTo(looped.get("count").asLong());
        // the first second's requests were recorded into the warmup sinks: counted as warmup only
        assertThat(looped.get("warmupRequests").asLong()).isGreaterThan(100);
        assertThat(after.get("warmupRequests").asLong()).isZero();
        // Gatling saw every measured looped request too, and no warmup one (those went to the warmup's own writers)
        assertThat(run.output())
                .containsPattern("> looped lookup +\\| +"
                        + String.format("%,d", looped.get("count").asLong()))
                .doesNotContain("not warmed up")
                .doesNotContain("warmup's Gatling log");
    }

    @Test
    void killedBackendsAndTimeoutsAreCountedAndTheRunRecovers() throws Exception {
        Run run = gatling(FaultsSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode lookup = findRequest(results, "lookup");
        assertThat(lookup.get("count").asLong())
                .as("every lookup completed, OK or KO")
                .isEqualTo(800);
        // the killed backends made some lookups fail, with a connection-level SQLSTATE, and the pool replaced them
        assertThat(lookup.get("ok").asLong()).isGreaterThan(600);
        assertThat(findRequest(results, "kill backends").get("ok").asLong()).isEqualTo(3);
        JsonNode slow = findRequest(results, "too slow");
        assertThat(slow.get("count").asLong()).isEqualTo(8);
        assertThat(slow.get("ko").asLong()).isEqualTo(8);
        // (one may instead be hit by the killer)
        assertThat(slow.at("/errors/57014: ERROR: canceling statement due to statement timeout")
                        .asLong())
                .isGreaterThanOrEqualTo(6);
        assertThat(lookup.get("errors").fieldNames().next()).matches("(57P01|08\\d\\d\\d): .*");
    }

    @Test
    void everyStatementOfATransactionSeesTheSameValueOfASharedParameter() throws Exception {
        Run run = gatling(dev.salvo.dsl.it.SharedParametersSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode tx = findRequest(results, "same value");
        JsonNode compare = findRequest(results, "same value / compare");
        assertThat(tx.get("ko").asLong()).as(tx.get("errors").toString()).isZero();
        assertThat(tx.get("count").asLong()).isGreaterThan(100);
        assertThat(compare.get("count").asLong()).isEqualTo(tx.get("count").asLong());
        assertThat(compare.get("rows").asLong())
                .as("one row per execution: both statements saw one value")
                .isEqualTo(tx.get("count").asLong());
    }

    @Test
    void aFailedTransactionKeepsTheSqlStateAndStepOfItsCauseWhenBackendsAreTerminated() throws Exception {
        Run run = gatling(dev.salvo.dsl.it.TransactionFaultsSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode transfer = findRequest(results, "transfer");
        JsonNode lookup = findRequest(results, "lookup");
        assertThat(transfer.get("count").asLong() + lookup.get("count").asLong())
                .as("every visit completed")
                .isEqualTo(800);
        assertThat(transfer.get("ko").asLong())
                .as("the killer hit transactions")
                .isPositive();
        // every failure of the transaction has the SQLSTATE of the statement (or commit) that failed, and names it
        assertThat(transfer.get("errorClasses").has("?"))
                .as(transfer.get("errors").toString())
                .isFalse();
        transfer.get("errors")
                .fieldNames()
                .forEachRemaining(error -> assertThat(error)
                        .matches("(57P01|08\\d\\d\\d): at (begin|statement '(take|pause|give)'|commit): .*"));
        long statementFailures = 0;
        for (String statement : List.of("take", "pause", "give")) {
            JsonNode s = findRequest(results, "transfer / " + statement);
            assertThat(s.get("errorClasses").has("?"))
                    .as(s.get("errors").toString())
                    .isFalse();
            statementFailures += s.get("ko").asLong();
        }
        assertThat(statementFailures)
                .as("each failed execution failed at one statement, or at commit")
                .isLessThanOrEqualTo(transfer.get("ko").asLong());
        assertThat(results.at("/requestInfo/transfer/secondaryErrors").isNumber())
                .isTrue();
        System.out.println("[transaction faults] transfer " + transfer.get("count") + " requests, " + transfer.get("ko")
                + " failed, by class " + transfer.get("errorClasses") + ", errors " + transfer.get("errors")
                + "; statement failures " + statementFailures + "; secondary errors "
                + results.at("/requestInfo/transfer/secondaryErrors") + "; lookup " + lookup.get("count") + "/"
                + lookup.get("ko") + " " + lookup.get("errorClasses"));
    }

    @Test
    void thePasswordAppearsInNoOutput() throws Exception {
        String secret = "S3cr3t-Pw-" + System.nanoTime();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "secrets-pg"));
                Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            DemoSchema.load(c);
            Run run = gatling(
                    TinySimulation.class,
                    "-Dsalvo.url=jdbc:postgresql://localhost:" + db.port() + "/postgres?password=" + secret
                            + "&ApplicationName=t",
                    "-Dsalvo.user=postgres",
                    "-Dsalvo.password=" + secret);
            // 0, or 1 when this machine's load breaks TinySimulation's default SLO: this test is about secrets
            assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
            List<Path> leaks;
            try (Stream<Path> files = Files.walk(run.dir())) {
                leaks = files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().endsWith(".gz"))
                        .filter(f -> contains(f, secret))
                        .toList();
            }
            assertThat(leaks).as("files mentioning the password").isEmpty();
            String results = Files.readString(run.salvoRun().resolve("results.json"));
            assertThat(results).contains("password=***");
        }
    }

    private static boolean contains(Path file, String secret) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode findRequest(JsonNode results, String name) {
        for (JsonNode r : results.get("requests")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no request '" + name + "' in " + results);
    }

    @Test
    void sqlThatDoesNotParseStopsBeforeLoadWithOneLine() throws Exception {
        Run run = gatling(BadSqlSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("[salvo] ERROR request 'broken': the SQL must be accepted by postgresql, but "
                        + "ERROR: syntax error at or near \"SELEC\" (SQLSTATE 42601) in: SELEC * FROM orders");
        assertOneLineNoStackTrace(run);
        assertThat(run.embeddedDataLeft()).isFalse();
    }

    @Test
    void unboundParameterStopsWhileBuilding() throws Exception {
        Run run = gatling(UnboundParameterSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("[salvo] ERROR request 'lookup': every parameter in the SQL must be bound, but [id] is not");
        assertOneLineNoStackTrace(run);
    }

    @Test
    void unreachableDatabaseStopsBeforeLoadWithOneLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Run run = gatling(
                TinySimulation.class,
                "-Dsalvo.url=jdbc:postgresql://localhost:" + closedPort + "/app",
                "-Dsalvo.password=never-printed");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("[salvo] ERROR database jdbc:postgresql://localhost:" + closedPort
                        + "/app: must accept a connection, but ")
                .contains("(SQLSTATE 08001)");
        assertThat(run.output()).doesNotContain("never-printed");
        assertOneLineNoStackTrace(run);
    }

    @Test
    void aRunWhoseResultsCannotBeWrittenCrashesWithStatusThreeAndOneLineNamingTheDirectory() throws Exception {
        Path notADirectory = Files.createTempFile(Path.of("target"), "not-a-directory-", ".txt")
                .toAbsolutePath();
        Path results = notADirectory.resolve("salvo");
        Run run = gatling(TinySimulation.class, "-Dsalvo.resultsDir=" + results);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("[salvo] ERROR results could not be written: ");
        assertThat(run.output()
                        .lines()
                        .filter(l -> l.startsWith("[salvo] CRASHED"))
                        .toList())
                .containsExactly("[salvo] CRASHED results: salvo.resultsDir must be a writable directory, but "
                        + results + " is not (Not a directory)");
        assertThat(run.output()).doesNotContain("SLOs: all");
        assertThat(run.embeddedDataLeft()).isFalse();
    }

    @Test
    void gatlingsOwnLauncherReportsABreachedSloButExitsWithItsOwnStatus() throws Exception {
        Run run = ForkedGatling.run(ForkedGatling.GATLING_LAUNCHER, SloBreachSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[salvo] SLO FAILED POINT_LOOKUP 'slow lookup'");
    }

    @Test
    void gatlingsOwnLauncherStopsOnAConfigurationErrorWithStatusOne() throws Exception {
        Run run = ForkedGatling.run(ForkedGatling.GATLING_LAUNCHER, UnboundParameterSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("request 'lookup': every parameter in the SQL must be bound, but [id] is not");
    }

    private static void assertOneLineNoStackTrace(Run run) {
        assertThat(run.output().lines().filter(l -> l.contains("ERROR"))).hasSize(1);
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
