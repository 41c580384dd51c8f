package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void startsLoadsTheDemoSchemaAndStops() throws Exception {
        int port;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-test"))) {
            port = db.port();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    Statement st = c.createStatement()) {
                DemoSchema.load(c);
                assertThat(single(st, "SELECT count(*) FROM orders")).isEqualTo(DemoSchema.ORDERS);
                assertThat(single(st, "SELECT count(*) FROM customers")).isEqualTo(DemoSchema.CUSTOMERS);
                assertThat(single(st, "SELECT count(DISTINCT category) FROM orders"))
                        .isEqualTo(12);
                // skew: the most common category holds far more than a uniform 1/12 share
                long books = single(st, "SELECT count(*) FROM orders WHERE category = 'books'");
                assertThat(books).isBetween(80_000L, 95_000L);
                assertThat(single(st, "SELECT count(*) FROM orders WHERE amount < 5 OR amount > 1000"))
                        .isZero();
                // deterministic: a second load gives the same data
                long checksum = single(st, "SELECT sum(customer_id::bigint * quantity) FROM orders");
                DemoSchema.load(c);
                assertThat(single(st, "SELECT sum(customer_id::bigint * quantity) FROM orders"))
                        .isEqualTo(checksum);
            }
        }
        boolean listening;
        try (Socket s = new Socket("localhost", port)) {
            listening = true;
        } catch (java.io.IOException refused) {
            listening = false;
        }
        assertThat(listening).as("server stopped").isFalse();
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
