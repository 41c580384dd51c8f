package dev.salvo.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.QueryKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SloTest {

    @Test
    void defaultsFollowTheKind() {
        assertThat(Slo.defaultFor(QueryKind.POINT_LOOKUP))
                .isEqualTo(new Slo(Duration.ofMillis(100), Duration.ofMillis(200), 0.01));
        assertThat(Slo.defaultFor(QueryKind.AGGREGATION).p99()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Slo.defaultFor(QueryKind.GENERIC).p95()).isNull();
    }

    @Test
    void reportsEachBreach() {
        Slo slo = Slo.defaultFor(QueryKind.POINT_LOOKUP);
        assertThat(slo.breaches(99_000, 199_000, 100, 1)).isEmpty();
        assertThat(slo.breaches(120_500, 250_000, 100, 2))
                .containsExactly("p95 120.500 ms > 100 ms", "p99 250.000 ms > 200 ms", "error rate 0.0200 > 0.0100");
        assertThat(slo.breaches(1e9, 1e9, 0, 0))
                .as("nothing measured, nothing breached")
                .isEmpty();
    }

    @Test
    void rejectsP99BelowP95() {
        assertThatThrownBy(() -> new Slo(Duration.ofMillis(200), Duration.ofMillis(100), 0.01))
                .hasMessage("slo: p99 must be >= p95, but was p95=200 ms, p99=100 ms");
        assertThatThrownBy(() -> new Slo(null, null, 1.5))
                .hasMessage("slo: maxErrorRate must be between 0 and 1, but was 1.5");
    }
}
