package dev.salvo.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WaitSamplerTest {
    private static final ServerStatistics STATS = new PostgresDialect().serverStatistics();
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-waits"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aTaggedSessionBlockedOnARowLockIsSeenWaitingOnLock() throws Exception {
        try (Connection holder = DriverManager.getConnection(db.jdbcUrl());
                Connection blocked = tagged("salvo-waits");
                Connection other = tagged("someone-else");
                Statement h = holder.createStatement()) {
            h.execute("CREATE TABLE hot (id int PRIMARY KEY, n int)");
            h.execute("INSERT INTO hot VALUES (1, 0)");
            holder.setAutoCommit(false);
            h.execute("UPDATE hot SET n = n + 1 WHERE id = 1"); // holds the row lock
            CompletableFuture<Void> waiting =
                    CompletableFuture.runAsync(() -> execute(blocked, "UPDATE hot SET n = n + 1 WHERE id = 1"));
            CompletableFuture<Void> untagged = CompletableFuture.runAsync(() -> execute(other, "SELECT pg_sleep(3)"));
            WaitSampler sampler = STATS.waitSampler(
                    DriverManager.getConnection(db.jdbcUrl()),
                    "salvo-waits",
                    Duration.ofMillis(50),
                    Duration.ofMillis(200));
            try (Connection watcher = DriverManager.getConnection(db.jdbcUrl())) { // autocommit: a fresh view each time
                while (!lockSeen(watcher)) {
                    Thread.onSpinWait();
                }
            }
            Thread.sleep(600); // let the sampler see the wait a few times
            holder.commit(); // releases the blocked session
            waiting.join();
            WaitTimeline timeline = sampler.stop();
            untagged.join();
            assertThat(timeline.unavailable()).isNull();
            assertThat(timeline.samples()).isPositive();
            assertThat(timeline.intervals().stream()
                            .mapToLong(WaitTimeline.Interval::samples)
                            .sum())
                    .isEqualTo(timeline.samples());
            assertThat(timeline.events())
                    .containsKey("Lock:transactionid")
                    .doesNotContainKey("Timeout:PgSleep"); // the untagged session is not the run's
            assertThat(timeline.events().get("Lock:transactionid")).isBetween(0.0, 1.0);
            assertThat(timeline.intervals())
                    .anySatisfy(i -> assertThat(i.activeSessions()).containsKey("Lock"));
        }
    }

    @Test
    void samplingOnABrokenConnectionSaysWhyInOneLine() throws Exception {
        Connection closed = DriverManager.getConnection(db.jdbcUrl());
        closed.close();
        WaitTimeline timeline = STATS.waitSampler(closed, "x", Duration.ofMillis(10), Duration.ofSeconds(1))
                .stop();
        assertThat(timeline.unavailable())
                .isEqualTo("wait events: unavailable: This connection has been closed. " + "(SQLSTATE 08003)");
        assertThat(timeline.samples()).isZero();
    }

    private static boolean lockSeen(Connection c) throws Exception {
        try (Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                + "'salvo-waits' AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection tagged(String tag) throws Exception {
        Properties p = new Properties();
        STATS.sessionTag(tag).forEach(p::setProperty);
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }
}
