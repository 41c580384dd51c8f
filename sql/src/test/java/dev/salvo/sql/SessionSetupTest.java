package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSetupTest {
    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> new SessionSetup(" ", 0, Duration.ZERO, true))
                .hasMessage("session setup: the run id must be a non-empty text, but was ' '");
        assertThatThrownBy(() -> new SessionSetup("r", -1, Duration.ZERO, true))
                .hasMessage("session setup: the worker index must be zero or positive, but was -1");
        assertThatThrownBy(() -> new SessionSetup("r", 0, Duration.ofSeconds(-1), true))
                .hasMessage("session setup: the statement timeout must be zero (none) or positive, but was PT-1S");
    }
}
