CREATE TABLE rpt_accounts (
  account_id bigint PRIMARY KEY,
  name text NOT NULL,
  country text NOT NULL
);
CREATE TABLE rpt_invoices (
  invoice_id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES rpt_accounts (account_id),
  issued_on date NOT NULL,
  status text NOT NULL,
  amount numeric(12,2) NOT NULL,
  memo text NOT NULL
);
CREATE INDEX rpt_invoices_issued_on ON rpt_invoices (issued_on);
CREATE INDEX rpt_invoices_account ON rpt_invoices (account_id, issued_on);
