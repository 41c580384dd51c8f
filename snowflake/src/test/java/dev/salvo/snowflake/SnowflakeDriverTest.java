package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.Connections;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SnowflakeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snowflake-jdbc on the class path, with no network: every URL here points at 127.0.0.1 port 9, where nothing listens,
 * so the driver's login request is refused on this machine and nothing leaves it.
 */
class SnowflakeDriverTest {
    private static final String UNREACHABLE = "jdbc:snowflake://127.0.0.1:9";

    @TempDir
    Path dir;

    private static SnowflakeSettings settings(Path key) {
        return new SnowflakeSettings("BENCH_WH", "SHOP", "PUBLIC", "BENCH", key, null, true, 1);
    }

    @Test
    void theDriverServesSnowflakeUrls() throws Exception {
        Driver driver = DriverManager.getDriver("jdbc:snowflake://acct.snowflakecomputing.com");
        assertThat(driver.getClass().getName()).startsWith("net.snowflake.client.");
    }

    @Test
    void anUnreachableAccountFailsBeforeLoadWithOneLineNamingTheHost() {
        assertThatThrownBy(() ->
                        Connections.open(DatabaseSettings.of(UNREACHABLE, "bench", "pw-never-shown", settings(null))))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "database jdbc:snowflake://127.0.0.1:9: must accept a connection as user 'bench', but JDBC driver "
                                + "encountered communication error. Message: Exception encountered for HTTP request: Connect to "
                                + "127.0.0.1:9 [/127.0.0.1] failed: Connection refused. (SQLSTATE 58030)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-never-shown"));
    }

    /** The driver reads Salvo's key-pair properties: a valid key gets as far as the (refused) login request. */
    @Test
    void keyPairAuthenticationReachesTheLoginWithAValidKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path key = Files.writeString(dir.resolve("rsa_key.p8"), pem);
        assertThatThrownBy(() -> Connections.open(DatabaseSettings.of(UNREACHABLE, "bench", null, settings(key))))
                .hasMessageContaining("Connect to 127.0.0.1:9 [/127.0.0.1] failed: Connection refused.");
    }

    /** ... and an unreadable key is refused by the driver before any request, without printing the key. */
    @Test
    void keyPairAuthenticationRejectsABrokenKeyBeforeAnyRequest() throws Exception {
        Path key = Files.writeString(
                dir.resolve("broken.p8"),
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n" + "-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Connections.open(DatabaseSettings.of(UNREACHABLE, "bench", null, settings(key))))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith(
                        "database jdbc:snowflake://127.0.0.1:9: must accept a connection as user 'bench', but ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Connection refused", "bm90IGEga2V5", "\n"));
    }
}
