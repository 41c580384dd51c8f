package dev.salvo.benchmarks;

import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Strategies;
import dev.salvo.sql.QueryKind;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.runtime.internal.PreparedRequest;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.NamedSql;
import io.gatling.javaapi.core.Session;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request parameter work on the event loop: drawing and binding the parameters of a range scan, and (for
 * reference, since it happens once per simulation) parsing named SQL.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * BindingBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindingBenchmark {
  private static final String SQL =
      "SELECT order_id, amount FROM orders WHERE order_date >= :from AND order_date < CAST(:from AS date) + 3"
          + " AND category = :category";

  private final ParameterStrategy<LocalDate> dates =
      Strategies.randomDate(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 28));
  private final PreparedRequest request = new PreparedRequest(SqlRequest.of("range", QueryKind.RANGE_SCAN, SQL, Map.<String, Function<Session, ?>>of(
      "from", s -> dates.next(ThreadLocalRandom.current()),
      "category", s -> "books")), new PostgresDialect());

  /** @return the bound values of one request */
  @Benchmark
  public Object[] bind() {
    return request.bind(null);
  }

  /** @return the parsed statement */
  @Benchmark
  public NamedSql parse() {
    return NamedSql.parse(SQL);
  }
}
