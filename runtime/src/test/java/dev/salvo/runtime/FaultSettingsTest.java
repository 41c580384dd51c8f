package dev.salvo.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {
    @Test
    void defaultsAreTwoSecondsNoFailFastAndAThirtySecondDrain() {
        assertThat(FaultSettings.DEFAULTS)
                .isEqualTo(new FaultSettings(Duration.ofSeconds(2), false, Duration.ofSeconds(30)));
        assertThat(SqlProtocol.fromEnvironment().faults()).isEqualTo(FaultSettings.DEFAULTS);
    }

    @Test
    void tooShortOrMissingDurationsAreOneLineErrors() {
        assertThatThrownBy(() -> new FaultSettings(Duration.ofMillis(10), false, Duration.ofSeconds(1)))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: unreachableAfter must be at least 100 ms, but was PT0.01S");
        assertThatThrownBy(() -> new FaultSettings(Duration.ofSeconds(1), false, null))
                .isInstanceOf(SalvoException.class)
                .hasMessage("database: drainTimeout must be at least 100 ms, but was null");
    }

    @Test
    void theProtocolKeepsItsFaultSettingsThroughEveryChange() {
        FaultSettings fast = new FaultSettings(Duration.ofSeconds(1), true, Duration.ofSeconds(5));
        SqlProtocol p =
                SqlProtocol.fromEnvironment().withFaults(fast).withPoolSize(3).withWarmup(Duration.ofSeconds(1));
        assertThat(p.faults()).isEqualTo(fast);
    }
}
