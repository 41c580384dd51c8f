package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.runtime.FindMax;
import dev.salvo.sql.SalvoException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FindMaxBuilderTest {
    @Test
    void eachSettingChangesOnlyItsOwnValue() {
        FindMaxBuilder b = SqlDsl.findMax()
                .increment(2)
                .maxConcurrency(20)
                .stepDuration(3)
                .maxErrorRate(0.05)
                .maxP95Degradation(3)
                .minThroughputGain(7)
                .startConcurrency(4);
        assertThat(b.toFindMax()).isEqualTo(new FindMax(4, 2, Duration.ofSeconds(3), 20, 0.05, 3, 7));
        assertThat(SqlDsl.findMax().toFindMax())
                .as("defaults, unchanged by the copies")
                .isEqualTo(new FindMax(1, 1, Duration.ofSeconds(10), 16, 0.01, 2.0, 5.0));
    }

    @Test
    void aStartAboveTheMaximumRaisesTheMaximum() {
        assertThat(SqlDsl.findMax()
                        .maxConcurrency(8)
                        .startConcurrency(12)
                        .toFindMax()
                        .maxConcurrency())
                .isEqualTo(12);
    }

    @Test
    void aBadSettingIsOneLine() {
        assertThatThrownBy(() -> SqlDsl.findMax().increment(0))
                .isInstanceOf(SalvoException.class)
                .hasMessage("findMax: increment must be at least 1, but was 0");
    }
}
