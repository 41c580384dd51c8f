package dev.salvo.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SalvoException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlProtocolTest {
    private final SqlProtocol base = SqlProtocol.fromEnvironment();

    @Test
    void eachWitherChangesOnlyItsOwnComponent() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/x", "u", "p");
        FindMax search = new FindMax(1, 1, Duration.ofSeconds(1), 2, 0.01, 2, 5);
        ParameterSettings parameters = base.parameters();
        SqlProtocol changed = base.withSettings(settings)
                .withPoolSize(3)
                .withConnectionTimeout(Duration.ofSeconds(2))
                .withLoadDemoSchema(false)
                .withQueryTimeout(Duration.ofSeconds(4))
                .withParameters(parameters)
                .withFindMax(search)
                .withGatlingRequestStats(false)
                .withEmbeddedSetup(List.of("SELECT 1"));
        assertThat(changed)
                .isEqualTo(new SqlProtocol(
                        settings,
                        3,
                        Duration.ofSeconds(2),
                        false,
                        Duration.ZERO,
                        Duration.ofSeconds(4),
                        parameters,
                        search,
                        false,
                        List.of("SELECT 1"),
                        List.of()));
        assertThat(base.withWarmup(Duration.ofSeconds(5)))
                .isEqualTo(new SqlProtocol(
                        base.settings(),
                        base.poolSize(),
                        base.connectionTimeout(),
                        base.loadDemoSchema(),
                        Duration.ofSeconds(5),
                        base.queryTimeout(),
                        base.parameters(),
                        null,
                        base.gatlingRequestStats(),
                        base.embeddedSetup(),
                        base.beforeLoad()));
        assertThat(base.poolSize()).as("the original is unchanged").isEqualTo(SqlProtocol.DEFAULT_POOL_SIZE);
    }

    @Test
    void aWitherChecksTheWholeProtocolAgain() {
        assertThatThrownBy(() -> base.withPoolSize(0))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: poolSize must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> base.withWarmup(Duration.ofSeconds(1))
                        .withFindMax(new FindMax(1, 1, Duration.ofSeconds(1), 2, 0.01, 2, 5)))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "database: a find-max run must have no warmup (its first step is the reference), but warmup was"
                                + " PT1S");
    }
}
