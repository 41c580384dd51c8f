-- time-series for Snowflake: a standard table (column store, no primary key, as in PostgreSQL), because the requests
-- read a series' recent points and aggregate windows; the (series_id, ts) index has no counterpart.
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE TABLE ts_points (
  series_id INTEGER NOT NULL,
  ts TIMESTAMP_TZ NOT NULL,
  value FLOAT NOT NULL
);
