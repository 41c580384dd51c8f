package dev.salvo.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resets and evictions on a dedicated server with room for only 100 statements. Salvo itself never resets. */
class ServerDeltaTest {
    private static final ServerStatistics STATS = new PostgresDialect().serverStatistics();
    private static EmbeddedDatabase db;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-small"), Map.of("pg_stat_statements.max", "100"));
        c = DriverManager.getConnection(db.jdbcUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void evictionsAreDetectedAndNewEntriesMarkedIncomplete() throws Exception {
        ServerSnapshot before = STATS.snapshot(c);
        try (Statement st = c.createStatement()) {
            for (int i = 1; i <= 250; i++) {
                st.execute("SELECT " + "1, ".repeat(i) + "2"); // 250 shapes: 250 query identifiers
            }
        }
        ServerDelta delta = ServerDelta.between(before, STATS.snapshot(c));
        assertThat(delta.warnings()).hasSize(1);
        assertThat(delta.warnings().get(0))
                .matches("pg_stat_statements evicted entries \\d+ times during the run "
                        + "\\(pg_stat_statements_info\\.dealloc; raise pg_stat_statements\\.max, now 100\\): statements that appeared "
                        + "during the run are marked incomplete");
        List<Boolean> shapes = delta.statements().stream()
                .filter(d -> d.query().startsWith("SELECT $1, $2"))
                .map(StatementDelta::complete)
                .distinct()
                .toList();
        assertThat(shapes)
                .as("entries of the evicting statements are all incomplete")
                .containsExactly(false);
    }

    @Test
    void aResetOfAllStatementsDropsTheStatementDeltas() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM pg_class");
            ServerSnapshot before = STATS.snapshot(c);
            st.execute("SELECT pg_stat_statements_reset()"); // simulates a DBA's reset: Salvo never calls it
            st.execute("SELECT count(*) FROM pg_class");
            ServerDelta delta = ServerDelta.between(before, STATS.snapshot(c));
            assertThat(delta.statements()).isEmpty();
            assertThat(delta.warnings())
                    .singleElement()
                    .asString()
                    .startsWith("pg_stat_statements was reset during the run (pg_stat_statements_info.stats_reset ")
                    .endsWith("): no statement statistics are reported, because their deltas would be wrong");
            assertThat(delta.database()).containsKey("xactCommit"); // the rest is still reported
        }
    }

    @Test
    void anEntryResetOnItsOwnCountsFromItsResetAndIsMarked() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS t (x int)");
            for (int i = 0; i < 5; i++) {
                st.execute("SELECT x FROM t WHERE x = 7");
            }
            ServerSnapshot before = STATS.snapshot(c);
            long id = STATS.explain(c, "SELECT x FROM t WHERE x = 7", ps -> {}).queryId();
            st.execute("SELECT pg_stat_statements_reset(0, 0, " + id + ")"); // one entry, as a DBA might
            st.execute("SELECT x FROM t WHERE x = 7");
            ServerDelta delta = ServerDelta.between(before, STATS.snapshot(c));
            List<StatementDelta> s = delta.byQueryId(id);
            assertThat(s).singleElement().satisfies(d -> {
                assertThat(d.calls()).isEqualTo(1);
                assertThat(d.complete()).isFalse();
            });
            assertThat(delta.warnings())
                    .anyMatch(
                            w -> w.matches(
                                    "\\d+ pg_stat_statements entries were reset or recreated during the run: they are marked incomplete"));
        }
    }

    @Test
    void aDatabaseCounterResetIsReportedNotSubtracted() {
        Map<String, Double> a = Map.of("xactCommit", 100.0, "statsReset", 1.0);
        Map<String, Double> b = Map.of("xactCommit", 3.0, "statsReset", 2.0);
        ServerSnapshot s1 = new ServerSnapshot(
                Instant.ofEpochSecond(10), "18.6", Map.of(), 0L, 0.0, a, Map.of(), Map.of(), Map.of(), List.of());
        ServerSnapshot s2 = new ServerSnapshot(
                Instant.ofEpochSecond(20),
                "18.6",
                Map.of(),
                0L,
                0.0,
                b,
                Map.of(),
                Map.of(),
                Map.of(),
                List.of("x: unavailable: y"));
        ServerDelta d = ServerDelta.between(s1, s2);
        assertThat(d.database()).isEmpty();
        assertThat(d.warnings())
                .containsExactly(
                        "pg_stat_database was reset during the run (stats_reset 1970-01-01T00:00:00.002Z): its deltas are not reported");
        assertThat(d.unavailable()).containsExactly("x: unavailable: y");
        assertThat(d.seconds()).isEqualTo(10.0);
    }
}
