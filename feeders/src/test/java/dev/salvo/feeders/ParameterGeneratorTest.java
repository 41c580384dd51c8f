package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParameterGeneratorTest {
    private static ParameterGenerator.Builder base() {
        return ParameterGenerator.builder().profiles(Profiles.orders()).seed(7);
    }

    private static ParameterGenerator build(ParameterSpec... specs) {
        return base().parameters(specs).build();
    }

    @Test
    void everyStrategyProducesValuesOfItsType() {
        ParameterGenerator g = base().pools(Pool.of("regions", List.of("north", "south")))
                .parameters(
                        ParameterSpec.choice("c", List.of("a", "b")),
                        ParameterSpec.randomInRange("id", "order_id"),
                        ParameterSpec.randomInRange("day", "orders.order_date"),
                        ParameterSpec.randomInRange("amt", "amount"),
                        ParameterSpec.sampleFromTable("s", "category"),
                        ParameterSpec.weightedSample("w", "category"),
                        ParameterSpec.offsetFromPrevious("later", "day", 7),
                        ParameterSpec.sampleList("ids", "order_id", 2, 3),
                        ParameterSpec.randomNumeric("n", 1, 5),
                        ParameterSpec.randomNumeric("x", 0.5, 1.5),
                        ParameterSpec.sampleFromPool("region", "regions", PoolOrdering.CIRCULAR),
                        ParameterSpec.sequence("new_id", "order_id"))
                .build();
        assertThat(g.names())
                .containsExactly("c", "id", "day", "amt", "s", "w", "later", "ids", "n", "x", "region", "new_id");
        Object[] t = new Object[12];
        for (int i = 0; i < 2000; i++) {
            g.next(t);
            assertThat((String) t[0]).isIn("a", "b");
            assertThat((Long) t[1]).isBetween(1L, 1000L);
            assertThat((LocalDate) t[2]).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
            assertThat((BigDecimal) t[3]).isBetween(new BigDecimal("5.00"), new BigDecimal("999.99"));
            assertThat(((BigDecimal) t[3]).scale()).isEqualTo(2);
            assertThat((String) t[4]).isIn("books", "toys", "garden", "music");
            assertThat((String) t[5]).isIn("books", "toys", "garden", "music");
            assertThat(t[6]).isEqualTo(((LocalDate) t[2]).plusDays(7));
            assertThat((List<?>) t[7]).hasSizeBetween(2, 3).doesNotHaveDuplicates();
            assertThat((Long) t[8]).isBetween(1L, 5L);
            assertThat((Double) t[9]).isBetween(0.5, 1.5);
            assertThat(t[10]).isEqualTo(i % 2 == 0 ? "north" : "south");
            assertThat(t[11]).isEqualTo(1001L + i);
        }
    }

    @Test
    void ordersDependentParametersAfterTheirBase() {
        ParameterGenerator g = build(
                ParameterSpec.offsetFromPrevious("c", "b", 1),
                ParameterSpec.offsetFromPrevious("b", "a", 10),
                ParameterSpec.randomInRange("a", "order_id"));
        Map<String, Object> t = g.nextMap();
        assertThat(t.keySet()).containsExactly("c", "b", "a");
        assertThat((Long) t.get("c")).isEqualTo((Long) t.get("a") + 11);
    }

    @Test
    void rejectsCyclicDependencies() {
        assertThatThrownBy(() -> build(
                        ParameterSpec.randomInRange("a", "order_id"),
                        ParameterSpec.offsetFromPrevious("b", "d", 1),
                        ParameterSpec.offsetFromPrevious("c", "b", 1),
                        ParameterSpec.offsetFromPrevious("d", "c", 1)))
                .isInstanceOf(SalvoException.class)
                .hasMessage("parameters: dependencies must not form a cycle, but b -> d -> c -> b does");
        assertThatThrownBy(() -> build(ParameterSpec.offsetFromPrevious("a", "a", 1)))
                .hasMessage("parameters: dependencies must not form a cycle, but a -> a does");
    }

    @Test
    void rejectsUnknownReferencesAndMissingBases() {
        assertThatThrownBy(() -> build(
                        ParameterSpec.randomInRange("start", "order_id"),
                        ParameterSpec.offsetFromPrevious("end", "strat", 1)))
                .hasMessage("parameter 'end': depends_on must name a declared parameter [start, end], but was 'strat'");
        assertThatThrownBy(() -> build(ParameterSpec.offsetFromPrevious("end", null, 1)))
                .hasMessage("parameter 'end': offset_from_previous must name its base with depends_on, but was none");
        assertThatThrownBy(() -> build(ParameterSpec.sampleFromPool("p", "nope", PoolOrdering.RANDOM)))
                .hasMessage("parameter 'p': pool must be one of the registered pools [], but was 'nope'");
    }

    @Test
    void rejectsBadInputBeforeLoad() {
        assertThatThrownBy(() -> ParameterSpec.fromMap(Map.of("name", "x", "strategy", "random_walk")))
                .hasMessage(
                        "parameter strategy: must be one of choice, random_in_range, sample_from_table, weighted_sample, "
                                + "offset_from_previous, sample_list, random_numeric, sample_from_pool, sequence, but was 'random_walk'");
        assertThatThrownBy(() -> build(ParameterSpec.randomInRange("x", "category")))
                .hasMessage("parameter 'x': random_in_range must be used on a numeric, date or timestamp column (use "
                        + "sample_from_table or weighted_sample for others), but was column orders.category (text)");
        assertThatThrownBy(() ->
                        build(ParameterSpec.sampleFromTable("x", "category").type(ParamType.NUMERIC)))
                .hasMessage(
                        "parameter 'x': type numeric must fit strategy sample_from_table and the column, but was column "
                                + "orders.category (text)");
        assertThatThrownBy(() -> build(ParameterSpec.sampleFromTable("x", "nope")))
                .hasMessageStartingWith(
                        "parameter 'x': the column must be one of the profiled columns [orders.order_id, "
                                + "orders.category,");
        assertThatThrownBy(() -> build(ParameterSpec.weightedSample("x", "gone")))
                .hasMessage("parameter 'x': the column must hold non-NULL values for weighted_sample, but was column "
                        + "orders.gone (text) with 1000 rows, 1000 NULL: empty table or all-NULL column");
        assertThatThrownBy(() -> build(ParameterSpec.randomNumeric("x", 5, 1)))
                .hasMessage("parameter 'x': random_numeric bounds must satisfy min <= max, but was min=5, max=1");
        assertThatThrownBy(() -> ParameterSpec.sampleList("x", "category", 0, 2))
                .hasMessage(
                        "parameter 'x': sample_list counts must satisfy 1 <= min <= max < min + 10000, but were min=0, max=2");
        assertThatThrownBy(() -> build(ParameterSpec.choice("a", List.of(1)), ParameterSpec.choice("a", List.of(2))))
                .hasMessage("parameters: each name must be declared once, but 'a' is declared twice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void capsSampleListAtTheDistinctValues() {
        ParameterGenerator g = build(ParameterSpec.sampleList("cats", "category", List.of(10)));
        for (int i = 0; i < 100; i++) {
            assertThat((List<Object>) g.nextMap().get("cats"))
                    .containsExactlyInAnyOrder("books", "toys", "garden", "music");
        }
    }

    @Test
    void readsSpecsFromConfigurationKeys() {
        ParameterGenerator g = build(
                ParameterSpec.fromMap(
                        Map.of("name", "start", "type", "date", "strategy", "random_in_range", "column", "order_date")),
                ParameterSpec.fromMap(Map.of(
                        "name",
                        "end",
                        "type",
                        "date",
                        "strategy",
                        "offset_from_previous",
                        "depends_on",
                        "start",
                        "offset",
                        List.of(30))),
                ParameterSpec.fromMap(Map.of(
                        "name",
                        "cats",
                        "type",
                        "categorical_list",
                        "strategy",
                        "sample_list",
                        "column",
                        "category",
                        "count",
                        List.of(1, 2))));
        Map<String, Object> t = g.nextMap();
        assertThat(t.get("end")).isEqualTo(((LocalDate) t.get("start")).plusDays(30));
        assertThat((List<?>) t.get("cats")).hasSizeBetween(1, 2);
    }

    @Test
    void aSeedMakesTheStreamReproducible() {
        List<Map<String, Object>> a = stream(
                build(ParameterSpec.randomInRange("id", "order_id"), ParameterSpec.weightedSample("c", "category")),
                50);
        List<Map<String, Object>> b = stream(
                build(ParameterSpec.randomInRange("id", "order_id"), ParameterSpec.weightedSample("c", "category")),
                50);
        List<Map<String, Object>> other = stream(
                base().seed(8)
                        .parameters(
                                ParameterSpec.randomInRange("id", "order_id"),
                                ParameterSpec.weightedSample("c", "category"))
                        .build(),
                50);
        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void concurrentDrawsProduceTheSameTuplesAsOneThread() {
        ParameterGenerator one =
                build(ParameterSpec.randomInRange("id", "order_id"), ParameterSpec.sampleList("l", "order_id", 1, 4));
        ParameterGenerator many =
                build(ParameterSpec.randomInRange("id", "order_id"), ParameterSpec.sampleList("l", "order_id", 1, 4));
        Map<Long, List<Object>> expected = new HashMap<>();
        for (long i = 0; i < 20_000; i++) {
            Object[] t = new Object[2];
            one.next(t);
            expected.put(i, List.of(t));
        }
        Map<Long, List<Object>> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 4).parallel().forEach(w -> {
            for (long i = w; i < 20_000; i += 4) {
                Object[] t = new Object[2];
                many.draw(i, t);
                seen.put(i, List.of(t));
            }
        });
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void workersSharePoolsWithoutOverlap() {
        List<Integer> values = IntStream.range(0, 30).boxed().toList();
        Set<Object> union = new HashSet<>();
        int total = 0;
        for (int w = 0; w < 3; w++) {
            ParameterGenerator g = base().worker(w, 3)
                    .pools(Pool.of("ids", values))
                    .parameters(
                            ParameterSpec.sampleFromPool("id", "ids", PoolOrdering.QUEUE),
                            ParameterSpec.sequence("k", "order_id"))
                    .build();
            Set<Object> mine = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                Map<String, Object> t = g.nextMap();
                mine.add(t.get("id"));
                assertThat((Long) t.get("k") % 3).isEqualTo((1001L + w) % 3);
            }
            assertThat(mine).hasSize(10);
            assertThat(union).doesNotContainAnyElementsOf(mine);
            union.addAll(mine);
            total += mine.size();
            assertThatThrownBy(g::nextMap)
                    .hasMessage("pool 'ids': a queue must not be drawn past its 10 values, but draw 11 "
                            + "was asked for; use circular or shuffle, or a bigger pool");
        }
        assertThat(total).isEqualTo(30);
        assertThat(union).containsExactlyInAnyOrderElementsOf(values);
        assertThatThrownBy(() -> base().worker(0, 5)
                        .pools(Pool.of("tiny", List.of(1, 2)))
                        .build())
                .hasMessage("pool 'tiny': must hold at least one value per worker (5) to be sharded, but held 2");
        assertThatThrownBy(() -> base().worker(3, 3))
                .hasMessage("worker: the index must satisfy 0 <= index < count, but " + "was index=3, count=3");
    }

    @Test
    void shuffleHandsOutEachValueOncePerPass() {
        List<Integer> values = IntStream.range(0, 20).boxed().toList();
        ParameterGenerator g = base().pools(Pool.of("p", values))
                .parameters(ParameterSpec.sampleFromPool("v", "p", PoolOrdering.SHUFFLE))
                .build();
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            (i < 20 ? first : second).add(g.nextMap().get("v"));
        }
        assertThat(first)
                .containsExactlyInAnyOrderElementsOf(values)
                .isNotEqualTo(values)
                .isEqualTo(second);
        ParameterGenerator random = base().pools(Pool.of("p", values))
                .parameters(ParameterSpec.sampleFromPool("v", "p", PoolOrdering.RANDOM))
                .build();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(random.nextMap().get("v"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void weightedSampleFollowsTheFrequencies() {
        ParameterGenerator g = build(ParameterSpec.weightedSample("c", "category"));
        Map<Object, Integer> counts = new HashMap<>();
        Object[] t = new Object[1];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            g.next(t);
            counts.merge(t[0], 1, Integer::sum);
        }
        // books 0.5, toys 0.3, garden 0.1, and the remaining 0.1 from sampled non-common values (only "music")
        assertThat(counts.get("books") / (double) n).isBetween(0.49, 0.51);
        assertThat(counts.get("toys") / (double) n).isBetween(0.29, 0.31);
        assertThat(counts.get("garden") / (double) n).isBetween(0.09, 0.11);
        assertThat(counts.get("music") / (double) n).isBetween(0.09, 0.11);
    }

    @Test
    void feedsGatlingWithMaps() {
        var feeder = build(ParameterSpec.choice("c", List.of("x"))).feeder();
        assertThat(feeder.hasNext()).isTrue();
        assertThat(feeder.next()).isEqualTo(Map.of("c", "x"));
    }

    private static List<Map<String, Object>> stream(ParameterGenerator g, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.nextMap());
        }
        return Collections.unmodifiableList(out);
    }

    @Test
    void aStandaloneStrategyDrawsFromTheSeededShardedStream() {
        java.util.function.BiFunction<Long, Integer, java.util.List<Object>> draws = (seed, worker) -> {
            ParameterGenerator g = ParameterGenerator.builder()
                    .seed(seed)
                    .worker(worker, 2)
                    .strategy("id", Strategies.randomLong(1, 1_000_000))
                    .strategy(
                            "day",
                            Strategies.randomDate(
                                    java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)))
                    .build();
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                out.add(g.nextMap());
            }
            return out;
        };
        assertThat(draws.apply(7L, 0)).as("same seed and worker, same values").isEqualTo(draws.apply(7L, 0));
        assertThat(draws.apply(8L, 0)).isNotEqualTo(draws.apply(7L, 0));
        assertThat(draws.apply(7L, 1)).isNotEqualTo(draws.apply(7L, 0));
        ParameterGenerator g = ParameterGenerator.builder()
                .strategy("id", Strategies.randomLong(5, 6))
                .build();
        Tuple t = g.newTuple();
        g.next(t);
        assertThat(t.kind(0)).as("randomLong stays a primitive long").isEqualTo(Tuple.Kind.LONG);
        assertThat(t.getLong(0)).isBetween(5L, 6L);
    }
}
