package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VarietyCounterTest {
    @Test
    void estimatesDistinctTuplesPerRequest() {
        VarietyCounter repeated = new VarietyCounter();
        VarietyCounter varied = new VarietyCounter();
        Object[] t = new Object[2];
        for (int i = 0; i < 100_000; i++) {
            t[0] = (long) (i % 10);
            t[1] = "x";
            repeated.record(t, 2);
            t[0] = (long) i;
            t[1] = List.of(i, i + 1);
            varied.record(t, 2);
        }
        assertThat(repeated.requests()).isEqualTo(100_000);
        assertThat(repeated.distinctEstimate()).isEqualTo(10);
        assertThat(varied.distinctEstimate()).isBetween(95_000L, 100_000L);
        assertThat(varied.ratio()).isGreaterThan(0.95);
        assertThat(new VarietyCounter().ratio()).isZero();
    }

    @Test
    void countsFromManyThreads() {
        VarietyCounter c = new VarietyCounter();
        IntStream.range(0, 40_000).parallel().forEach(i -> c.recordHash(i % 5_000));
        assertThat(c.requests()).isEqualTo(40_000);
        assertThat(c.distinctEstimate()).isBetween(4_900L, 5_100L);
    }
}
