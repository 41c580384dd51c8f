package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTemplatesTest {
    static final Dialect PG = new PostgresDialect();
    static final Dialect SF = new SnowflakeDialect();
    static final TableShape ORDERS = TableShape.of("orders")
            .withKey("order_id")
            .withRange("order_date")
            .withGroup("category")
            .withMeasure("amount");

    @Test
    void pointLookupAndRangeScan() {
        assertThat(SqlTemplates.render(QueryKind.POINT_LOOKUP, ORDERS.withColumns(List.of("amount")), PG))
                .isEqualTo("SELECT \"amount\" FROM \"orders\" WHERE \"order_id\" = :key");
        assertThat(SqlTemplates.render(QueryKind.RANGE_SCAN, ORDERS, PG))
                .isEqualTo("SELECT * FROM \"orders\" WHERE \"order_date\" >= :from AND \"order_date\" < :to");
    }

    @Test
    void writes() {
        TableShape s = ORDERS.withColumns(List.of("status", "amount"));
        assertThat(SqlTemplates.render(QueryKind.INSERT, s, PG))
                .isEqualTo("INSERT INTO \"orders\" (\"status\", \"amount\") VALUES (:status, :amount)");
        assertThat(SqlTemplates.render(QueryKind.UPDATE, s, PG))
                .isEqualTo(
                        "UPDATE \"orders\" SET \"status\" = :status, \"amount\" = :amount WHERE \"order_id\" = :key");
    }

    @Test
    void analyticalKinds() {
        assertThat(SqlTemplates.render(QueryKind.AGGREGATION, ORDERS, PG))
                .isEqualTo(
                        "SELECT \"category\", count(*) AS n, sum(\"amount\") AS total, avg(\"amount\") AS mean FROM \"orders\""
                                + " WHERE \"order_date\" >= :from AND \"order_date\" < :to GROUP BY \"category\"");
        assertThat(SqlTemplates.render(QueryKind.WINDOWED, ORDERS, PG))
                .contains("sum(\"amount\") OVER (PARTITION BY \"category\"");
        assertThat(SqlTemplates.render(
                        QueryKind.ANALYTICAL_JOIN, ORDERS.withGroup("region").withJoin("customers", "customer_id"), PG))
                .isEqualTo(
                        "SELECT b.\"region\", count(*) AS n, sum(a.\"amount\") AS total FROM \"orders\" a JOIN \"customers\" b"
                                + " ON a.\"customer_id\" = b.\"customer_id\" WHERE a.\"order_date\" >= :from AND a.\"order_date\" < :to"
                                + " GROUP BY b.\"region\"");
        assertThat(SqlTemplates.render(QueryKind.WIDE_SCAN, TableShape.of("orders"), PG))
                .isEqualTo("SELECT * FROM \"orders\"");
    }

    @Test
    void approxDistinctUsesTheDialectsFunction() {
        TableShape s = TableShape.of("orders").withColumns(List.of("customer_id"));
        assertThat(SqlTemplates.render(QueryKind.APPROX_DISTINCT, s, PG))
                .isEqualTo("SELECT count(DISTINCT \"customer_id\") AS approx_distinct FROM \"orders\"");
        assertThat(SqlTemplates.render(QueryKind.APPROX_DISTINCT, s, SF))
                .isEqualTo("SELECT APPROX_COUNT_DISTINCT(\"CUSTOMER_ID\") AS approx_distinct FROM \"ORDERS\"");
    }

    @Test
    void hostileIdentifiersStayIdentifiers() {
        assertThat(SqlTemplates.render(
                        QueryKind.POINT_LOOKUP,
                        TableShape.of("o\"; DROP TABLE x; --").withKey("id"),
                        PG))
                .isEqualTo("SELECT * FROM \"o\"\"; DROP TABLE x; --\" WHERE \"id\" = :key");
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> SqlTemplates.render(QueryKind.RANGE_SCAN, TableShape.of("orders"), PG))
                .hasMessage("RANGE_SCAN: the range must be set with .range(...) for the default SQL, but it was not");
        assertThatThrownBy(() -> SqlTemplates.render(QueryKind.GENERIC, TableShape.of("orders"), PG))
                .hasMessage(
                        "GENERIC: a generic query must be given its SQL with .query(...), but only a table was given");
    }
}
