package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.TableShape;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.TableProfile;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every profile-backed strategy on a timestamp with time zone column: values are OffsetDateTime at UTC. */
class TimestampTzTest {
    private final TableProfile events = Profiles.events();
    private final ColumnProfile at = events.column("at");
    private final OffsetDateTime min = (OffsetDateTime) at.min();
    private final OffsetDateTime max = (OffsetDateTime) at.max();

    @Test
    @SuppressWarnings("unchecked")
    void everyStrategyDrawsInstantsAtUtc() {
        ParameterGenerator g = ParameterGenerator.builder()
                .profiles(events)
                .parameters(
                        ParameterSpec.randomInRange("from", "at").type(ParamType.DATE),
                        ParameterSpec.offsetFromPrevious("to", "from", 1, 7),
                        ParameterSpec.sampleFromTable("s", "at"),
                        ParameterSpec.weightedSample("w", "at"),
                        ParameterSpec.sampleList("l", "at", 2, 3))
                .build();
        Tuple t = g.newTuple();
        Map<Object, Integer> weighted = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            g.next(t);
            assertThat(t.kind(0)).isEqualTo(Tuple.Kind.TIMESTAMPTZ);
            OffsetDateTime from = (OffsetDateTime) t.get(0);
            assertThat(from).isBetween(min, max);
            assertThat(from.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(from.getNano()).isZero();
            assertThat(t.get(1)).isIn(from.plusDays(1), from.plusDays(7));
            assertThat(at.sample()).contains(t.get(2));
            weighted.merge(t.get(3), 1, Integer::sum);
            assertThat((List<Object>) t.get(4))
                    .hasSizeBetween(2, 3)
                    .doesNotHaveDuplicates()
                    .isSubsetOf(at.sample());
        }
        assertThat(weighted.get(min.plusHours(5)) / (double) n).isCloseTo(0.4, within(0.01));
        assertThat(weighted.get(min.plusHours(6)) / (double) n).isCloseTo(0.2, within(0.01));
    }

    @Test
    void implicitRangeParametersAndStandaloneStrategiesWork() {
        TableShape shape = TableShape.of("events").withRange("at");
        List<ParameterSpec> specs = ImplicitParameters.forKind(QueryKind.RANGE_SCAN, shape, events);
        Map<String, Object> m = ParameterGenerator.builder()
                .profiles(events)
                .parameters(specs)
                .build()
                .nextMap();
        OffsetDateTime from = (OffsetDateTime) m.get("from");
        assertThat(m.get("to")).isIn(from.plusDays(1), from.plusDays(7), from.plusDays(30));
        SplittableRandom r = new SplittableRandom(1);
        assertThat((OffsetDateTime) Strategies.randomInRange(at).next(r)).isBetween(min, max);
        assertThat(Strategies.weightedSample(at).next(r)).isInstanceOf(OffsetDateTime.class);
    }
}
