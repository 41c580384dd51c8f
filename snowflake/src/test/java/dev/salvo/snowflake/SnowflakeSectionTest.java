package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunResults;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.HistoryRecord;
import dev.salvo.sql.snowflake.QueryHistory;
import dev.salvo.sql.snowflake.WarehouseSample;
import dev.salvo.sql.snowflake.WarehouseSize;
import dev.salvo.sql.snowflake.WarehouseType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Snowflake section on a REAL results.json (a short Gatling run on the embedded PostgreSQL) joined with a
 * CONSTRUCTED query history and warehouse samples (no Snowflake account).
 */
class SnowflakeSectionTest {
    private static final String BY_ID = "SELECT * FROM orders WHERE order_id = ?";
    private static final String COUNT = "SELECT count(*) FROM orders WHERE order_id < ?";

    private static HistoryRecord record(String text, long elapsed, long execution) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("QUERY_ID", "q");
        row.put("QUERY_TEXT", text);
        row.put("QUERY_TYPE", "SELECT");
        row.put("EXECUTION_STATUS", "SUCCESS");
        row.put("TOTAL_ELAPSED_TIME", elapsed);
        row.put("EXECUTION_TIME", execution);
        row.put("BYTES_SCANNED", 100L);
        return HistoryRecord.fromRow(row);
    }

    @Test
    void joinsClientLatencyWithSnowflakesAccountAndCostAndWritesIt() throws Exception {
        ForkedGatling.Run run = ForkedGatling.run(SectionSimulation.class);
        // 1 when a default SLO breaks on a loaded machine (GatlingLauncher): timing is not what this test is about
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        Path dir = run.salvoRun();
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

        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < byId; i++) {
            records.add(record(BY_ID, 4, 3));
        }
        for (int i = 0; i < count; i++) {
            records.add(record(COUNT, 20, 9));
        }
        records.add(record("SELECT * FROM \"orders\" WHERE 1 = 0", 1, 0));
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("by id", BY_ID);
        sql.put("count", COUNT);
        List<WarehouseSample> samples = List.of(
                new WarehouseSample(0, "WH", "SUSPENDED", "STANDARD", "X-Small", 0, 1, 1, 0, 0, 60L),
                new WarehouseSample(1_000, "WH", "STARTED", "STANDARD", "X-Small", 1, 1, 1, 2, 0, 60L),
                new WarehouseSample(4_000, "WH", "STARTED", "STANDARD", "X-Small", 1, 1, 1, 0, 0, 60L));

        SnowflakeSection section = SnowflakeSection.of(
                results,
                dir.getFileName().toString(),
                new QueryHistory.Result(records, false),
                sql,
                samples,
                CostModel.of(WarehouseSize.XSMALL, WarehouseType.STANDARD, 2.0),
                60_000);
        Path file = section.write(dir);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(file.getFileName().toString()).isEqualTo("snowflake.json");
        assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.path("runId").asText()).isEqualTo(dir.getFileName().toString());
        JsonNode first = json.path("requests").get(0);
        assertThat(first.path("request").asText()).isEqualTo("by id");
        assertThat(first.path("clientCount").asLong()).isEqualTo(byId);
        assertThat(first.path("clientP50Micros").asDouble()).isPositive();
        assertThat(first.path("snowflake").path("queries").asLong()).isEqualTo(byId);
        assertThat(first.path("snowflake").path("meanElapsedMillis").asDouble()).isEqualTo(4.0);
        assertThat(json.path("requests").get(2).path("request").asText()).isEqualTo("(other)");
        assertThat(json.path("requests").get(2).path("clientCount").isNull()).isTrue();
        // one X-Small cluster started at 1 s and billed to 4 s + 60 s tail: 63 s
        JsonNode cost = json.path("cost");
        assertThat(cost.path("billedClusterSeconds").asLong()).isEqualTo(63);
        assertThat(cost.path("credits").asDouble()).isCloseTo(63 / 3600.0, within(1e-12));
        assertThat(cost.path("price").asDouble()).isCloseTo(2 * 63 / 3600.0, within(1e-12));
        // split by execution time: POINT_LOOKUP byId x 3 ms, AGGREGATION count x 9 ms
        double share = 3.0 * byId / (3.0 * byId + 9.0 * count);
        assertThat(cost.path("creditsByKind").path("POINT_LOOKUP").asDouble())
                .isCloseTo(share * 63 / 3600.0, within(1e-12));
        assertThat(cost.path("creditsPer1000Queries").asDouble())
                .isCloseTo(63 / 3600.0 * 1000 / (byId + count), within(1e-12));
        assertThat(json.path("estimates")).hasSize(2);
    }
}
