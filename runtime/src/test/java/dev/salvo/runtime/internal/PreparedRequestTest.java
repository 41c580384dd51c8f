package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
    PreparedRequest r = new PreparedRequest(SqlRequest.of("range", QueryKind.RANGE_SCAN,
        "SELECT * FROM t WHERE d >= :from AND d < :from + 3 AND id = :id", params), new PostgresDialect());
    assertThat(r.bind(null)).containsExactly(1, 1, "x");
    assertThat(r.bind(null)).containsExactly(2, 2, "x");
  }

  @Test
  void listValuesExpandTheirPlaceholder() {
    PreparedRequest r = new PreparedRequest(SqlRequest.of("in", QueryKind.POINT_LOOKUP,
        "SELECT * FROM t WHERE id IN (:ids) AND c = :c", Map.of("ids", s -> List.of(1, 2, 3), "c", s -> "a")),
        new PostgresDialect());
    Object[] values = r.bind(null);
    assertThat(r.jdbcSql(values)).isEqualTo("SELECT * FROM t WHERE id IN (?, ?, ?) AND c = ?");
    assertThat(r.jdbcSql(new Object[] {new int[] {7}, "a"})).isEqualTo("SELECT * FROM t WHERE id IN (?) AND c = ?");
  }

  @Test
  void generatedSqlFollowsTheDialect() {
    SqlRequest request = SqlRequest.of("distinct customers", QueryKind.APPROX_DISTINCT,
        TableShape.of("orders").withColumns(List.of("customer_id")), Map.of());
    assertThat(new PreparedRequest(request, new SnowflakeDialect()).sql.jdbcSql())
        .isEqualTo("SELECT APPROX_COUNT_DISTINCT(\"customer_id\") AS approx_distinct FROM \"orders\"");
    assertThat(new PreparedRequest(request, new PostgresDialect()).sql.jdbcSql())
        .isEqualTo("SELECT count(DISTINCT \"customer_id\") AS approx_distinct FROM \"orders\"");
  }
}
