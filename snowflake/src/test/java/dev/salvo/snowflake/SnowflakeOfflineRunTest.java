package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.SnowflakeResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole Snowflake run with no network: a REAL forked Gatling run with the REAL snowflake-jdbc driver against
 * {@link FakeSnowflakeEndpoint} on the loopback interface (constructed answers; its query history is made of the
 * statements it received, with the tags the driver sent). Proves the automatic path end to end: session setup, per-
 * statement tags, the end-of-run hook's poller and history reading over JDBC, snowflake.json and the report section.
 */
class SnowflakeOfflineRunTest {
    @Test
    void aSnowflakeRunEndsWithSnowflakeJsonJoinedByTheTagsTheDriverSent() throws Exception {
        try (FakeSnowflakeEndpoint snowflake = new FakeSnowflakeEndpoint()) {
            ForkedGatling.Run run = ForkedGatling.run(
                    SnowflakeOfflineSimulation.class,
                    "-Dsalvo.url=" + snowflake.url() + "/?ssl=off",
                    "-Dsalvo.user=bench",
                    "-Dsalvo.password=pw",
                    "-Dsalvo.warehouse=BENCH_WH",
                    "-Dsalvo.resultCache=off",
                    "-Dsalvo.snowflake.pollSeconds=1",
                    "-Dsalvo.snowflake.historyWaitSeconds=10",
                    "-Dsalvo.snowflake.pricePerCredit=3");
            assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
            Path dir = run.salvoRun();
            String runId = dir.getFileName().toString();
            RunResults results = ResultsFiles.read(dir);
            long byId = results.requests().stream()
                    .filter(r -> r.name().equals("by id"))
                    .findFirst()
                    .orElseThrow()
                    .count();
            long count = results.requests().stream()
                    .filter(r -> r.name().equals("count"))
                    .findFirst()
                    .orElseThrow()
                    .count();
            long again = results.requests().stream()
                    .filter(r -> r.name().equals("by id again"))
                    .findFirst()
                    .orElseThrow()
                    .count();
            assertThat(byId).isPositive();
            assertThat(again).isPositive();

            List<JsonNode> sent = snowflake.queries();
            assertThat(sent)
                    .filteredOn(q -> q.path("sqlText").asText().startsWith("ALTER SESSION SET QUERY_TAG"))
                    .as("the session setup on each pooled connection")
                    .isNotEmpty()
                    .allSatisfy(q -> assertThat(q.path("sqlText").asText())
                            .contains(runId)
                            .contains("USE_CACHED_RESULT = FALSE"));
            assertThat(sent)
                    .filteredOn(q -> q.path("sqlText").asText().startsWith("SELECT * FROM ORDERS")
                            && !q.path("describeOnly").asBoolean())
                    .as("two requests with the same SQL text: each execution carries its own request's tag")
                    .extracting(q -> q.path("parameters").path("QUERY_TAG").asText())
                    .containsOnly(
                            "{\"salvo\":\"" + runId + "\",\"worker\":0,\"request\":\"by id\"}",
                            "{\"salvo\":\"" + runId + "\",\"worker\":0,\"request\":\"by id again\"}")
                    .contains("{\"salvo\":\"" + runId + "\",\"worker\":0,\"request\":\"by id again\"}")
                    .filteredOn(t -> t.endsWith("\"by id again\"}"))
                    .hasSize((int) again);

            SnowflakeResults s = SnowflakeResults.read(dir).orElseThrow(() -> new AssertionError(run.output()));
            assertThat(s.resultCache()).isEqualTo("off");
            assertThat(s.requests())
                    .extracting(SnowflakeResults.Request::request)
                    .startsWith("by id", "by id again", "count");
            assertThat(s.requests().get(0).snowflake().queries())
                    .as("warmup-free run: every measured request found")
                    .isEqualTo(byId);
            assertThat(s.requests().get(1).snowflake().queries())
                    .as("same SQL text, its own tag: joined apart")
                    .isEqualTo(again);
            assertThat(s.requests().get(2).snowflake().queries()).isGreaterThanOrEqualTo(count);
            assertThat(s.requests().get(0).snowflake().meanCompilationMillis()).isEqualTo(2.0);
            assertThat(s.warehouse())
                    .isNotEmpty()
                    .allSatisfy(w -> assertThat(w.size()).isEqualTo("X-Small"));
            assertThat(s.cost().creditsPerHour()).isEqualTo(1.0);
            assertThat(s.cost().pricePerCredit()).isEqualTo(3.0);
            assertThat(snowflake.loadRanges())
                    .as("WAREHOUSE_LOAD_HISTORY read once over JDBC, bound")
                    .singleElement()
                    .satisfies(r -> assertThat(r).endsWith(",BENCH_WH"));
            long from = Long.parseLong(snowflake.loadRanges().get(0).split(",")[0]);
            assertThat(from)
                    .isEqualTo(java.time.Instant.parse(results.startedAt()).toEpochMilli());
            assertThat(s.warehouseName()).isEqualTo("BENCH_WH");
            assertThat(s.warehouseLoad())
                    .containsExactly(
                            new SnowflakeResults.Load(from, from + 5_000, 1.5, 0, 0.25, 0),
                            new SnowflakeResults.Load(from + 5_000, from + 10_000, 2.0, 0.5, 0, 0));
            assertThat(s.estimates())
                    .as("waited 10 s (historyWaitSeconds), not the documented minute")
                    .anyMatch(e -> e.startsWith("warehouseLoad: read ") && e.contains("within one minute"));
            assertThat(run.output())
                    .contains("[salvo] snowflake: ")
                    .doesNotContain("WARN run hook")
                    .doesNotContain("WARN snowflake");
            assertThat(Files.readString(dir.resolve("index.html"))).contains("id=\"chart-snowflake-load\"");
            assertThat(Files.readString(dir.resolve("index.html"))).contains("<section id=\"snowflake\">");
        }
    }
}
