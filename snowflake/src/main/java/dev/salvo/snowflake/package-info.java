/**
 * The Snowflake opt-in artifact. Its one class, {@link dev.salvo.snowflake.SnowflakeSection}, writes a run's
 * {@code snowflake.json} (Snowflake's own account per request beside Salvo's, warehouse samples, estimated cost). Adding {@code dev.salvo:salvo-snowflake} to a simulation
 * project (or building Salvo with {@code -Psnowflake}) puts Snowflake's JDBC driver on the class path; everything Salvo
 * knows about Snowflake is in {@code dev.salvo.sql} ({@link dev.salvo.sql.SnowflakeDialect},
 * {@link dev.salvo.sql.SnowflakeSettings}) and {@code dev.salvo.sql.snowflake} (query history, warehouse poller, cost
 * model). See docs/snowflake.md.
 */
package dev.salvo.snowflake;
