package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.Tuple;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SnowflakeDialect;
import dev.salvo.sql.TableShape;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreparedRequestTest {

    @Test
    void aParameterUsedTwiceIsDrawnOnce() {
        AtomicInteger draws = new AtomicInteger();
        Map<String, Function<Session, ?>> params = Map.of("from", s -> draws.incrementAndGet(), "id", s -> "x");
        PreparedRequest r = new PreparedRequest(
                SqlRequest.of(
                        "range",
                        QueryKind.RANGE_SCAN,
                        "SELECT * FROM t WHERE d >= :from AND d < :from + 3 AND id = :id",
                        params),
                new PostgresDialect());
        assertThat(r.bind(null)).hasToString("[1, 1, x]");
        assertThat(r.bind(null)).hasToString("[2, 2, x]");
    }

    @Test
    void profileBackedScalarsStayPrimitiveAndAParameterUsedTwiceGetsOneDraw() {
        List<ParameterSpec> specs = List.of(
                ParameterSpec.randomNumeric("lo", 1, 1_000_000),
                ParameterSpec.offsetFromPrevious("hi", "lo", 10),
                ParameterSpec.choice("c", List.of("a", "b")));
        ParameterGenerator generator =
                ParameterGenerator.builder().seed(7).parameters(specs).build();
        PreparedRequest r = new PreparedRequest(
                SqlRequest.of(
                        "range",
                        QueryKind.RANGE_SCAN,
                        "SELECT * FROM t WHERE id >= :lo AND id < :hi AND c = :c AND :lo > 0",
                        Map.of(),
                        specs),
                new PostgresDialect(),
                generator);
        Tuple values = r.newValues();
        for (int draw = 0; draw < 100; draw++) {
            r.bind(null, values); // reused, as a tight loop does
            assertThat(values.kind(0)).isEqualTo(Tuple.Kind.LONG);
            assertThat(values.getLong(1)).isEqualTo(values.getLong(0) + 10);
            assertThat(values.getLong(3))
                    .as("the same draw at both placeholders")
                    .isEqualTo(values.getLong(0));
            assertThat(values.getReference(2)).isIn("a", "b");
        }
        assertThat(r.jdbcSql(values)).isEqualTo("SELECT * FROM t WHERE id >= ? AND id < ? AND c = ? AND ? > 0");
    }

    @Test
    void listValuesExpandTheirPlaceholder() {
        PreparedRequest r = new PreparedRequest(
                SqlRequest.of(
                        "in",
                        QueryKind.POINT_LOOKUP,
                        "SELECT * FROM t WHERE id IN (:ids) AND c = :c",
                        Map.of("ids", s -> List.of(1, 2, 3), "c", s -> "a")),
                new PostgresDialect());
        Tuple values = r.bind(null);
        assertThat(r.jdbcSql(values)).isEqualTo("SELECT * FROM t WHERE id IN (?, ?, ?) AND c = ?");
        Tuple array = r.newValues();
        array.set(0, new int[] {7});
        array.set(1, "a");
        assertThat(r.jdbcSql(array)).isEqualTo("SELECT * FROM t WHERE id IN (?) AND c = ?");
    }

    @Test
    void generatedSqlFollowsTheDialect() {
        SqlRequest request = SqlRequest.of(
                "distinct customers",
                QueryKind.APPROX_DISTINCT,
                TableShape.of("orders").withColumns(List.of("customer_id")),
                Map.of());
        assertThat(new PreparedRequest(request, new SnowflakeDialect()).sql.jdbcSql())
                .isEqualTo("SELECT APPROX_COUNT_DISTINCT(\"CUSTOMER_ID\") AS approx_distinct FROM \"ORDERS\"");
        assertThat(new PreparedRequest(request, new PostgresDialect()).sql.jdbcSql())
                .isEqualTo("SELECT count(DISTINCT \"customer_id\") AS approx_distinct FROM \"orders\"");
    }

    @Test
    void twoRequestsWithTheSameSqlTextHaveStatementCacheKeysOfTheirOwn() {
        Map<String, Function<Session, ?>> params = Map.of("ids", s -> List.of(1, 2), "c", s -> "a");
        String text = "SELECT * FROM t WHERE id IN (:ids) AND c = :c";
        PreparedRequest a =
                new PreparedRequest(SqlRequest.of("a", QueryKind.POINT_LOOKUP, text, params), new PostgresDialect());
        PreparedRequest b =
                new PreparedRequest(SqlRequest.of("b", QueryKind.POINT_LOOKUP, text, params), new PostgresDialect());
        String sql = a.sql.jdbcSql();
        assertThat(a.statementKey(sql))
                .isNotEqualTo(b.statementKey(sql))
                .startsWith(sql)
                .isSameAs(a.statementKey(a.jdbcSql(a.newValues())));
        String expanded = a.jdbcSql(a.bind(null));
        assertThat(a.statementKey(expanded))
                .isEqualTo(a.statementKey(new String(expanded)))
                .isNotEqualTo(b.statementKey(expanded))
                .isNotEqualTo(a.statementKey(sql))
                .startsWith(expanded);
    }
}
