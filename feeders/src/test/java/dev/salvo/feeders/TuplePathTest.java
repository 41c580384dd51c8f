package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** {@link ParameterGenerator#next(Tuple)}: the same values as the boxed path, without allocating. */
class TuplePathTest {
    /** Every strategy, and every kind of base offset_from_previous reads (primitive or stored). */
    private static final List<ParameterSpec> ALL = List.of(
            ParameterSpec.choice("choice", List.of("a", "b", "c")),
            ParameterSpec.choice("ints", List.of(1, 2, 3)),
            ParameterSpec.randomInRange("id", "order_id"),
            ParameterSpec.randomInRange("date", "order_date"),
            ParameterSpec.randomInRange("amount", "amount"),
            ParameterSpec.randomInRange("price", "price"),
            ParameterSpec.randomInRange("huge", "huge"),
            ParameterSpec.randomInRange("ratio", "ratio"),
            ParameterSpec.randomInRange("day", "day"),
            ParameterSpec.randomInRange("local", "local_at"),
            ParameterSpec.randomInRange("at", "at"),
            ParameterSpec.sampleFromTable("sampled_at", "at"),
            ParameterSpec.sampleFromTable("sampled_local", "local_at"),
            ParameterSpec.sampleFromTable("sampled_price", "price"),
            ParameterSpec.sampleFromTable("sampled_id", "order_id"),
            ParameterSpec.sampleFromTable("sampled_day", "day"),
            ParameterSpec.weightedSample("weighted_at", "at"),
            ParameterSpec.weightedSample("weighted", "category"),
            ParameterSpec.offsetFromPrevious("id_plus", "id", 1, 10, 100),
            ParameterSpec.offsetFromPrevious("id_half", "id", 0.5, 2),
            ParameterSpec.offsetFromPrevious("ints_plus", "ints", 7),
            ParameterSpec.offsetFromPrevious("date_plus", "date", 1, 7, 30),
            ParameterSpec.offsetFromPrevious("day_plus", "day", -1, 1),
            ParameterSpec.offsetFromPrevious("amount_plus", "amount", 0.001, 10, new BigDecimal("2.5")),
            ParameterSpec.offsetFromPrevious("price_plus", "price", 1, 0.0001),
            ParameterSpec.offsetFromPrevious("huge_plus", "huge", 1, 0.5),
            ParameterSpec.offsetFromPrevious("ratio_plus", "ratio", 1, 0.25),
            ParameterSpec.offsetFromPrevious("local_plus", "local", 1, 0.5),
            ParameterSpec.offsetFromPrevious("at_plus", "at", 1, 0.25, -2),
            ParameterSpec.offsetFromPrevious("sampled_at_plus", "sampled_at", 1, 0.5),
            ParameterSpec.offsetFromPrevious("sampled_local_plus", "sampled_local", 1, 0.5),
            ParameterSpec.offsetFromPrevious("sampled_price_plus", "sampled_price", 1, 0.5),
            ParameterSpec.offsetFromPrevious("sampled_id_plus", "sampled_id", 3),
            ParameterSpec.offsetFromPrevious("sampled_day_plus", "sampled_day", 3),
            ParameterSpec.offsetFromPrevious("chained", "at_plus", 1),
            ParameterSpec.sampleList("list", "order_id", 1, 20),
            ParameterSpec.randomNumeric("long", 1, 1_000_000),
            ParameterSpec.randomNumeric("double", 0.5, 99.5),
            ParameterSpec.sampleFromPool("pool_random", "ids", PoolOrdering.RANDOM),
            ParameterSpec.sampleFromPool("pool_circular", "ids", PoolOrdering.CIRCULAR),
            ParameterSpec.sampleFromPool("pool_shuffle", "ids", PoolOrdering.SHUFFLE),
            ParameterSpec.sequence("sequence", "order_id"));

    private static ParameterGenerator generator(List<ParameterSpec> specs) {
        return ParameterGenerator.builder()
                .profiles(Profiles.orders(), Profiles.events())
                .pools(Pool.of("ids", List.of(10L, 20L, 30L, 40L)))
                .seed(11)
                .parameters(specs)
                .build();
    }

    @Test
    void drawIGivesTheSameValuesThroughTheTupleAndTheBoxedPath() {
        ParameterGenerator tuples = generator(ALL);
        ParameterGenerator boxes = generator(ALL);
        Tuple t = tuples.newTuple();
        Object[] b = new Object[ALL.size()];
        VarietyCounter fromTuples = new VarietyCounter();
        VarietyCounter fromBoxes = new VarietyCounter();
        for (int i = 0; i < 20_000; i++) {
            if (i % 2 == 0) {
                tuples.next(t);
                boxes.next(b);
            } else {
                tuples.draw(i, t);
                boxes.draw(i, b);
            }
            for (int s = 0; s < b.length; s++) {
                Object v = t.get(s);
                assertThat(v).as("draw %d, %s", i, ALL.get(s).name()).isEqualTo(b[s]);
                assertThat(v == null ? null : v.getClass()).isEqualTo(b[s] == null ? null : b[s].getClass());
                assertThat(t.hash(s)).isEqualTo(Objects.hashCode(b[s]));
            }
            fromTuples.record(t);
            fromBoxes.record(b, b.length);
        }
        assertThat(fromTuples.requests()).isEqualTo(fromBoxes.requests());
        // next() gave draws 0..9,999 and draw(i) the odd draws up to 19,999, 5,000 of them again: 15,000 distinct
        // tuples
        assertThat(fromTuples.distinctEstimate())
                .isEqualTo(fromBoxes.distinctEstimate())
                .isBetween(14_500L, 15_500L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void offsetsEqualWhatJavaTimeAndBigDecimalCompute() {
        ParameterGenerator g = generator(ALL);
        Map<String, Integer> at = new HashMap<>();
        for (int s = 0; s < ALL.size(); s++) {
            at.put(ALL.get(s).name(), s);
        }
        Object[] b = new Object[ALL.size()];
        List<String> kinds = new ArrayList<>();
        Tuple t = g.newTuple();
        for (int i = 0; i < 5_000; i++) {
            g.draw(i, b);
            g.draw(i, t);
            kinds.add(t.kind(at.get("huge_plus")).name());
            assertThat((Long) b[at.get("id_plus")] - (Long) b[at.get("id")]).isIn(1L, 10L, 100L);
            assertThat((Double) b[at.get("id_half")] - (Long) b[at.get("id")]).isIn(0.5, 2.0);
            assertThat(b[at.get("ints_plus")]).isEqualTo((long) (Integer) b[at.get("ints")] + 7);
            LocalDate date = (LocalDate) b[at.get("date")];
            assertThat(b[at.get("date_plus")]).isIn(date.plusDays(1), date.plusDays(7), date.plusDays(30));
            BigDecimal amount = (BigDecimal) b[at.get("amount")];
            assertThat(b[at.get("amount_plus")])
                    .isIn(
                            amount.add(new BigDecimal("0.001")),
                            amount.add(BigDecimal.TEN),
                            amount.add(new BigDecimal("2.5")));
            BigDecimal huge = (BigDecimal) b[at.get("huge")];
            assertThat(b[at.get("huge_plus")]).isIn(huge.add(BigDecimal.ONE), huge.add(new BigDecimal("0.5")));
            OffsetDateTime ts = (OffsetDateTime) b[at.get("at")];
            assertThat(ts.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(b[at.get("at_plus")]).isIn(ts.plusDays(1), ts.plusHours(6), ts.minusDays(2));
            LocalDateTime local = (LocalDateTime) b[at.get("sampled_local")];
            assertThat(b[at.get("sampled_local_plus")]).isIn(local.plusDays(1), local.plusHours(12));
            OffsetDateTime sampled = (OffsetDateTime) b[at.get("sampled_at")];
            assertThat(b[at.get("sampled_at_plus")]).isIn(sampled.plusDays(1), sampled.plusHours(12));
            assertThat(((List<Object>) b[at.get("list")])).hasSizeBetween(1, 20).doesNotHaveDuplicates();
        }
        // huge + 0.5 needs 20 digits: boxed (BigDecimal) instead of an overflowing long
        assertThat(kinds).contains("DECIMAL", "REFERENCE");
    }

    @Test
    void scalarAndStoredValueDrawsAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> allocating = List.of("huge_plus", "sampled_local_plus", "sampled_price_plus", "list");
        Map<String, ParameterSpec> byName = new HashMap<>();
        ALL.forEach(s -> byName.put(s.name(), s));
        for (ParameterSpec spec : ALL) {
            if (allocating.contains(spec.name())) {
                continue; // documented: BigDecimal sums past a long, sub-microsecond timestamps, stored BigDecimal
                // bases, lists
            }
            List<ParameterSpec> specs = new ArrayList<>(); // the spec and the chain of bases it reads
            for (ParameterSpec s = spec; s != null; s = s.dependsOn() == null ? null : byName.get(s.dependsOn())) {
                specs.add(s);
            }
            ParameterGenerator g = generator(specs);
            Tuple t = g.newTuple();
            for (int i = 0; i < 20_000; i++) {
                g.next(t);
            }
            int draws = 100_000;
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < draws; i++) {
                g.next(t);
            }
            long bytes = mx.getCurrentThreadAllocatedBytes() - before;
            assertThat(bytes)
                    .as("bytes allocated by %d draws of %s", draws, spec.name())
                    .isLessThan(draws / 10);
        }
    }

    @Test
    void aTupleTooSmallIsRefused() {
        ParameterGenerator g = generator(ALL.subList(0, 3));
        assertThat(g.newTuple().size()).isEqualTo(3);
        assertThatThrownBy(() -> g.next(new Tuple(2)))
                .isInstanceOf(SalvoException.class)
                .hasMessage("tuple: must have a slot per parameter (3, see newTuple()), but had 2");
    }
}
