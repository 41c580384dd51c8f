package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakeSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsSessionSettingsFromPropertiesBeforeEnvironment() {
        Properties props = new Properties();
        props.setProperty("salvo.warehouse", "BENCH_WH");
        SnowflakeSettings s = SnowflakeSettings.fromEnvironment(
                props,
                Map.of(
                        "SALVO_WAREHOUSE",
                        "OTHER_WH",
                        "SALVO_DATABASE",
                        "SHOP",
                        "SALVO_SCHEMA",
                        "PUBLIC",
                        "SALVO_ROLE",
                        "BENCH",
                        "SALVO_RESULT_CACHE",
                        "off",
                        "SALVO_LOGIN_TIMEOUT_SECONDS",
                        "15"));
        assertThat(s).isEqualTo(new SnowflakeSettings("BENCH_WH", "SHOP", "PUBLIC", "BENCH", null, null, false, 15));
        assertThat(SnowflakeSettings.fromEnvironment(new Properties(), Map.of()))
                .isEqualTo(SnowflakeSettings.DEFAULTS);
    }

    @Test
    void passwordAuthenticationGivesTheDriverUserPasswordAndSession() {
        SnowflakeSettings s = new SnowflakeSettings("WH", "DB", "SC", "R", null, null, true, 60);
        Properties p = s.driverProperties("bench", "pw");
        assertThat(p)
                .containsOnly(
                        Map.entry("user", "bench"),
                        Map.entry("password", "pw"),
                        Map.entry("warehouse", "WH"),
                        Map.entry("db", "DB"),
                        Map.entry("schema", "SC"),
                        Map.entry("role", "R"),
                        Map.entry("loginTimeout", "60"),
                        Map.entry("application", "Salvo"),
                        Map.entry("disablePlatformDetection", "true"));
    }

    @Test
    void keyPairAuthenticationUsesTheKeyFileAndPassphraseAndDropsThePassword() throws Exception {
        Path key = Files.writeString(dir.resolve("rsa_key.p8"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        Properties props = new Properties();
        props.setProperty("salvo.privateKeyFile", key.toString());
        SnowflakeSettings s =
                SnowflakeSettings.fromEnvironment(props, Map.of("SALVO_PRIVATE_KEY_PASSPHRASE", "k3y-pass"));
        Properties p = s.driverProperties("bench", "ignored-password");
        assertThat(p.getProperty("authenticator")).isEqualTo("SNOWFLAKE_JWT");
        assertThat(p.getProperty("private_key_file"))
                .isEqualTo(key.toAbsolutePath().toString());
        assertThat(p.getProperty("private_key_pwd")).isEqualTo("k3y-pass");
        assertThat(p).doesNotContainKey("password");
        assertThat(s.toString()).doesNotContain("k3y-pass").contains("privateKeyPassphrase=***");
    }

    @Test
    void passphraseIsReadFromTheEnvironmentOnlyNeverFromAProperty() throws Exception {
        Path key = Files.writeString(dir.resolve("k.p8"), "x");
        Properties props = new Properties();
        props.setProperty("salvo.privateKeyFile", key.toString());
        props.setProperty("SALVO_PRIVATE_KEY_PASSPHRASE", "on-the-command-line");
        assertThat(SnowflakeSettings.fromEnvironment(props, Map.of()).privateKeyPassphrase())
                .isNull();
    }

    @Test
    void rejectsBadValuesWithOneLine() {
        assertThatThrownBy(() -> SnowflakeSettings.fromEnvironment(
                        new Properties(),
                        Map.of(
                                "SALVO_PRIVATE_KEY_FILE",
                                dir.resolve("missing.p8").toString())))
                .hasMessage("salvo.privateKeyFile: the private key must be a readable file, but was '"
                        + dir.resolve("missing.p8") + "'");
        assertThatThrownBy(() ->
                        SnowflakeSettings.fromEnvironment(new Properties(), Map.of("SALVO_RESULT_CACHE", "maybe")))
                .hasMessage("salvo.resultCache: must be on or off, but was 'maybe'");
        assertThatThrownBy(() -> SnowflakeSettings.fromEnvironment(
                        new Properties(), Map.of("SALVO_LOGIN_TIMEOUT_SECONDS", "soon")))
                .hasMessage("salvo.loginTimeoutSeconds: must be a whole number of seconds, but was 'soon'");
        assertThatThrownBy(() -> new SnowflakeSettings(null, null, null, null, null, "secret-pass", true, 60))
                .hasMessage(
                        "SALVO_PRIVATE_KEY_PASSPHRASE: a passphrase must come with salvo.privateKeyFile, but no private "
                                + "key file is set")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-pass"));
        assertThatThrownBy(() -> new SnowflakeSettings(null, null, null, null, null, null, true, 0))
                .hasMessage("salvo.loginTimeoutSeconds: must be between 1 and 3600, but was 0");
    }
}
