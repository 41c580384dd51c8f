package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionsTest {

    @Test
    void aSnowflakeUrlWithoutTheDriverSaysHowToGetIt() {
        // the sql module does not ship snowflake-jdbc: nothing leaves the machine here
        assertThatThrownBy(() -> Connections.open(DatabaseSettings.of(
                        "jdbc:snowflake://acct.snowflakecomputing.com/", "bench", "pw", SnowflakeSettings.DEFAULTS)))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "database jdbc:snowflake://acct.snowflakecomputing.com/: a JDBC driver for snowflake must be on the "
                                + "class path, but none is; build with the Maven profile -Psnowflake, or add the dependency "
                                + "dev.salvo:salvo-snowflake (see docs/snowflake.md)");
    }

    @Test
    void aRefusedConnectionIsOneLineNamingTheUrlAndUser() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?password=pw9";
        assertThatThrownBy(() -> Connections.open(DatabaseSettings.of(url, "bench", "pw8")))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith(
                        "database jdbc:postgresql://127.0.0.1:" + port + "/app?password=***: must accept a "
                                + "connection as user 'bench', but Connection to 127.0.0.1:" + port + " refused")
                .hasMessageEndingWith("(SQLSTATE 08001)")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("pw8", "pw9").doesNotContain("\n"));
    }

    @Test
    void opensAWorkingConnection() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(java.nio.file.Path.of("target", "connections-pg"));
                Connection c = Connections.open(db.settings())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
