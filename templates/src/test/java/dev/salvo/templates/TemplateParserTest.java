package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.StrategyKind;
import dev.salvo.sql.QueryKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParserTest {
    static Template parse(String yaml) {
        return TemplateParser.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void convertsPositionalPlaceholdersTableAndListsToNamedSql() {
        Template t = parse("""
        name: t
        table: {name: orders, schema: public, columns: {category: TEXT, order_date: DATE}}
        custom_queries:
          - query_kind: AGGREGATION
            weight_pct: 100
            sql: "SELECT '?', \\"{x}\\" FROM {table} WHERE category IN ({cats}) AND order_date >= ? -- ? {y}"
            parameters:
              - {name: cats, strategy: sample_list, column: category, count: [2], placeholder: "{cats}"}
              - {name: since, type: date, strategy: random_in_range, column: order_date}
        """);
        Template.Query q = t.queries().get(0);
        assertThat(q.sql())
                .isEqualTo("SELECT '?', \"{x}\" FROM \"public\".\"orders\" WHERE category IN (:cats) "
                        + "AND order_date >= :since -- ? {y}");
        assertThat(q.parameters())
                .extracting(ParameterSpec::column)
                .containsExactly("public.orders.category", "public.orders.order_date");
        assertThat(q.parameters().get(1).type()).isEqualTo(ParamType.DATE);
        assertThat(q.name()).isEqualTo("aggregation_1");
    }

    @Test
    void readsGenericSqlAsGenericAndKeepsTwoDecimalWeights() {
        Template t = parse("""
        name: t
        table: {name: orders}
        custom_queries:
          - {query_kind: GENERIC_SQL, weight_pct: 33.33, label: a, sql: SELECT 1}
          - {query_kind: generic, weight_pct: 66.67, label: b, sql: SELECT 2}
        """);
        assertThat(t.queries()).extracting(Template.Query::kind).containsExactly(QueryKind.GENERIC, QueryKind.GENERIC);
        assertThat(t.queries())
                .extracting(Template.Query::weightPercent)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("66.67"));
    }

    @Test
    void givesAQueryWithoutParametersItsKindsImplicitOnes() {
        Template t = parse("""
        name: t
        table: {name: orders, primary_key: [order_id]}
        custom_queries:
          - {query_kind: POINT_LOOKUP, weight_pct: 50, sql: "SELECT * FROM {table} WHERE order_id = ?"}
          - {query_kind: RANGE_SCAN, weight_pct: 50, sql: "SELECT * FROM {table} WHERE order_id BETWEEN ? AND ?"}
        """);
        assertThat(t.queries().get(0).parameters())
                .extracting(ParameterSpec::toString)
                .containsExactly("id (sample_from_table orders.order_id)");
        assertThat(t.queries().get(1).parameters())
                .extracting(ParameterSpec::toString)
                .containsExactly("start (sample_from_table orders.order_id)", "end (offset_from_previous after start)");
        assertThat(t.queries().get(1).parameters().get(1).offsets()).containsExactly(100);
        assertThat(t.queries().get(1).sql()).endsWith("BETWEEN :start AND :end");
    }

    @Test
    void mapsFlakeBenchPoolsToProfileStrategiesOnTheKey() {
        Template t = parse("""
        name: t
        table: {name: orders, primary_key: order_id}
        custom_queries:
          - query_kind: GENERIC
            weight_pct: 100
            sql: SELECT ?, ?
            parameters:
              - {name: k, strategy: sample_from_pool, pool: KEY}
              - {name: r, strategy: sample_from_pool, pool: RANGE, column: customers.customer_id}
        """);
        assertThat(t.queries().get(0).parameters())
                .extracting(ParameterSpec::strategy, ParameterSpec::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StrategyKind.SAMPLE_FROM_TABLE, "orders.order_id"),
                        org.assertj.core.groups.Tuple.tuple(StrategyKind.RANDOM_IN_RANGE, "customers.customer_id"));
    }

    @Test
    void typesChoiceValuesAsYamlDoes() {
        Template t = parse("""
        name: t
        table: {name: orders}
        custom_queries:
          - query_kind: GENERIC
            weight_pct: 100
            sql: SELECT ?
            parameters:
              - {name: v, strategy: choice, values: [1, 3000000000, 1.5, 'x', 2024-02-29, true]}
        """);
        assertThat(t.queries().get(0).parameters().get(0).values())
                .containsExactly(1, 3_000_000_000L, 1.5, "x", LocalDate.of(2024, 2, 29), true);
    }

    @Test
    void readsTheLoadAndDefaults() {
        Template t = parse("""
        name: t
        table: {name: orders}
        custom_queries: [{query_kind: WIDE_SCAN, weight_pct: 100, sql: SELECT 1}]
        test: {load_mode: QPS, target_qps: 2.5, targets: {max_p95_latency_ms: 10}}
        salvo: {seed: 9, ramp_seconds: 4}
        """);
        Template.Load l = t.load();
        assertThat(l.mode()).isEqualTo(Template.LoadMode.QPS);
        assertThat(l.targetQps()).isEqualTo(2.5);
        assertThat(l.durationSeconds()).isEqualTo(60);
        assertThat(l.effectivePoolSize()).isEqualTo(8);
        assertThat(l.targets()).isEqualTo(new Template.Targets(null, 10L, null, null));
        assertThat(l.seed()).isEqualTo(9L);
        assertThat(l.rampSeconds()).isEqualTo(4);
    }

    @Test
    void hashesTheTemplateBytes() {
        Template t = TemplateParser.parse(Path.of("src/test/resources/golden/qps_ramp.yaml"));
        assertThat(t.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(t.file()).isEqualTo("src/test/resources/golden/qps_ramp.yaml");
    }

    @Test
    void listsEveryProblemOfOneTemplate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("""
        name: t
        table: {name: orders}
        custom_queries:
          - {query_kind: WIDE_SCAN, weight_pct: 0, sql: SELECT 1}
          - {query_kind: WIDE_SCAN, weight_pct: 100, label: wide_scan_1, sql: SELECT 1}
        """))
                .isInstanceOfSatisfying(
                        TemplateException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "t.yaml:4:41: custom_queries[0].weight_pct: must be a positive percentage with at most 2 decimals, but was 0",
                                        "t.yaml:5:53: custom_queries[1].label: every request name must be unique, but 'wide_scan_1' is also "
                                                + "custom_queries[0]'s"));
    }

    @Test
    void keepsTheTemplatesOtherKeysWithoutComplaint() {
        Template t = parse("""
        name: t
        description: d
        version: 2
        category: OLTP
        table:
          name: orders
          database: shop
          table_type: HYBRID
          clustering_keys: [order_date]
          indexes: [{name: i, columns: [a]}]
          initial_row_count: 10
        profile_columns: [{name: order_date, type: date, sample_size: 100}]
        custom_queries: [{query_kind: WIDE_SCAN, weight_pct: 100, sql: "SELECT * FROM {table}", operation_type: READ}]
        """);
        assertThat(t.queries().get(0).sql()).isEqualTo("SELECT * FROM \"shop\".\"orders\"");
        assertThat(List.of(t.description(), t.version(), t.category())).containsExactly("d", "2", "OLTP");
    }
}
