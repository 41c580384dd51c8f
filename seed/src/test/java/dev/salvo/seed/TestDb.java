package dev.salvo.seed;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.profile.ProfileSnapshots.ConnectionSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded PostgreSQL per test class, with a fresh database per test. */
final class TestDb implements AutoCloseable {
    private static int counter;
    final EmbeddedDatabase server;

    TestDb(String name) {
        server = EmbeddedDatabase.start(Path.of("target", "embedded-pg-" + name));
    }

    /** @return a new empty database's connections */
    ConnectionSource freshDatabase() throws SQLException {
        String db = "seed_" + (++counter);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String url = server.jdbcUrl().replace("/postgres?", "/" + db + "?");
        String plain = url.contains("/" + db) ? url : server.jdbcUrl().replaceFirst("/postgres$", "/" + db);
        return () -> DriverManager.getConnection(plain, EmbeddedDatabase.USER, null);
    }

    static long longValue(ConnectionSource cs, String sql) throws SQLException {
        try (Connection c = cs.open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(ConnectionSource cs, String sql) throws SQLException {
        try (Connection c = cs.open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(ConnectionSource cs, String sql) throws SQLException {
        try (Connection c = cs.open();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** @return md5 of the table's rows as text, in sorted order: equal content, equal hash */
    static String contentHash(ConnectionSource cs, String table) throws SQLException {
        return text(
                cs,
                "SELECT md5(string_agg(r, E'\\n' ORDER BY r)) FROM (SELECT t::text AS r FROM \"" + table + "\" t) x");
    }

    @Override
    public void close() {
        server.close();
    }
}
