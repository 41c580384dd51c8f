package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.runtime.SqlProtocol;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TargetTest {
    static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "target-test-pg"));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE alice LOGIN PASSWORD 'right-password'");
            st.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            // the embedded server trusts everyone: require passwords for every user but the superuser
            java.sql.ResultSet rs = st.executeQuery("SHOW hba_file");
            rs.next();
            java.nio.file.Files.writeString(
                    Path.of(rs.getString(1)),
                    String.join(
                            "\n",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            st.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static SqlProtocol protocol(String url, String user, String password) {
        return SqlProtocol.fromEnvironment()
                .withSettings(DatabaseSettings.of(url, user, password))
                .withPoolSize(2)
                .withConnectionTimeout(Duration.ofSeconds(2))
                .withLoadDemoSchema(false);
    }

    private static PreparedRequest prepared(SqlRequest r) {
        return new PreparedRequest(r, new dev.salvo.sql.PostgresDialect());
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + db.port() + "/postgres";
    }

    @Test
    void refusedConnectionIsOneLineNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/app";
        assertThatThrownBy(() -> Target.open(protocol(url, "bob", "pw"), Path.of("unused")))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith("database " + url + ": must accept a connection as user 'bob', but ")
                .hasMessageContaining("SQLSTATE 08001")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void wrongPasswordIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> Target.open(protocol(url(), "alice", "wrong-password"), Path.of("unused")))
                .isInstanceOf(SalvoException.class)
                .hasMessageContaining("password authentication failed for user \"alice\"")
                .hasMessageContaining("SQLSTATE 28P01")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("wrong-password")
                        .doesNotContain("\n"));
    }

    @Test
    void sqlThatDoesNotParseNamesTheRequest() {
        try (Target t = Target.open(protocol(url(), "alice", "right-password"), Path.of("unused"))) {
            t.validate(prepared(SqlRequest.of(
                    "ok", QueryKind.POINT_LOOKUP, "SELECT v FROM t WHERE id = :id", Map.of("id", s -> 1))));
            assertThatThrownBy(() -> t.validate(
                            prepared(SqlRequest.of("broken", QueryKind.GENERIC, "SELEC v FROM t", Map.of()))))
                    .isInstanceOf(SalvoException.class)
                    .hasMessage(
                            "request 'broken': the SQL must be accepted by postgresql, but ERROR: syntax error at or near"
                                    + " \"SELEC\" (SQLSTATE 42601) in: SELEC v FROM t");
            assertThatThrownBy(() -> t.validate(
                            prepared(SqlRequest.of("missing", QueryKind.GENERIC, "SELECT * FROM nope", Map.of()))))
                    .hasMessageContaining("relation \"nope\" does not exist");
            assertThat(t.product).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void aBoundValueOfTheWrongTypeIsOneLineNamingRequestParameterAndBothTypes() {
        try (Target t = Target.open(protocol(url(), "alice", "right-password"), Path.of("unused"))) {
            t.validate(prepared(SqlRequest.of(
                    "by id",
                    QueryKind.POINT_LOOKUP,
                    "SELECT v FROM t WHERE id = :id",
                    Map.of("id", new SqlRequest.Constant(42L)))));
            t.validate(prepared(
                    SqlRequest.of("echo", QueryKind.GENERIC, "SELECT :x", Map.of("x", new SqlRequest.Constant(7L)))));
            assertThatThrownBy(() -> t.validate(prepared(SqlRequest.of(
                            "by id",
                            QueryKind.POINT_LOOKUP,
                            "SELECT v FROM t WHERE id = :id",
                            Map.of("id", new SqlRequest.Constant("abc"))))))
                    .isInstanceOf(SalvoException.class)
                    .hasMessage(
                            "request 'by id': parameter 'id' must be bound to a value of the database's type int4, but was"
                                    + " String 'abc'");
            assertThatThrownBy(() -> t.validate(prepared(SqlRequest.of(
                            "by ids",
                            QueryKind.POINT_LOOKUP,
                            "SELECT v FROM t WHERE id IN (:ids)",
                            Map.of("ids", new SqlRequest.Constant(java.util.List.of("a", "b")))))))
                    .hasMessage(
                            "request 'by ids': parameter 'ids' must be bound to a value of the database's type int4, but was"
                                    + " String 'a'");
        }
    }

    @Test
    void aPoolOfEightyIsFullAndSetUpBeforeTheFirstRequest() throws Exception {
        SqlProtocol eighty =
                protocol(url(), "alice", "right-password").withPoolSize(80).withQueryTimeout(Duration.ofSeconds(7));
        try (Target t = Target.open(eighty, Path.of("unused"), "run-1", "salvo-fill-test")) {
            // no request has run: every connection is open and in the pool, as the server sees them too
            assertThat(t.pooledConnections()).isEqualTo(80);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'salvo-fill-test'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(80);
            }
            // each set up for the run (its session SQL): the statement timeout
            try (Connection c = t.connection();
                    Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("7s");
            }
            assertThat(t.pooledConnections()).isEqualTo(80);
        }
    }

    @Test
    void withoutAUrlSaysItStartsTheEmbeddedDatabaseAndAMissingTableHintsAtTheUrl() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        SqlProtocol embedded = SqlProtocol.fromEnvironment()
                .withSettings(DatabaseSettings.of(null, null, null))
                .withPoolSize(2);
        System.setOut(new java.io.PrintStream(printed, true));
        try (Target t = Target.open(embedded, Path.of("target", "target-test-embedded"))) {
            System.setOut(out);
            // Salvo's own lines (the embedded server's log may interleave with them)
            assertThat(printed.toString().lines().filter(l -> l.startsWith("[salvo]")))
                    .first()
                    .isEqualTo(
                            "[salvo] no salvo.url / SALVO_URL set: starting the embedded PostgreSQL with the demo schema");
            assertThat(printed.toString().lines().filter(l -> l.startsWith("[salvo] pool: ")))
                    .singleElement()
                    .asString()
                    .startsWith("[salvo] pool: 2 connections open in ");
            assertThatThrownBy(() -> t.validate(prepared(SqlRequest.of(
                            "accounts", QueryKind.GENERIC, "SELECT abalance FROM pgbench_accounts", Map.of()))))
                    .hasMessage("request 'accounts': the SQL must be accepted by postgresql, but ERROR: relation"
                            + " \"pgbench_accounts\" does not exist (SQLSTATE 42P01) in: SELECT abalance FROM pgbench_accounts; no"
                            + " salvo.url / SALVO_URL is set, so this ran on the embedded database with the demo schema (customers,"
                            + " orders): set the URL of your database");
        } finally {
            System.setOut(out);
        }
    }
}
