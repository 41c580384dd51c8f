-- reporting for Snowflake: standard tables (column store), because the requests are date-range reports; keys are
-- informational, PostgreSQL's indexes have no counterpart (micro-partition pruning).
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE TABLE rpt_accounts (
  account_id NUMBER(19,0) PRIMARY KEY,
  name VARCHAR NOT NULL,
  country VARCHAR NOT NULL
);
CREATE TABLE rpt_invoices (
  invoice_id NUMBER(19,0) PRIMARY KEY,
  account_id NUMBER(19,0) NOT NULL REFERENCES rpt_accounts (account_id),
  issued_on DATE NOT NULL,
  status VARCHAR NOT NULL,
  amount NUMBER(12,2) NOT NULL,
  memo VARCHAR NOT NULL
);
