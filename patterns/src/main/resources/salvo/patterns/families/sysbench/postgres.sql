-- sysbench's oltp_common.lua table for PostgreSQL (the k index is created after the load there, here before it)
CREATE TABLE sbtest1 (
  id INTEGER NOT NULL PRIMARY KEY,
  k INTEGER DEFAULT 0 NOT NULL,
  c CHAR(120) DEFAULT '' NOT NULL,
  pad CHAR(60) DEFAULT '' NOT NULL
);
CREATE INDEX k_1 ON sbtest1 (k);
