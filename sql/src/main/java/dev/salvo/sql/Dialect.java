package dev.salvo.sql;

import java.util.List;

/**
 * Everything Salvo needs to know about one database. Generic code never tests for a database by name: it asks the
 * dialect. One implementation per database.
 */
public interface Dialect {

    /** @return a short lower-case name, e.g. {@code postgresql} */
    String name();

    /**
     * @param jdbcUrl a JDBC URL
     * @return true when this dialect serves that URL
     */
    boolean accepts(String jdbcUrl);

    /**
     * Quotes an identifier so that it is taken literally, whatever characters it holds.
     *
     * @param identifier a table, column or schema name as stored in the catalog
     * @return the quoted identifier
     */
    String quoteIdentifier(String identifier);

    /**
     * Whether {@code ResultSet.getBytes(column)} returns the column's wire bytes for every type without decoding, so that
     * Salvo can count the bytes a query returned at no extra cost.
     *
     * @return true when result sizes in bytes can be measured
     */
    boolean measuresResultBytes();

    /**
     * A statement that makes the server cancel any statement of this session running longer than the timeout; Salvo runs
     * it on every new pooled connection.
     *
     * @param timeout a positive duration
     * @return the SQL
     */
    String statementTimeoutSql(java.time.Duration timeout);

    /**
     * What to tell a user whose class path lacks this database's JDBC driver.
     *
     * @return text appended to the error (starting with "; "), empty when the driver always ships with Salvo
     */
    default String driverHint() {
        return "";
    }

    /**
     * One statement that prepares a new pooled connection for a run: the statement timeout, and where the database has
     * them, a tag naming the run and worker in the server's own query records and the result-cache switch. Salvo runs it
     * once on every new pooled connection (a pool's init SQL), never per request.
     *
     * @param setup run id, worker, timeout, result cache
     * @return the SQL, empty when nothing needs setting
     */
    default java.util.Optional<String> sessionSetupSql(SessionSetup setup) {
        return setup.statementTimeout().isZero()
                ? java.util.Optional.empty()
                : java.util.Optional.of(statementTimeoutSql(setup.statementTimeout()));
    }

    /**
     * What the session setup means for the results (recorded in results.json's {@code config}), e.g. Snowflake's query
     * tag and whether its result cache was on. Never secrets.
     *
     * @param setup the run's session setup
     * @return facts by key, empty when there is nothing beyond the timeout
     */
    default java.util.Map<String, String> sessionFacts(SessionSetup setup) {
        return java.util.Map.of();
    }

    /**
     * A statement that re-tags the session for one request, for databases whose query records carry a session tag.
     * It costs one round trip, so a caller runs it only when a connection's next request differs from its last one.
     *
     * @param setup the run's session setup
     * @param requestName the request about to run
     * @return the SQL, empty when the database has no tags
     */
    default java.util.Optional<String> requestTagSql(SessionSetup setup, String requestName) {
        return java.util.Optional.empty();
    }

    /**
     * The dialect's approximate distinct count of an expression (APPROX_DISTINCT queries).
     *
     * @param quotedColumn an already quoted column
     * @return the SQL expression
     */
    String approxCountDistinct(String quotedColumn);

    /**
     * The column profiler for this database (catalog statistics, sampling and exact modes).
     *
     * @return the profiler
     * @throws SalvoException when the dialect cannot profile
     */
    default dev.salvo.sql.profile.Profiler profiler() {
        throw new SalvoException("dialect " + name() + ": column profiling must be supported, but is not");
    }

    /**
     * The server's own statistics (statements, database counters, wait events, plans), read without resetting them.
     *
     * @return the collector; by default one that reports, in one line, that nothing is collected
     */
    default dev.salvo.sql.server.ServerStatistics serverStatistics() {
        return dev.salvo.sql.server.ServerStatistics.unsupported(name());
    }

    /** The known dialects, PostgreSQL first. */
    List<Dialect> KNOWN = List.of(new PostgresDialect(), new SnowflakeDialect());

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect serving it
     * @throws SalvoException when no dialect accepts the URL
     */
    static Dialect forUrl(String jdbcUrl) {
        for (Dialect d : KNOWN) {
            if (d.accepts(jdbcUrl)) {
                return d;
            }
        }
        throw new SalvoException("salvo.url: the JDBC URL must be one of jdbc:postgresql:, jdbc:snowflake:, but was '"
                + DatabaseSettings.mask(jdbcUrl) + "'");
    }

    /**
     * Standard double-quote quoting shared by most SQL databases.
     *
     * @param identifier the identifier
     * @return the identifier in double quotes, embedded quotes doubled
     */
    static String doubleQuote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new SalvoException("identifier: must be a non-empty name, but was '" + identifier + "'");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new SalvoException(
                    "identifier: must not contain a NUL character, but was '" + identifier.replace('\0', '?') + "'");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
