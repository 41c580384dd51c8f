package dev.salvo.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerStatisticsTest {
    private static final ServerStatistics STATS = new PostgresDialect().serverStatistics();
    private static EmbeddedDatabase db;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-server"));
        c = DriverManager.getConnection(db.jdbcUrl());
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)");
            st.execute("INSERT INTO accounts SELECT i, 0 FROM generate_series(1, 1000) i");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void embeddedServerHasTheExtensionQueryIdsAndIoTiming() {
        ServerSnapshot s = STATS.snapshot(c);
        assertThat(s.unavailable()).isEmpty();
        assertThat(s.serverVersion()).startsWith("18.");
        assertThat(s.settings())
                .containsEntry("compute_query_id", "on")
                .containsEntry("track_io_timing", "on")
                .containsEntry("shared_preload_libraries", "pg_stat_statements")
                .containsKey("shared_buffers");
        assertThat(s.deallocations()).isNotNull();
        assertThat(s.database()).containsKeys("xactCommit", "blocksHit", "blockReadMillis", "statsReset");
        // 17+: checkpoints from pg_stat_checkpointer, the background writer from pg_stat_bgwriter
        assertThat(s.checkpointer())
                .containsKeys("checkpointsTimed", "buffersCheckpoint", "buffersClean", "buffersAlloc");
        assertThat(s.wal()).containsKeys("walRecords", "walBytes", "walFpi");
    }

    @Test
    void joinsAPreparedStatementToItsQueryIdWithExactCalls() throws Exception {
        String sql = "SELECT balance FROM accounts WHERE id = ?";
        try (Connection tagged = tagged("salvo-join")) {
            ServerSnapshot before = STATS.snapshot(c);
            try (PreparedStatement ps = tagged.prepareStatement(sql)) {
                for (int i = 1; i <= 37; i++) {
                    ps.setLong(1, i); // bound as Salvo binds a whole number: int8
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
            }
            ServerDelta delta = ServerDelta.between(before, STATS.snapshot(c));
            ServerStatistics.Explained explained = STATS.explain(c, sql, ps -> ps.setLong(1, 5));
            assertThat(explained.problem()).isNull();
            assertThat(explained.plan()).isInstanceOf(Map.class);
            List<StatementDelta> matched = delta.byQueryId(explained.queryId());
            assertThat(matched).hasSize(1);
            StatementDelta s = matched.get(0);
            assertThat(s.calls()).isEqualTo(37);
            assertThat(s.get("rows")).isEqualTo(37);
            assertThat(s.complete()).isTrue();
            assertThat(s.cacheHitRatio()).isNotNull().isBetween(0.0, 1.0);
            assertThat(s.meanExecMillis()).isPositive();
            assertThat(STATS.matchText(delta, sql)).containsExactly(s);
            assertThat(delta.warnings()).isEmpty();
        }
    }

    @Test
    void windowStddevComesFromTheIncreaseOfSums() throws Exception {
        String sql = "SELECT pg_sleep(?)";
        ServerSnapshot before;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (double d : new double[] {0.001, 0.001}) { // history before the window
                ps.setDouble(1, d);
                ps.execute();
            }
            before = STATS.snapshot(c);
            for (double d : new double[] {0.010, 0.030}) {
                ps.setDouble(1, d);
                ps.execute();
            }
        }
        StatementDelta s = ServerDelta.between(before, STATS.snapshot(c))
                .byQueryId(STATS.explain(c, sql, ps -> ps.setDouble(1, 0)).queryId())
                .get(0);
        assertThat(s.calls()).isEqualTo(2);
        // two sleeps of about 10 and 30 ms: mean about 20, population stddev about 10 (the earlier 1 ms calls excluded)
        assertThat(s.meanExecMillis()).isBetween(19.0, 40.0);
        // |a - b| / 2 for two calls: about 10, more when a loaded host wakes the 30 ms sleep late (15.5 seen at load
        // 20)
        assertThat(s.stddevExecMillis()).isBetween(8.0, 30.0);
    }

    @Test
    void theSlowStatementOfATransactionStandsOut() throws Exception {
        String fast = "UPDATE accounts SET balance = balance + ? WHERE id = ?";
        String slow = "SELECT pg_sleep(0.02), count(*) FROM accounts WHERE id < ?";
        ServerSnapshot before = STATS.snapshot(c);
        try (Connection t = tagged("salvo-tx");
                PreparedStatement a = t.prepareStatement(fast);
                PreparedStatement b = t.prepareStatement(slow)) {
            t.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                a.setLong(1, 1);
                a.setLong(2, i + 1);
                a.executeUpdate();
                b.setLong(1, 10);
                b.executeQuery().close();
                t.commit();
            }
        }
        ServerDelta delta = ServerDelta.between(before, STATS.snapshot(c));
        StatementDelta a = delta.byQueryId(STATS.explain(c, fast, ps -> {
                            ps.setLong(1, 1);
                            ps.setLong(2, 1);
                        })
                        .queryId())
                .get(0);
        StatementDelta b = delta.byQueryId(
                        STATS.explain(c, slow, ps -> ps.setLong(1, 10)).queryId())
                .get(0);
        assertThat(a.calls()).isEqualTo(5);
        assertThat(b.calls()).isEqualTo(5);
        assertThat(b.meanExecMillis()).isGreaterThan(a.meanExecMillis() * 5);
        assertThat(a.get("walRecords")).isPositive();
        assertThat(delta.statements().get(0)).isEqualTo(b); // most execution time first
    }

    @Test
    void aRoleWithoutPgReadAllStatsIsToldWhatItCannotSee() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS plain");
            st.execute("CREATE ROLE plain LOGIN");
        }
        Properties p = new Properties();
        p.setProperty("user", "plain");
        try (Connection plain = DriverManager.getConnection(db.jdbcUrl().replaceAll("user=[^&]*", "user=plain"), p)) {
            ServerSnapshot s = STATS.snapshot(plain);
            assertThat(s.unavailable())
                    .containsExactly(
                            "pg_stat_statements: partly unavailable: role plain is not a "
                                    + "member of pg_read_all_stats, so statements of other roles are hidden (Salvo's own statements are complete)");
            assertThat(s.database()).containsKey("xactCommit");
        }
    }

    @Test
    void explainSaysWhyAStatementCannotBePlanned() {
        ServerStatistics.Explained e = STATS.explain(c, "CREATE TABLE never_made (x int)", ps -> {});
        assertThat(e.queryId()).isNull();
        assertThat(e.problem()).isEqualTo("plan: unavailable: ERROR: syntax error at or near \"int\" (SQLSTATE 42601)");
    }

    @Test
    void withoutTheExtensionTheSnapshotSaysWhyInOneLineAndKeepsTheRest() throws Exception {
        try (EmbeddedDatabase bare = EmbeddedDatabase.start(
                        Path.of("target", "embedded-pg-bare"),
                        Map.of("shared_preload_libraries", "", "track_io_timing", "off"));
                Connection b = DriverManager.getConnection(bare.jdbcUrl())) {
            ServerSnapshot s = STATS.snapshot(b);
            assertThat(s.unavailable())
                    .containsExactly(
                            "pg_stat_statements: unavailable: the extension is not installed in database postgres (it needs "
                                    + "shared_preload_libraries = 'pg_stat_statements', a restart, and CREATE EXTENSION pg_stat_statements)",
                            "block read/write times: unavailable: track_io_timing is off, so blockReadMillis and blockWriteMillis are 0 "
                                    + "(SET track_io_timing = on needs superuser or ALTER SYSTEM)");
            assertThat(s.statements()).isEmpty();
            assertThat(s.database()).containsKey("xactCommit");
            // created but not preloaded: the view exists and refuses to be read
            try (Statement st = b.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
            }
            assertThat(STATS.snapshot(b).unavailable())
                    .first()
                    .isEqualTo("pg_stat_statements: unavailable: ERROR: "
                            + "pg_stat_statements must be loaded via \"shared_preload_libraries\" (SQLSTATE 55000)");
            try (Statement st = b.createStatement()) {
                // a session's database counters reach pg_stat_database when it goes idle (at most once a second)
                st.execute("SELECT pg_stat_force_next_flush()");
            }
            ServerDelta delta = ServerDelta.between(s, STATS.snapshot(b));
            assertThat(delta.statements()).isEmpty();
            assertThat(delta.database().get("xactCommit")).isPositive();
        }
    }

    static Connection tagged(String tag) throws Exception {
        Properties p = new Properties();
        STATS.sessionTag(tag).forEach(p::setProperty);
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    static EmbeddedDatabase db() {
        return db;
    }
}
