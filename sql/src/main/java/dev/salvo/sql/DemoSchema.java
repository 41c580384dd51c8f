package dev.salvo.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The deterministic demo schema loaded into the embedded PostgreSQL: {@code customers} (10,000 rows) and {@code orders}
 * (200,000 rows), with integer keys, skewed text categories, dates and numerics, indexed so that point lookups and range
 * scans behave as they would on real data. Every value derives from the row number, so each load is identical.
 *
 * <p>orders: {@code order_id bigint} (1..200000, primary key), {@code customer_id integer} (skewed towards low ids),
 * {@code category text} (12 values, strongly skewed: 'books' is about 44%), {@code status text} (delivered 70%,
 * shipped 15%, pending 10%, cancelled 5%), {@code order_date date} (2024-01-01 .. 2025-12-30), {@code amount
 * numeric(12,2)} (5.00 .. 999.99), {@code quantity integer} (1..10).
 */
public final class DemoSchema {
    /** Rows in {@code orders}. */
    public static final int ORDERS = 200_000;
    /** Rows in {@code customers}. */
    public static final int CUSTOMERS = 10_000;

    private static final String[] DDL = {
        "DROP TABLE IF EXISTS orders",
        "DROP TABLE IF EXISTS customers",
        """
    CREATE TABLE customers (
      customer_id integer PRIMARY KEY,
      name        text    NOT NULL,
      region      text    NOT NULL,
      signup_date date    NOT NULL
    )""",
        """
    INSERT INTO customers
    SELECT i,
           'customer-' || i,
           (ARRAY['north','south','east','west','central'])[1 + floor(5 * power(((i::bigint * 48271) %% 1000003) / 1000003.0, 2))::int],
           DATE '2020-01-01' + ((i::bigint * 7919) %% 1461)::int
    FROM generate_series(1, %d) AS i""".formatted(CUSTOMERS),
        """
    CREATE TABLE orders (
      order_id    bigint        PRIMARY KEY,
      customer_id integer       NOT NULL REFERENCES customers,
      category    text          NOT NULL,
      status      text          NOT NULL,
      order_date  date          NOT NULL,
      amount      numeric(12,2) NOT NULL,
      quantity    integer       NOT NULL
    )""",
        """
    INSERT INTO orders
    SELECT i,
           1 + floor(%d * power(((i * 2654435761) %% 1000003) / 1000003.0, 2))::int,
           (ARRAY['books','electronics','clothing','home','garden','toys','sports','beauty','grocery','music',
                  'automotive','office'])[1 + floor(12 * power(((i * 40503) %% 999983) / 999983.0, 3))::int],
           CASE WHEN i %% 20 < 14 THEN 'delivered' WHEN i %% 20 < 17 THEN 'shipped'
                WHEN i %% 20 < 19 THEN 'pending' ELSE 'cancelled' END,
           DATE '2024-01-01' + ((i * 7919) %% 730)::int,
           round(5 + ((i * 104729) %% 99500) / 100.0, 2),
           1 + ((i * 31) %% 10)::int
    FROM generate_series(1::bigint, %d) AS i""".formatted(CUSTOMERS, ORDERS),
        "CREATE INDEX orders_order_date ON orders (order_date)",
        "CREATE INDEX orders_customer_id ON orders (customer_id)",
        "CREATE INDEX orders_category ON orders (category)",
        "ANALYZE customers",
        "ANALYZE orders",
    };

    private DemoSchema() {}

    /**
     * Drops and recreates the demo tables.
     *
     * @param connection a connection with DDL rights, in auto-commit mode
     * @throws SQLException when a statement fails
     */
    public static void load(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : DDL) {
                st.execute(sql);
            }
        }
    }
}
