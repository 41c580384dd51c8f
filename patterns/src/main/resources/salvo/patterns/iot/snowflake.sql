-- iot for Snowflake: standard tables (column store), because the requests ingest readings and read a device's recent
-- ones; keys are informational, the (device_id, read_at) index has no counterpart.
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE TABLE iot_devices (
  device_id NUMBER(19,0) PRIMARY KEY,
  site INTEGER NOT NULL,
  kind VARCHAR NOT NULL
);
CREATE TABLE iot_readings (
  reading_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  device_id NUMBER(19,0) NOT NULL REFERENCES iot_devices (device_id),
  read_at TIMESTAMP_TZ NOT NULL,
  temperature FLOAT NOT NULL,
  humidity FLOAT NOT NULL,
  battery INTEGER NOT NULL
);
