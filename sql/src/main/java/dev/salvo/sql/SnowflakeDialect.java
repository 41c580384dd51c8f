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

    /**
     * Snowflake stores an identifier written without quotes in upper case ({@code create table orders} makes
     * {@code ORDERS}), so a name spelled the way an unquoted identifier is written in lower case ({@code orders},
     * {@code order_id}: a lower-case letter or underscore, then lower-case letters, digits, {@code _} or {@code $}) is
     * quoted in upper case, and matches what the DDL made. Any other name (upper or mixed case, spaces, quotes) is
     * taken as it is stored, quoted as written. A table created quoted in lower case ({@code "orders"}) is therefore
     * not reachable by that lower-case name; spell it otherwise or create it unquoted.
     */
    @Override
    public String quoteIdentifier(String identifier) {
        if (identifier != null && UNQUOTED_LOWER_CASE.matcher(identifier).matches()) {
            return Dialect.doubleQuote(identifier.toUpperCase(java.util.Locale.ROOT));
        }
        return Dialect.doubleQuote(identifier);
    }

    private static final java.util.regex.Pattern UNQUOTED_LOWER_CASE =
            java.util.regex.Pattern.compile("[a-z_][a-z0-9_$]*");

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
        return "ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = " + timeoutSeconds(timeout);
    }

    /**
     * {@code ALTER SESSION SET QUERY_TAG = '{"salvo":run,"worker":i}' USE_CACHED_RESULT = TRUE|FALSE
     * [STATEMENT_TIMEOUT_IN_SECONDS = n]}: one statement (Snowflake's ALTER SESSION takes several parameters separated by
     * blanks), so that it fits a pool's single init statement. The result-cache switch is always written, so the session
     * is what the results record, whatever the account or user default is.
     */
    @Override
    public java.util.Optional<String> sessionSetupSql(SessionSetup setup) {
        StringBuilder sql = new StringBuilder("ALTER SESSION SET QUERY_TAG = ")
                .append(dev.salvo.sql.snowflake.QueryTag.literal(
                        dev.salvo.sql.snowflake.QueryTag.json(setup.runId(), setup.workerIndex(), null)))
                .append(" USE_CACHED_RESULT = ")
                .append(setup.resultCache() ? "TRUE" : "FALSE");
        if (!setup.statementTimeout().isZero()) {
            sql.append(" STATEMENT_TIMEOUT_IN_SECONDS = ").append(timeoutSeconds(setup.statementTimeout()));
        }
        return java.util.Optional.of(sql.toString());
    }

    /** {@code snowflake.queryTag} and {@code snowflake.resultCache} ({@code on} or {@code off}). */
    @Override
    public java.util.Map<String, String> sessionFacts(SessionSetup setup) {
        return java.util.Map.of(
                "snowflake.queryTag",
                dev.salvo.sql.snowflake.QueryTag.json(setup.runId(), setup.workerIndex(), null),
                "snowflake.resultCache",
                setup.resultCache() ? "on" : "off");
    }

    /** {@code ALTER SESSION SET QUERY_TAG = '{"salvo":run,"worker":i,"request":name}'}. */
    @Override
    public java.util.Optional<String> requestTagSql(SessionSetup setup, String requestName) {
        return java.util.Optional.of("ALTER SESSION SET QUERY_TAG = "
                + dev.salvo.sql.snowflake.QueryTag.literal(
                        dev.salvo.sql.snowflake.QueryTag.json(setup.runId(), setup.workerIndex(), requestName)));
    }

    private static long timeoutSeconds(java.time.Duration timeout) {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    /** snowflake-jdbc (~99.6 MB) is an opt-in: {@code -Psnowflake} or the {@code salvo-snowflake} artifact. */
    @Override
    public String driverHint() {
        return "; build with the Maven profile -Psnowflake, or add the dependency dev.salvo:salvo-snowflake (see "
                + "docs/snowflake.md)";
    }

    @Override
    public String toString() {
        return name();
    }
}
