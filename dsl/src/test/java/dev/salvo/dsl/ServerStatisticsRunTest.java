package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.it.ServerStatsSimulation;
import dev.salvo.dsl.it.ServerStatsWarmupSimulation;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real Gatling run on the embedded PostgreSQL, joined to pg_stat_statements and sampled for wait events. */
class ServerStatisticsRunTest {

    @Test
    void eachRequestsServerCallsEqualItsOkCountAndTheSlowStatementIsFlagged() throws Exception {
        Run run = ForkedGatling.run(ServerStatsSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        assertThat(results.get("formatVersion").asInt()).isEqualTo(3);
        JsonNode server = results.get("server");
        assertThat(server.get("server").asText()).startsWith("PostgreSQL 18");
        assertThat(server.get("unavailable"))
                .as("the embedded server has everything")
                .isEmpty();
        assertThat(server.get("warnings")).isEmpty();

        JsonNode byId = server.at("/requests/order by id");
        assertThat(byId.get("ok").asLong()).isEqualTo(200);
        assertThat(byId.get("serverCalls").asLong()).isEqualTo(200);
        assertThat(byId.at("/statements/0/matchedBy").asText()).isEqualTo("queryId");
        assertThat(byId.at("/statements/0/server/rows").asLong()).isEqualTo(200);
        assertThat(byId.get("clientOverheadMicros").asDouble())
                .isEqualTo(
                        byId.get("clientServiceMeanMicros").asDouble()
                                - byId.get("serverMeanMicros").asDouble(),
                        org.assertj.core.api.Assertions.within(0.002));
        assertThat(byId.get("outliers")).hasSize(20);
        assertThat(byId.at("/outliers/0/plans/0/Query Identifier").asText())
                .isEqualTo(byId.at("/statements/0/server/queryId").asText());
        assertThat(byId.at("/outliers/0/responseMicros").asDouble())
                .isGreaterThanOrEqualTo(byId.at("/outliers/19/responseMicros").asDouble());

        JsonNode transfer = server.at("/requests/transfer");
        assertThat(transfer.get("ok").asLong()).isEqualTo(20);
        JsonNode statements = transfer.get("statements");
        assertThat(statements).hasSize(3);
        for (JsonNode s : statements) {
            assertThat(s.at("/server/calls").asLong()).as(s.get("sql").asText()).isEqualTo(20);
        }
        double take = statements.at("/0/server/meanExecMillis").asDouble();
        double dawdle = statements.at("/1/server/meanExecMillis").asDouble();
        double give = statements.at("/2/server/meanExecMillis").asDouble();
        assertThat(dawdle)
                .as("pg_sleep(0.005)")
                .isGreaterThanOrEqualTo(5.0)
                .isGreaterThan(take)
                .isGreaterThan(give);
        assertThat(statements.at("/0/server/walRecords").asLong()).isPositive();

        JsonNode divide = server.at("/requests/divide");
        assertThat(divide.get("ok").asLong()).isZero();
        assertThat(divide.at("/errors/0/error").asText()).startsWith("22012: ERROR: division by zero");
        assertThat(divide.at("/errors/0/parameters/0/0").asText()).isEqualTo("0");

        assertThat(server.at("/waits/samples").asLong()).isPositive();
        assertThat(server.at("/database/xactCommit").asDouble()).isGreaterThanOrEqualTo(20);
        assertThat(results.at("/config/server.applicationName").asText()).startsWith("salvo-");
        String html = Files.readString(run.salvoRun().resolve("index.html"));
        assertThat(html)
                .contains("<h2 id=\"server\">Server</h2>")
                .containsPattern(
                        "<tr class=\"statement slowest\"><td class=\"l sql\"><span class=\"flag\"[^>]*>slowest</span> "
                                + "SELECT pg_sleep\\(\\?\\)");
    }

    @Test
    void theWarmupsPractisedServerCallsAreDroppedAndTheCountersCoverTheMeasurementOnly() throws Exception {
        Run run = ForkedGatling.run(ServerStatsWarmupSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode lookup = results.at("/requests/0");
        assertThat(lookup.get("warmupRequests").asLong()).isEqualTo(40);
        assertThat(lookup.get("count").asLong()).isEqualTo(60);
        JsonNode server = results.get("server");
        assertThat(server.get("unavailable")).isEmpty();
        // the practice snapshot (taken when the load started) is not the window's start: the warmup's 40 are not in it
        assertThat(server.at("/requests/order by id/serverCalls").asLong()).isEqualTo(60);
        assertThat(server.at("/waits/samples").asLong()).isPositive();
    }

    @Test
    void withoutTheExtensionTheRunGoesOnAndSaysWhatWasUnavailableInOneLine() throws Exception {
        try (EmbeddedDatabase db =
                EmbeddedDatabase.start(Path.of("target", "server-bare-pg"), Map.of("shared_preload_libraries", ""))) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
                DemoSchema.load(c);
            }
            Run run = ForkedGatling.run(
                    ServerStatsSimulation.class,
                    "-Dsalvo.url=jdbc:postgresql://localhost:" + db.port() + "/postgres",
                    "-Dsalvo.user=postgres");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).doesNotContain("Exception");
            JsonNode server = new ObjectMapper()
                    .readTree(run.salvoRun().resolve("results.json").toFile())
                    .get("server");
            assertThat(server.get("unavailable")).hasSize(1);
            assertThat(server.at("/unavailable/0").asText())
                    .isEqualTo("pg_stat_statements: unavailable: the extension is "
                            + "not installed in database postgres (it needs shared_preload_libraries = 'pg_stat_statements', a restart, "
                            + "and CREATE EXTENSION pg_stat_statements)");
            assertThat(server.at("/requests/order by id/ok").asLong()).isEqualTo(200);
            assertThat(server.at("/requests/order by id/serverCalls").isNull()).isTrue();
            assertThat(server.at("/requests/order by id/statements/0/problem").asText())
                    .startsWith("not joined: no pg_stat_statements entry in the window for query identifier ");
            assertThat(server.at("/database/xactCommit").asDouble()).isPositive(); // the rest is still there
            assertThat(server.at("/waits/samples").asLong()).isPositive();
        }
    }
}
