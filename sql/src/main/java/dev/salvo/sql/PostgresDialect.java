package dev.salvo.sql;

/** PostgreSQL (and the embedded default). */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return Dialect.doubleQuote(identifier);
    }

    /** pgjdbc's {@code getBytes} hands back the raw column bytes for non-bytea types. */
    @Override
    public boolean measuresResultBytes() {
        return true;
    }

    /** PostgreSQL has no built-in approximation: an exact {@code count(DISTINCT ...)}. */
    @Override
    public String approxCountDistinct(String quotedColumn) {
        return "count(DISTINCT " + quotedColumn + ")";
    }

    /** @return a {@link dev.salvo.sql.profile.PostgresProfiler} */
    @Override
    public dev.salvo.sql.profile.Profiler profiler() {
        return new dev.salvo.sql.profile.PostgresProfiler(this);
    }

    /** @return pg_stat_statements, pg_stat_database, checkpointer, WAL, settings and pg_stat_activity */
    @Override
    public dev.salvo.sql.server.ServerStatistics serverStatistics() {
        return new dev.salvo.sql.server.PostgresServerStatistics();
    }

    /** {@code SET statement_timeout}: the server cancels the statement with SQLSTATE 57014. */
    @Override
    public String statementTimeoutSql(java.time.Duration timeout) {
        return "SET statement_timeout = " + Math.max(1, timeout.toMillis());
    }

    @Override
    public String toString() {
        return name();
    }
}
