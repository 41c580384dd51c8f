package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.reports.ResultsFiles;
import dev.salvo.sql.Connections;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SnowflakeDialect;
import dev.salvo.sql.SnowflakeSettings;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.QueryHistory;
import dev.salvo.sql.snowflake.RequestHistory;
import dev.salvo.sql.snowflake.WarehousePoller;
import dev.salvo.sql.snowflake.WarehouseSample;
import dev.salvo.sql.snowflake.WarehouseSize;
import dev.salvo.sql.snowflake.WarehouseType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real Snowflake account, when one is configured: {@code SALVO_SNOWFLAKE_URL} (e.g.
 * {@code jdbc:snowflake://<org>-<account>.snowflakecomputing.com}), {@code SALVO_SNOWFLAKE_USER}, and
 * {@code SALVO_SNOWFLAKE_PASSWORD} or {@code SALVO_PRIVATE_KEY_FILE} (+ {@code SALVO_PRIVATE_KEY_PASSPHRASE}); the
 * session settings {@code SALVO_WAREHOUSE}, {@code SALVO_DATABASE}, {@code SALVO_SCHEMA}, {@code SALVO_ROLE} as for
 * any run. Without {@code SALVO_SNOWFLAKE_URL} every test is reported as skipped. This suite has never run against a
 * live account in Salvo's own build (there is none); see docs/snowflake.md.
 */
class SnowflakeLiveTest {
    private DatabaseSettings settings;

    /** Each test checks for itself, so that each is reported as skipped (not the class as "0 tests"). */
    @BeforeEach
    void requireAnAccount() {
        String url = System.getenv("SALVO_SNOWFLAKE_URL");
        assumeTrue(
                url != null && !url.isBlank(), "SALVO_SNOWFLAKE_URL is not set: the live Snowflake suite is skipped");
        settings = DatabaseSettings.of(
                url,
                System.getenv("SALVO_SNOWFLAKE_USER"),
                System.getenv("SALVO_SNOWFLAKE_PASSWORD"),
                SnowflakeSettings.fromEnvironment());
    }

    @Test
    void connects() throws Exception {
        try (Connection c = Connections.open(settings);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT CURRENT_ACCOUNT(), CURRENT_VERSION()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNotBlank();
        }
    }

    @Test
    void profilesTheTable() throws Exception {
        try (Connection c = Connections.open(settings)) {
            TableProfile p = new SnowflakeDialect()
                    .profiler()
                    .profile(
                            c,
                            SnowflakeLiveSimulation.TABLE,
                            List.of("O_ORDERKEY", "O_ORDERSTATUS"),
                            ProfileOptions.DEFAULTS);
            assertThat(p.totalRows()).isPositive();
            assertThat(p.column("O_ORDERSTATUS").distinctCount()).isPositive();
        }
    }

    /** A short tagged run, its queries found again in the history and joined per request, and its cost estimated. */
    @Test
    void aShortMixedRunIsFoundInTheHistoryAndCosted() throws Exception {
        String warehouse = settings.snowflake().orElseThrow().warehouse();
        assumeTrue(warehouse != null, "SALVO_WAREHOUSE is not set: the run's warehouse cannot be polled");
        Instant from = Instant.now().minusSeconds(60);
        ForkedGatling.Run run;
        List<WarehouseSample> samples;
        try (Connection pollConnection = Connections.open(settings);
                WarehousePoller poller =
                        WarehousePoller.on(pollConnection, warehouse).start(Duration.ofSeconds(2))) {
            run = ForkedGatling.run(SnowflakeLiveSimulation.class);
            samples = poller.samples();
            assertThat(poller.firstError()).isNull();
        }
        assertThat(run.exitCode()).as(run.output()).isZero();
        String runId = run.salvoRun().getFileName().toString();
        JsonNode results =
                new ObjectMapper().readTree(Files.readString(run.salvoRun().resolve("results.json")));
        assertThat(results.path("config").path("snowflake.queryTag").asText()).contains(runId);
        // the end-of-run hook (SnowflakeRunHook) wrote snowflake.json by itself, every measured request found by its
        // tag
        dev.salvo.reports.SnowflakeResults automatic = dev.salvo.reports.SnowflakeResults.read(run.salvoRun())
                .orElseThrow(() -> new AssertionError("no snowflake.json: " + run.output()));
        assertThat(automatic.requests())
                .filteredOn(r -> r.clientCount() != null)
                .isNotEmpty()
                .allSatisfy(r ->
                        assertThat(r.snowflake().queries()).as(r.request()).isGreaterThanOrEqualTo(r.clientCount()));
        assertThat(java.nio.file.Files.readString(run.salvoRun().resolve("index.html")))
                .contains("id=\"snowflake\"");
        assertThat(automatic.warehouseName()).isEqualTo(warehouse);
        assertThat(automatic.warehouseLoad())
                .as("WAREHOUSE_LOAD_HISTORY over the run's window")
                .isNotEmpty()
                .anySatisfy(l -> assertThat(l.avgRunning()).isPositive());

        Map<String, String> sqlByRequest = new LinkedHashMap<>();
        sqlByRequest.put("order by key", "SELECT * FROM " + SnowflakeLiveSimulation.TABLE + " WHERE O_ORDERKEY = ?");
        sqlByRequest.put(
                "count by status",
                "SELECT COUNT(*) FROM " + SnowflakeLiveSimulation.TABLE + " WHERE O_ORDERSTATUS = ?");
        long requests = 0;
        for (JsonNode r : results.path("requests")) {
            requests += r.path("count").asLong();
        }
        QueryHistory.Result history = new QueryHistory.Result(List.of(), false);
        try (Connection c = Connections.open(settings)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long found = 0;
            while (found < requests && System.nanoTime() < deadline) { // the history shows queries within seconds
                history = QueryHistory.byUser().read(c, runId, from, Instant.now());
                found = RequestHistory.join(history.records(), sqlByRequest).stream()
                        .filter(h -> !h.request().equals(RequestHistory.OTHER))
                        .mapToLong(RequestHistory::queries)
                        .sum();
                if (found < requests) {
                    Thread.sleep(5_000);
                }
            }
            assertThat(found).isGreaterThanOrEqualTo(requests);
        }

        WarehouseSample first = samples.get(0);
        CostModel model = CostModel.of(WarehouseSize.parse(first.size()), WarehouseType.parse(first.type()), 3.0);
        SnowflakeSection section =
                SnowflakeSection.of(ResultsFiles.read(run.salvoRun()), runId, history, sqlByRequest, samples, model, 0);
        section.write(run.salvoRun());
        assertThat(section.resultCache()).isIn("on", "off");
        assertThat(section.requests().get(0).snowflake().meanElapsedMillis()).isPositive();
        assertThat(section.cost().credits()).isPositive();
        assertThat(section.cost().creditsPer1000Queries()).isPositive();
    }
}
