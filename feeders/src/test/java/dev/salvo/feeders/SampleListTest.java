package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.TableProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sample_list: uniform k-subsets in uniform order, O(k) per draw, capped at the distinct values. */
class SampleListTest {
    private static TableProfile values(int n) {
        List<Object> sample = new ArrayList<>();
        for (long v = 1; v <= n; v++) {
            sample.add(v);
            sample.add(v); // duplicates in the sample do not weigh: the list draws from distinct values
        }
        return TableProfile.of(
                "t",
                "postgresql",
                2L * n,
                List.of(new ColumnProfile(
                        "v",
                        ColumnType.INTEGER,
                        1L,
                        (long) n,
                        n,
                        0,
                        2L * n,
                        sample,
                        List.of(),
                        List.of(),
                        ProfileMode.SAMPLED)));
    }

    private static ParameterGenerator generator(int n, List<Integer> counts) {
        return ParameterGenerator.builder()
                .profiles(values(n))
                .seed(3)
                .parameters(ParameterSpec.sampleList("l", "v", counts))
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void includesEachValueWithProbabilityKOverNAtEveryPositionAlike() {
        int n = 20;
        int k = 5;
        int draws = 200_000;
        ParameterGenerator g = generator(n, List.of(k));
        Tuple t = g.newTuple();
        int[] included = new int[n + 1];
        int[][] atPosition = new int[k][n + 1];
        for (int i = 0; i < draws; i++) {
            g.next(t);
            List<Object> list = (List<Object>) t.get(0);
            assertThat(list).hasSize(k).doesNotHaveDuplicates();
            for (int p = 0; p < k; p++) {
                int v = (int) (long) (Long) list.get(p);
                included[v]++;
                atPosition[p][v]++;
            }
        }
        for (int v = 1; v <= n; v++) {
            assertThat(included[v] / (double) draws).as("inclusion of %d", v).isCloseTo((double) k / n, within(0.005));
            for (int p = 0; p < k; p++) {
                assertThat(atPosition[p][v] / (double) draws)
                        .as("%d at position %d", v, p)
                        .isCloseTo(1.0 / n, within(0.004));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOrderedPairIsEquallyLikely() {
        ParameterGenerator g = generator(4, List.of(2));
        Map<List<Object>, Integer> counts = new HashMap<>();
        int draws = 120_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(List.copyOf((List<Object>) g.nextMap().get("l")), 1, Integer::sum);
        }
        assertThat(counts).hasSize(12);
        counts.values().forEach(c -> assertThat(c / (double) draws).isCloseTo(1 / 12.0, within(0.005)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void capsKAtTheDistinctValuesAndIsDeterministicPerDraw() {
        ParameterGenerator g = generator(20, List.of(30));
        Map<List<Object>, Integer> firstThree = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            List<Object> list = (List<Object>) g.nextMap().get("l");
            assertThat(list)
                    .hasSize(20)
                    .containsExactlyInAnyOrderElementsOf(
                            values(20).column("v").sample().stream().distinct().toList());
            firstThree.merge(list.subList(0, 3), 1, Integer::sum);
        }
        assertThat(firstThree.size()).as("orders vary").isGreaterThan(1_500);
        ParameterGenerator a = generator(500, List.of(1, 10, 100, 499, 500));
        ParameterGenerator b = generator(500, List.of(1, 10, 100, 499, 500));
        Tuple t = a.newTuple();
        Object[] boxed = new Object[1];
        for (long i = 0; i < 2_000; i++) {
            a.draw(i, t);
            b.draw(1_999 - i, boxed); // other draws in between on the same thread must not matter
            b.draw(i, boxed);
            assertThat(t.get(0)).isEqualTo(boxed[0]);
            assertThat((List<Object>) boxed[0]).hasSizeBetween(1, 500).doesNotHaveDuplicates();
        }
    }
}
