package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    @Test
    void roundRobinIsExactAndSmoothOverAPeriod() {
        WeightedChoice c = WeightedChoice.roundRobin("mix", new double[] {50, 30, 20});
        int[] counts = new int[3];
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            int k = c.next();
            counts[k]++;
            if (i < 10) {
                first.append(k);
            }
        }
        assertThat(counts).containsExactly(50, 30, 20);
        // smooth: period 10 (weights 5:3:2), interleaved rather than 5 zeros in a row
        assertThat(first.toString()).isEqualTo("0120010210");
    }

    @Test
    void randomFollowsTheWeights() {
        WeightedChoice c = WeightedChoice.random("mix", new double[] {1, 3});
        int ones = 0;
        for (int i = 0; i < 100_000; i++) {
            ones += c.next();
        }
        assertThat(ones).isBetween(73_000, 77_000);
    }

    @Test
    void rejectsBadWeights() {
        assertThatThrownBy(() -> WeightedChoice.random("mix 'm'", new double[] {1, 0}))
                .hasMessage("mix 'm': every weight must be a positive number, but was 0.0");
        assertThatThrownBy(() -> WeightedChoice.roundRobin("mix 'm'", new double[] {}))
                .hasMessage("mix 'm': a mix must have at least one request, but had none");
        assertThatThrownBy(() -> WeightedChoice.roundRobin("mix 'm'", new double[] {0.0001, 1}))
                .hasMessage("mix 'm': a round-robin weight must have at most 3 decimals, but was 1.0E-4");
    }

    @Test
    void aSeededRandomChoiceRepeatsForTheSameSeedAndDiffersForAnother() {
        int[] a = sequence(7, 0);
        assertThat(sequence(7, 0)).as("same seed, same choices").containsExactly(a);
        assertThat(sequence(8, 0)).as("another seed").isNotEqualTo(a);
        assertThat(sequence(7, 1)).as("another worker").isNotEqualTo(a);
        int ones = 0;
        for (int k : a) {
            ones += k;
        }
        assertThat(ones).as("still by weight (1:3)").isBetween(700, 800);
    }

    private static int[] sequence(long seed, int worker) {
        dev.salvo.feeders.ParameterGenerator uniform = dev.salvo.feeders.ParameterGenerator.builder()
                .seed(seed)
                .worker(worker, 2)
                .parameters(dev.salvo.feeders.ParameterSpec.randomNumeric("u", 0.0, 1.0))
                .build();
        WeightedChoice c = WeightedChoice.random("mix", new double[] {1, 3}).seeded(uniform);
        int[] out = new int[1000];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.next();
        }
        return out;
    }
}
