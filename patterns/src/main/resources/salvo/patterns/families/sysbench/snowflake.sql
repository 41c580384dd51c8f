-- sysbench's oltp_common.lua table for Snowflake: a HYBRID table, because sysbench's requests are point selects,
-- short ranges and updates by primary key; k gets its secondary index. CHAR(n) in Snowflake is VARCHAR(n) (no blank
-- padding).
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE HYBRID TABLE sbtest1 (
  id INTEGER NOT NULL PRIMARY KEY,
  k INTEGER DEFAULT 0 NOT NULL,
  c CHAR(120) DEFAULT '' NOT NULL,
  pad CHAR(60) DEFAULT '' NOT NULL,
  INDEX k_1 (k)
);
