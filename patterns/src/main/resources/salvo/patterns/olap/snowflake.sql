-- olap for Snowflake: standard tables (column store), because the requests scan and aggregate; primary and foreign
-- keys are informational there, and PostgreSQL's index on sold_on has no counterpart (micro-partition pruning).
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE TABLE olap_customers (
  customer_id NUMBER(19,0) PRIMARY KEY,
  region VARCHAR NOT NULL,
  segment VARCHAR NOT NULL
);
CREATE TABLE olap_products (
  product_id NUMBER(19,0) PRIMARY KEY,
  category VARCHAR NOT NULL,
  brand INTEGER NOT NULL
);
CREATE TABLE olap_sales (
  sale_id NUMBER(19,0) PRIMARY KEY,
  customer_id NUMBER(19,0) NOT NULL REFERENCES olap_customers (customer_id),
  product_id NUMBER(19,0) NOT NULL REFERENCES olap_products (product_id),
  sold_on DATE NOT NULL,
  quantity INTEGER NOT NULL,
  amount NUMBER(12,2) NOT NULL
);
