CREATE TABLE olap_customers (
  customer_id bigint PRIMARY KEY,
  region text NOT NULL,
  segment text NOT NULL
);
CREATE TABLE olap_products (
  product_id bigint PRIMARY KEY,
  category text NOT NULL,
  brand integer NOT NULL
);
CREATE TABLE olap_sales (
  sale_id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES olap_customers (customer_id),
  product_id bigint NOT NULL REFERENCES olap_products (product_id),
  sold_on date NOT NULL,
  quantity integer NOT NULL,
  amount numeric(12,2) NOT NULL
);
CREATE INDEX olap_sales_sold_on ON olap_sales (sold_on);
