package dev.salvo.dsl;

/**
 * Salvo's DSL entry point. Use it next to Gatling's:
 *
 * <pre>{@code
 * import static io.gatling.javaapi.core.CoreDsl.*;
 * import static dev.salvo.dsl.SqlDsl.*;
 *
 * SqlProtocolBuilder db = database().poolSize(8);
 * SqlRequestBuilder byId = sql("order by id")
 *     .query("SELECT * FROM orders WHERE order_id = :id")
 *     .param("id", randomLong(1, 200_000));
 * }</pre>
 *
 * <p>Every builder is immutable: each method returns a new instance and leaves the original unmodified.
 */
public final class SqlDsl {
  private SqlDsl() {}

  /**
   * The database protocol, configured from system properties and environment ({@code salvo.url} / {@code SALVO_URL},
   * {@code salvo.user} / {@code SALVO_USER}, {@code salvo.password} / {@code SALVO_PASSWORD}); with no URL, Salvo starts
   * an embedded PostgreSQL with the demo schema.
   *
   * @return a protocol builder to pass to {@code setUp(...).protocols(...)}
   */
  public static SqlProtocolBuilder database() {
    return SqlProtocolBuilder.fromEnvironment();
  }

  /**
   * Starts a SQL request; give it its SQL next with {@link SqlRequestBuilder.Named#query(String)}.
   *
   * @param requestName the name shown in Gatling's and Salvo's reports, non-blank
   * @return the next step
   */
  public static SqlRequestBuilder.Named sql(String requestName) {
    return new SqlRequestBuilder.Named(requestName);
  }

  /**
   * Uniform integers in a closed range, drawn anew for every request.
   *
   * @param min smallest value (inclusive)
   * @param max largest value (inclusive)
   * @return a value source for {@link SqlRequestBuilder#param(String, Object)}
   */
  public static dev.salvo.feeders.ParameterStrategy<Long> randomLong(long min, long max) {
    return Guard.check(() -> dev.salvo.feeders.Strategies.randomLong(min, max));
  }

  /**
   * Uniform dates in a closed range, drawn anew for every request.
   *
   * @param min first date (inclusive)
   * @param max last date (inclusive)
   * @return a value source for {@link SqlRequestBuilder#param(String, Object)}
   */
  public static dev.salvo.feeders.ParameterStrategy<java.time.LocalDate> randomDate(java.time.LocalDate min,
      java.time.LocalDate max) {
    return Guard.check(() -> dev.salvo.feeders.Strategies.randomDate(min, max));
  }
}
