-- ecommerce for Snowflake: HYBRID tables, because the requests are point reads and writes by key (customer, product,
-- cart, order) with secondary lookups by customer and category. Not carried over: after-seed.sql's foreign key from
-- ec_inventory (a hybrid table's constraints are declared when it is created).
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE HYBRID TABLE ec_customers (
  customer_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  name VARCHAR NOT NULL,
  email VARCHAR NOT NULL,
  created_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE ec_products (
  product_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  category INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  price NUMBER(10,2) NOT NULL,
  INDEX ec_products_category (category, price)
);
CREATE HYBRID TABLE ec_inventory (
  product_id NUMBER(19,0) PRIMARY KEY,
  stock INTEGER NOT NULL
);
CREATE HYBRID TABLE ec_cart_items (
  cart_item_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  customer_id NUMBER(19,0) NOT NULL REFERENCES ec_customers (customer_id),
  product_id NUMBER(19,0) NOT NULL REFERENCES ec_products (product_id),
  quantity INTEGER NOT NULL,
  added_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE ec_orders (
  order_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  customer_id NUMBER(19,0) NOT NULL REFERENCES ec_customers (customer_id),
  status VARCHAR NOT NULL,
  total NUMBER(12,2) NOT NULL,
  ordered_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE ec_order_items (
  order_item_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  order_id NUMBER(19,0) NOT NULL REFERENCES ec_orders (order_id),
  product_id NUMBER(19,0) NOT NULL REFERENCES ec_products (product_id),
  quantity INTEGER NOT NULL,
  unit_price NUMBER(10,2) NOT NULL
);
