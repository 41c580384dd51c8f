-- YCSB's JDBC binding table for Snowflake: a HYBRID table, because every YCSB operation reads or writes one record by
-- its key (workload E's scans read a short key range, in key order). after-seed.sql is PostgreSQL's: after seeding,
-- run its key renaming yourself (UPDATE usertable SET YCSB_KEY = 'user' || YCSB_KEY) and skip VACUUM ANALYZE.
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE HYBRID TABLE usertable (
  YCSB_KEY VARCHAR(255) PRIMARY KEY,
  FIELD0 VARCHAR,
  FIELD1 VARCHAR,
  FIELD2 VARCHAR,
  FIELD3 VARCHAR,
  FIELD4 VARCHAR,
  FIELD5 VARCHAR,
  FIELD6 VARCHAR,
  FIELD7 VARCHAR,
  FIELD8 VARCHAR,
  FIELD9 VARCHAR
);
