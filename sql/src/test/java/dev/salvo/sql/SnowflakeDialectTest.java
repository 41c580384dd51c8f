package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SQL Salvo sends to set up a Snowflake session (syntax from Snowflake's ALTER SESSION reference; no live check). */
class SnowflakeDialectTest {
    private final Dialect snowflake = new SnowflakeDialect();

    @Test
    void setsTagResultCacheAndTimeoutInOneStatement() {
        assertThat(snowflake.sessionSetupSql(
                        new SessionSetup("Sample01-20261201190000000", 2, Duration.ofMillis(1500), false)))
                .contains("ALTER SESSION SET QUERY_TAG = '{\"salvo\":\"Sample01-20261201190000000\",\"worker\":2}' "
                        + "USE_CACHED_RESULT = FALSE STATEMENT_TIMEOUT_IN_SECONDS = 2");
    }

    @Test
    void alwaysWritesTheResultCacheSwitchAndLeavesTheTimeoutAloneWhenNone() {
        assertThat(snowflake.sessionSetupSql(new SessionSetup("r", 0, Duration.ZERO, true)))
                .contains("ALTER SESSION SET QUERY_TAG = '{\"salvo\":\"r\",\"worker\":0}' USE_CACHED_RESULT = TRUE");
    }

    @Test
    void tagsOneRequestWithItsName() {
        assertThat(snowflake.requestTagSql(new SessionSetup("r", 1, Duration.ZERO, true), "order's \\ lookup"))
                .contains(
                        "ALTER SESSION SET QUERY_TAG = '{\"salvo\":\"r\",\"worker\":1,\"request\":\"order\\'s \\\\\\\\ lookup\"}'");
    }

    @Test
    void recordsTheTagAndTheResultCacheSwitchForTheResults() {
        assertThat(snowflake.sessionFacts(new SessionSetup("r", 1, Duration.ZERO, false)))
                .containsOnly(
                        java.util.Map.entry("snowflake.queryTag", "{\"salvo\":\"r\",\"worker\":1}"),
                        java.util.Map.entry("snowflake.resultCache", "off"));
        assertThat(new PostgresDialect().sessionFacts(new SessionSetup("r", 1, Duration.ZERO, false)))
                .isEmpty();
    }

    @Test
    void postgresSetsOnlyTheTimeoutAndHasNoTags() {
        Dialect pg = new PostgresDialect();
        assertThat(pg.sessionSetupSql(new SessionSetup("r", 0, Duration.ofSeconds(3), false)))
                .contains("SET statement_timeout = 3000");
        assertThat(pg.sessionSetupSql(new SessionSetup("r", 0, Duration.ZERO, false)))
                .isEmpty();
        assertThat(pg.requestTagSql(new SessionSetup("r", 0, Duration.ZERO, false), "x"))
                .isEmpty();
        assertThat(pg.driverHint()).isEmpty();
    }

    @Test
    void quotesANameWrittenTheUnquotedWayInUpperCaseAsSnowflakeStoresIt() {
        assertThat(snowflake.quoteIdentifier("orders")).isEqualTo("\"ORDERS\"");
        assertThat(snowflake.quoteIdentifier("order_id$2")).isEqualTo("\"ORDER_ID$2\"");
        assertThat(snowflake.quoteIdentifier("_tmp")).isEqualTo("\"_TMP\"");
        assertThat(snowflake.quoteIdentifier("ORDERS")).isEqualTo("\"ORDERS\"");
        assertThat(snowflake.quoteIdentifier("OrderItems")).isEqualTo("\"OrderItems\"");
        assertThat(snowflake.quoteIdentifier("a b")).isEqualTo("\"a b\"");
        assertThat(snowflake.quoteIdentifier("2nd")).isEqualTo("\"2nd\"");
        assertThat(snowflake.quoteIdentifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(new PostgresDialect().quoteIdentifier("orders")).isEqualTo("\"orders\"");
    }
}
