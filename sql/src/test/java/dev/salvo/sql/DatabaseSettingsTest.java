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
    DatabaseSettings s = DatabaseSettings.fromEnvironment(props,
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
  void rejectsNonJdbcUrl() {
    assertThatThrownBy(() -> DatabaseSettings.of("postgres://db/app", null, null))
        .hasMessage("salvo.url: a JDBC URL must start with 'jdbc:', but was 'postgres://db/app'");
  }

  @Test
  void dialectFromUrl() {
    assertThat(Dialect.forUrl("jdbc:postgresql://x/y").name()).isEqualTo("postgresql");
    assertThat(Dialect.forUrl("jdbc:snowflake://acct.snowflakecomputing.com").name()).isEqualTo("snowflake");
    assertThatThrownBy(() -> Dialect.forUrl("jdbc:mysql://x"))
        .hasMessage("salvo.url: the JDBC URL must be one of jdbc:postgresql:, jdbc:snowflake:, but was 'jdbc:mysql://x'");
    assertThat(Dialect.forUrl("jdbc:postgresql:x").quoteIdentifier("we\"ird; --")).isEqualTo("\"we\"\"ird; --\"");
  }
}
