package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.runtime.RunContext;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SessionSetup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The per-request tag through the REAL snowflake-jdbc driver, against {@link FakeSnowflakeEndpoint} on the loopback
 * interface (constructed answers, no network): what the driver puts on the wire for a statement the hook tagged.
 */
class SnowflakeStatementTagTest {
    @Test
    void theDriverSendsEachStatementsTagWithItsQueryRequestAndNoExtraStatement() throws Exception {
        try (FakeSnowflakeEndpoint snowflake = new FakeSnowflakeEndpoint()) {
            String runId = "Sim-20261201000000000";
            SnowflakeRunHook hook = new SnowflakeRunHook(
                    r -> new SnowflakeRunHookTest.FakeSnowflake(List.of(List.of()), null),
                    Map.of("pollSeconds", "0"),
                    System::currentTimeMillis);
            RunContext run = new RunContext(
                    runId,
                    "snowflake",
                    DatabaseSettings.of(snowflake.url(), "bench", "pw"),
                    new SessionSetup(runId, 2, Duration.ZERO, true),
                    Instant.now(),
                    new ConcurrentHashMap<>());
            assertThat(hook.start(run)).isTrue();
            Properties p = new Properties();
            p.put("user", "bench");
            p.put("password", "pw");
            p.put("ssl", "off");
            p.put("disablePlatformDetection", "true");
            p.put("loginTimeout", "30");
            try (Connection c = DriverManager.getConnection(snowflake.url(), p);
                    PreparedStatement byId = c.prepareStatement("SELECT * FROM ORDERS WHERE O_ORDERKEY = ?");
                    PreparedStatement count =
                            c.prepareStatement("SELECT COUNT(*) FROM ORDERS WHERE O_ORDERSTATUS = ?")) {
                hook.prepared(byId, "by id");
                hook.prepared(count, "count");
                for (int i = 0; i < 2; i++) {
                    byId.setLong(1, i);
                    try (ResultSet rs = byId.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                count.setString(1, "F");
                try (ResultSet rs = count.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            List<JsonNode> sent = snowflake.queries();
            assertThat(sent)
                    .extracting(q -> q.path("sqlText").asText())
                    .as("one query request per execution, no ALTER" + " SESSION")
                    .containsExactly(
                            "SELECT * FROM ORDERS WHERE O_ORDERKEY = ?",
                            "SELECT * FROM ORDERS WHERE O_ORDERKEY = ?",
                            "SELECT COUNT(*) FROM ORDERS WHERE O_ORDERSTATUS = ?");
            assertThat(sent)
                    .extracting(q -> q.path("parameters").path("QUERY_TAG").asText())
                    .containsExactly(
                            "{\"salvo\":\"" + runId + "\",\"worker\":2,\"request\":\"by id\"}",
                            "{\"salvo\":\"" + runId + "\",\"worker\":2,\"request\":\"by id\"}",
                            "{\"salvo\":\"" + runId + "\",\"worker\":2,\"request\":\"count\"}");
        }
    }

    @Test
    void twoStatementsWithTheSameSqlTextOnOneConnectionEachSendTheirOwnTag() throws Exception {
        try (FakeSnowflakeEndpoint snowflake = new FakeSnowflakeEndpoint()) {
            String runId = "Sim-20261202000000000";
            SnowflakeRunHook hook = new SnowflakeRunHook(
                    r -> new SnowflakeRunHookTest.FakeSnowflake(List.of(List.of()), null),
                    Map.of("pollSeconds", "0"),
                    System::currentTimeMillis);
            assertThat(hook.start(new RunContext(
                            runId,
                            "snowflake",
                            DatabaseSettings.of(snowflake.url(), "bench", "pw"),
                            new SessionSetup(runId, 0, Duration.ZERO, true),
                            Instant.now(),
                            new ConcurrentHashMap<>())))
                    .isTrue();
            Properties p = new Properties();
            p.put("user", "bench");
            p.put("password", "pw");
            p.put("ssl", "off");
            p.put("disablePlatformDetection", "true");
            String sql = "SELECT * FROM ORDERS WHERE O_ORDERKEY = ?";
            try (Connection c = DriverManager.getConnection(snowflake.url(), p);
                    PreparedStatement first = c.prepareStatement(sql);
                    PreparedStatement second = c.prepareStatement(sql)) {
                hook.prepared(first, "by id");
                hook.prepared(second, "by id again");
                for (PreparedStatement ps : List.of(first, second, first, second, second)) {
                    ps.setLong(1, 7);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }
            String tag = "{\"salvo\":\"" + runId + "\",\"worker\":0,\"request\":\"";
            assertThat(snowflake.queries())
                    .extracting(q -> q.path("parameters").path("QUERY_TAG").asText())
                    .as("the driver keeps a statement's parameters on the statement, not per SQL text")
                    .containsExactly(
                            tag + "by id\"}",
                            tag + "by id again\"}",
                            tag + "by id\"}",
                            tag + "by id again\"}",
                            tag + "by id again\"}");
        }
    }
}
