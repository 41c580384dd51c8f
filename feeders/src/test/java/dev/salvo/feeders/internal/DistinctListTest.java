package dev.salvo.feeders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistinctListTest {
    @Test
    void boundedIntsAreUniformAlsoWhereRejectionMatters() {
        SplitMix r = new SplitMix(9);
        int draws = 600_000;
        int[] six = new int[6];
        for (int i = 0; i < draws; i++) {
            six[DistinctList.below(r, 6)]++;
            assertThat(DistinctList.below(r, 1)).isZero();
        }
        for (int c : six) {
            assertThat(c / (double) draws).isCloseTo(1 / 6.0, within(0.003));
        }
        // 1.5 * 2^30 = 3/8 of the 2^32 inputs: multiplying and shifting alone maps 3, 3 and 2 inputs to each three
        // consecutive outputs (residues mod 3 drawn 3/8, 3/8, 2/8); rejecting a quarter of the inputs makes them 1/3
        // each
        int bound = 3 << 29;
        int[] residues = new int[3];
        for (int i = 0; i < draws; i++) {
            int v = DistinctList.below(r, bound);
            assertThat(v).isBetween(0, bound - 1);
            residues[v % 3]++;
        }
        for (int c : residues) {
            assertThat(c / (double) draws).isCloseTo(1 / 3.0, within(0.004));
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(DistinctList.below(r, Integer.MAX_VALUE)).isBetween(0, Integer.MAX_VALUE - 1);
        }
    }
}
