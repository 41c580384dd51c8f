package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void randomLongCoversTheClosedRange() {
        ParameterStrategy<Long> s = Strategies.randomLong(3, 7);
        SplittableRandom r = new SplittableRandom(1);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(s.next(r));
        }
        assertThat(seen).containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L);
        assertThat(Strategies.randomLong(Long.MAX_VALUE - 1, Long.MAX_VALUE).next(r))
                .isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void randomDateCoversTheClosedRange() {
        ParameterStrategy<LocalDate> s = Strategies.randomDate(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3));
        SplittableRandom r = new SplittableRandom(1);
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            seen.add(s.next(r));
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void rejectsInvertedRanges() {
        assertThatThrownBy(() -> Strategies.randomLong(5, 4))
                .isInstanceOf(SalvoException.class)
                .hasMessage("randomLong: max must be >= min, but was min=5, max=4");
        assertThatThrownBy(() -> Strategies.randomDate(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
                .hasMessage("randomDate: max must not be before min, but was min=2024-01-02, max=2024-01-01");
    }

    @Test
    void profileBackedStrategiesWorkAlone() {
        SplittableRandom r = new SplittableRandom(1);
        var orders = Profiles.orders();
        assertThat((Long) Strategies.randomInRange(orders.column("order_id")).next(r))
                .isBetween(1L, 1000L);
        assertThat(Strategies.sampleFromTable(orders.column("category")).next(r))
                .isIn("books", "toys", "garden", "music");
        assertThat(Strategies.weightedSample(orders.column("category")).next(r))
                .isIn("books", "toys", "garden", "music");
        assertThat((java.util.List<?>)
                        Strategies.sampleList(orders.column("category"), 2, 2).next(r))
                .hasSize(2);
        assertThat(Strategies.choice(java.util.List.of("x")).next(r)).isEqualTo("x");
        assertThat((Double) Strategies.randomNumeric(0.0, 1.0).next(r)).isBetween(0.0, 1.0);
        ParameterStrategy<Object> circular =
                Strategies.sampleFromPool(Pool.of("p", java.util.List.of(1, 2)), PoolOrdering.CIRCULAR);
        assertThat(java.util.List.of(circular.next(r), circular.next(r), circular.next(r)))
                .containsExactly(1, 2, 1);
        assertThatThrownBy(() -> Strategies.randomInRange(orders.column("category")))
                .isInstanceOf(SalvoException.class)
                .hasMessageContaining("random_in_range must be used on a numeric, date or timestamp column");
    }
}
