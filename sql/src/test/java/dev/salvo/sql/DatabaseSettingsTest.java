package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void propertiesWinOverEnvironment() {
        Properties props = new Properties();
        props.setProperty("salvo.url", "jdbc:postgresql://db:5432/app");
        DatabaseSettings s = DatabaseSettings.fromEnvironment(
                props,
                Map.of("SALVO_URL", "jdbc:postgresql://other/x", "SALVO_USER", "bob", "SALVO_PASSWORD", "s3cret"));
        assertThat(s.url()).contains("jdbc:postgresql://db:5432/app");
        assertThat(s.user()).contains("bob");
        assertThat(s.password()).contains("s3cret");
        assertThat(s.embedded()).isFalse();
    }

    @Test
    void noUrlMeansEmbedded() {
        DatabaseSettings s = DatabaseSettings.fromEnvironment(new Properties(), Map.of());
        assertThat(s.embedded()).isTrue();
        assertThat(s.maskedUrl()).isEqualTo("embedded");
    }

    @Test
    void neverShowsPasswords() {
        DatabaseSettings s = DatabaseSettings.of("jdbc:postgresql://u:pw1@db/app?password=pw2&ssl=true", "u", "pw3");
        assertThat(s.toString()).doesNotContain("pw1", "pw2", "pw3");
        assertThat(s.maskedUrl()).isEqualTo("jdbc:postgresql://u:***@db/app?password=***&ssl=true");
    }

    @Test
    void neverShowsSnowflakeSecrets() throws Exception {
        java.nio.file.Path key = java.nio.file.Files.createTempFile("salvo-key", ".p8");
        try {
            Properties props = new Properties();
            props.setProperty(
                    "salvo.url", "jdbc:snowflake://acct.snowflakecomputing.com/?private_key_pwd=pw4&token=pw5");
            props.setProperty("salvo.privateKeyFile", key.toString());
            DatabaseSettings s = DatabaseSettings.fromEnvironment(
                    props,
                    Map.of("SALVO_USER", "bench", "SALVO_PASSWORD", "pw6", "SALVO_PRIVATE_KEY_PASSPHRASE", "pw7"));
            assertThat(s.snowflake()).isPresent();
            assertThat(s.toString()).doesNotContain("pw4", "pw5", "pw6", "pw7").contains("privateKeyPassphrase=***");
            assertThat(s.maskedUrl())
                    .isEqualTo("jdbc:snowflake://acct.snowflakecomputing.com/?private_key_pwd=***&token=***");
            assertThat(s.connectionProperties().getProperty("private_key_pwd")).isEqualTo("pw7");
        } finally {
            java.nio.file.Files.delete(key);
        }
    }

    @Test
    void snowflakeSettingsBelongOnlyToSnowflakeUrls() {
        Properties props = new Properties();
        props.setProperty("salvo.url", "jdbc:postgresql://db/app");
        props.setProperty("salvo.warehouse", "WH");
        DatabaseSettings pg = DatabaseSettings.fromEnvironment(props, Map.of("SALVO_USER", "u", "SALVO_PASSWORD", "p"));
        assertThat(pg.snowflake()).isEmpty();
        assertThat(pg.connectionProperties()).containsOnly(Map.entry("user", "u"), Map.entry("password", "p"));
        DatabaseSettings sf = DatabaseSettings.of(
                "jdbc:snowflake://a.snowflakecomputing.com",
                "u",
                "p",
                new SnowflakeSettings("WH", null, null, null, null, null, false, 30));
        assertThat(sf.connectionProperties().getProperty("warehouse")).isEqualTo("WH");
        assertThat(sf.snowflake().orElseThrow().resultCache()).isFalse();
    }

    @Test
    void rejectsNonJdbcUrl() {
        assertThatThrownBy(() -> DatabaseSettings.of("postgres://db/app", null, null))
                .hasMessage("salvo.url: a JDBC URL must start with 'jdbc:', but was 'postgres://db/app'");
    }

    @Test
    void dialectFromUrl() {
        assertThat(Dialect.forUrl("jdbc:postgresql://x/y").name()).isEqualTo("postgresql");
        assertThat(Dialect.forUrl("jdbc:snowflake://acct.snowflakecomputing.com")
                        .name())
                .isEqualTo("snowflake");
        assertThatThrownBy(() -> Dialect.forUrl("jdbc:mysql://x"))
                .hasMessage(
                        "salvo.url: the JDBC URL must be one of jdbc:postgresql:, jdbc:snowflake:, but was 'jdbc:mysql://x'");
        assertThat(Dialect.forUrl("jdbc:postgresql:x").quoteIdentifier("we\"ird; --"))
                .isEqualTo("\"we\"\"ird; --\"");
    }
}
