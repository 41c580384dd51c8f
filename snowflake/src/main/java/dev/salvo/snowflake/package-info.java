/**
 * The Snowflake opt-in artifact. {@link dev.salvo.snowflake.SnowflakeRunHook} (a {@code dev.salvo.runtime.RunHook}
 * found by {@link java.util.ServiceLoader}) polls the warehouse during a Snowflake run, tags each request's statements
 * and at its end writes {@code snowflake.json} through {@link dev.salvo.snowflake.SnowflakeSection} (Snowflake's own
 * account per request beside Salvo's, warehouse samples, estimated cost). Adding {@code dev.salvo:salvo-snowflake} to a simulation
 * project (or building Salvo with {@code -Psnowflake}) puts Snowflake's JDBC driver on the class path; everything Salvo
 * knows about Snowflake is in {@code dev.salvo.sql} ({@link dev.salvo.sql.SnowflakeDialect},
 * {@link dev.salvo.sql.SnowflakeSettings}) and {@code dev.salvo.sql.snowflake} (query history, warehouse poller, cost
 * model). See docs/snowflake.md.
 */
package dev.salvo.snowflake;
