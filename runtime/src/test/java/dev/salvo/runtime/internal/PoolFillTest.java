package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.runtime.SqlProtocol;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.SalvoException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a server that allows 20 connections: a pool that does not fit is refused in one line, and nothing stays open. */
class PoolFillTest {
    static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "pool-fill-test-pg"), Map.of("max_connections", "20"));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE bob LOGIN CONNECTION LIMIT 5");
            st.execute("CREATE ROLE carol LOGIN");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static SqlProtocol pool(String user, int size) {
        return SqlProtocol.fromEnvironment()
                .withSettings(DatabaseSettings.of("jdbc:postgresql://localhost:" + db.port() + "/postgres", user, null))
                .withPoolSize(size)
                .withConnectionTimeout(Duration.ofSeconds(5))
                .withLoadDemoSchema(false);
    }

    private static void open(SqlProtocol protocol, String tag) {
        Target.open(protocol, Path.of("unused"), "run-1", tag).close();
    }

    @Test
    void aPoolLargerThanMaxConnectionsIsRefusedInOneLineNamingTheSettingAndItsValue() throws Exception {
        assertThatThrownBy(() -> open(pool("postgres", 30), "salvo-fill-superuser"))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: a pool of 30 connections must fit the server's max_connections, but PostgreSQL"
                        + " refused one: FATAL: sorry, too many clients already (SQLSTATE 53300); max_connections is 20"
                        + " (3 of them reserved), shared with every other session: raise max_connections"
                        + " (postgresql.conf; takes a restart) or lower poolSize");
        assertNoneLeftOpen("salvo-fill-superuser");
    }

    @Test
    void anOrdinaryRoleMeetsTheReservedSlotsAndIsToldAboutMaxConnections() throws Exception {
        assertThatThrownBy(() -> open(pool("carol", 20), "salvo-fill-carol"))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: a pool of 20 connections must fit the server's max_connections, but PostgreSQL"
                        + " refused one: FATAL: remaining connection slots are reserved for roles with the SUPERUSER"
                        + " attribute (SQLSTATE 53300); max_connections is 20 (3 of them reserved), shared with every"
                        + " other session: raise max_connections (postgresql.conf; takes a restart) or lower poolSize");
        assertNoneLeftOpen("salvo-fill-carol");
    }

    @Test
    void aPoolLargerThanTheRolesConnectionLimitNamesThatLimit() throws Exception {
        assertThatThrownBy(() -> open(pool("bob", 8), "salvo-fill-bob"))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: a pool of 8 connections must fit the role's CONNECTION LIMIT, but PostgreSQL"
                        + " refused one: FATAL: too many connections for role \"bob\" (SQLSTATE 53300); the role's"
                        + " CONNECTION LIMIT is 5: raise it (ALTER ROLE ... CONNECTION LIMIT) or lower poolSize");
        assertNoneLeftOpen("salvo-fill-bob");
    }

    @Test
    void aPoolThatFitsIsFullBeforeTheFirstRequest() {
        try (Target t = Target.open(pool("bob", 5), Path.of("unused"), "run-1", "salvo-fill-fits")) {
            assertThat(t.pooledConnections()).isEqualTo(5);
        }
    }

    /** Backends end shortly after their clients close: waits for that, then counts (no timing is asserted). */
    private static void assertNoneLeftOpen(String tag) throws Exception {
        int open = -1;
        for (int i = 0; i < 300 && open != 0; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + tag + "'")) {
                rs.next();
                open = rs.getInt(1);
            } catch (java.sql.SQLException e) {
                // the server may still be full of the closing backends
            }
            if (open != 0) {
                Thread.sleep(100);
            }
        }
        assertThat(open).as("connections of %s still open", tag).isZero();
    }
}
