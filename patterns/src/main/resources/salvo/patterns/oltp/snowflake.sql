-- oltp for Snowflake: HYBRID tables (row store with an enforced primary key), because every request is a point read
-- or write by primary key.
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE HYBRID TABLE oltp_accounts (
  id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  owner VARCHAR NOT NULL,
  branch INTEGER NOT NULL,
  balance NUMBER(14,2) NOT NULL,
  updated_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE oltp_transfers (
  id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  account_id NUMBER(19,0) NOT NULL REFERENCES oltp_accounts (id),
  amount NUMBER(12,2) NOT NULL,
  created_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
