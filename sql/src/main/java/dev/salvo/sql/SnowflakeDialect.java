package dev.salvo.sql;

/** Snowflake. */
public final class SnowflakeDialect implements Dialect {
  @Override
  public String name() {
    return "snowflake";
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:snowflake:");
  }

  @Override
  public String quoteIdentifier(String identifier) {
    return Dialect.doubleQuote(identifier);
  }

  @Override
  public boolean measuresResultBytes() {
    return false;
  }

  @Override
  public String approxCountDistinct(String quotedColumn) {
    return "APPROX_COUNT_DISTINCT(" + quotedColumn + ")";
  }

  /** @return a {@link dev.salvo.sql.profile.SnowflakeProfiler} */
  @Override
  public dev.salvo.sql.profile.Profiler profiler() {
    return new dev.salvo.sql.profile.SnowflakeProfiler(this);
  }

  /** Snowflake's timeout has a one-second resolution. */
  @Override
  public String statementTimeoutSql(java.time.Duration timeout) {
    return "ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = " + Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  @Override
  public String toString() {
    return name();
  }
}
