package dev.salvo.dsl;

import static dev.salvo.dsl.SqlDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import org.junit.jupiter.api.Test;

class SqlDslTest {

    @Test
    void buildersAreImmutable() {
        SqlRequestBuilder base = pointLookup("q").query("SELECT * FROM orders WHERE order_id = :key");
        SqlRequestBuilder bound = base.param("key", 1);
        assertThat(bound).isNotSameAs(base);
        assertThatThrownBy(base::asScala).hasMessageContaining("[key] is not");
        // a request built from a table with nothing bound draws its kind's implicit parameters instead
        assertThat(((SqlActionBuilder)
                                pointLookup("t").table("orders").key("order_id").asScala())
                        .statements()
                        .get(0)
                        .implicitParameters())
                .isTrue();
        assertThat(((SqlActionBuilder) bound.asScala()).kind()).isEqualTo(QueryKind.POINT_LOOKUP);
    }

    @Test
    void percentagesMustSumTo100() {
        MixBuilder m =
                mix("m").percentages().add(60, sql("a").query("SELECT 1")).add(30, sql("b").query("SELECT 2"));
        assertThatThrownBy(m::asScala)
                .isInstanceOf(SalvoException.class)
                .hasMessage("mix 'm': percentages must sum to 100, but sum to 90.0");
        // relative weights need not
        assertThat(mix("m").add(6, sql("a").query("SELECT 1"))
                        .add(3, sql("b").query("SELECT 2"))
                        .asScala())
                .isNotNull();
    }

    @Test
    void aGenericQueryNeedsSql() {
        assertThatThrownBy(() -> sql("g").table("orders"))
                .hasMessage(
                        "request 'g': a generic query must be given its SQL with .query(...), but .table(\"orders\") was used");
    }

    @Test
    void aKindsTemplateNeedsItsColumns() {
        assertThatThrownBy(() -> rangeScan("r").table("orders").asScala())
                .hasMessage(
                        "request 'r': RANGE_SCAN: the range must be set with .range(...) for the default SQL, but it was not");
    }

    @Test
    void shapeMethodsNeedATable() {
        assertThatThrownBy(() -> sql("q").query("SELECT 1").key("id"))
                .hasMessage("request 'q': .key(...) must follow .table(...), but the request has explicit SQL");
    }

    @Test
    void bindingTwiceOrNeverIsAnError() {
        assertThatThrownBy(() -> sql("q").query("SELECT :a").param("a", 1).param("a", 2))
                .hasMessage("request 'q': parameter 'a' must be bound once, but is bound twice");
        assertThatThrownBy(() -> sql("q").query("SELECT :a").param("b", 1).asScala())
                .hasMessageStartingWith("request 'q': every parameter in the SQL must be bound, but [a] is not");
    }

    @Test
    void kindsParseFromStrings() {
        assertThat(queryKind("point-lookup")).isEqualTo(QueryKind.POINT_LOOKUP);
        assertThat(queryKind("approx_distinct")).isEqualTo(QueryKind.APPROX_DISTINCT);
        assertThatThrownBy(() -> queryKind("lookup"))
                .hasMessageStartingWith("query kind: must be one of [POINT_LOOKUP,")
                .hasMessageEndingWith("but was 'lookup'");
    }

    @Test
    void transactionsNeedStatements() {
        assertThatThrownBy(() -> transaction("t").asScala())
                .hasMessage("transaction 't': must have at least one statement, but had none");
    }

    @Test
    void protocolSettingsAreChecked() {
        assertThatThrownBy(() -> database().poolSize(0))
                .hasMessage("database: poolSize must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> database().url("postgres://x"))
                .hasMessage("salvo.url: a JDBC URL must start with 'jdbc:', but was 'postgres://x'");
        assertThat(database().password("s3cret").protocol().toString()).doesNotContain("s3cret");
    }
}
