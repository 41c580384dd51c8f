package dev.salvo.patterns.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class YcsbTest {

    /** FNV-1a 64 over bytes, as its specification (draft-eastlake-fnv) defines it. */
    static long fnv1a(byte[] bytes) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    @Test
    void fnvHashesTheKeyNumbersEightBytesLowFirstAsFnv1a64() {
        // the reference matches the specification's test vectors
        assertThat(fnv1a(new byte[0])).isEqualTo(0xCBF29CE484222325L);
        assertThat(fnv1a("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xAF63DC4C8601EC8CL);
        assertThat(fnv1a("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x85944171F73967E8L);
        for (long v : new long[] {0, 1, 999, 123_456_789_012L, -5}) {
            byte[] le = new byte[8];
            for (int i = 0; i < 8; i++) {
                le[i] = (byte) (v >>> (8 * i));
            }
            assertThat(Ycsb.fnv64(v)).isEqualTo(Math.abs(fnv1a(le)));
        }
    }

    @Test
    void theIncrementalZetaEqualsTheDirectSum() {
        double direct = 0;
        for (int i = 1; i <= 5000; i++) {
            direct += 1 / Math.pow(i, Ycsb.Zipfian.THETA);
        }
        assertThat(Ycsb.Zipfian.zeta(1000, 5000, Ycsb.Zipfian.zeta(0, 1000, 0))).isCloseTo(direct, within(1e-9));
    }

    @Test
    void scrambledZipfianGivesTheHottestKeyOneOverZetaOfTheDrawsAndSpreadsHotKeys() {
        Ycsb.ScrambledZipfian keys = new Ycsb.ScrambledZipfian(1000);
        SplittableRandom random = new SplittableRandom(7);
        Map<Long, Integer> counts = new HashMap<>();
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            long k = keys.next(random);
            assertThat(k).isBetween(0L, 999L);
            counts.merge(k, 1, Integer::sum);
        }
        // item 0 of the 10^10-item zipfian has probability 1 / zeta = 1 / 26.469; it lands on key fnv(0) mod 1000
        long hottest = Math.floorMod(Ycsb.fnv64(0), 1000);
        assertThat(counts.get(hottest) / (double) draws).isCloseTo(1 / Ycsb.ScrambledZipfian.ZETAN, within(0.003));
        // hashed: the hottest key is not simply key 0, and most keys are drawn at all
        assertThat(hottest).isNotZero();
        assertThat(counts.size()).isGreaterThan(900);
    }

    @Test
    void skewedLatestDrawsTheNewestKeyMostAndFollowsInserts() {
        AtomicLong next = new AtomicLong(1000);
        Ycsb.SkewedLatest latest = new Ycsb.SkewedLatest(next);
        SplittableRandom random = new SplittableRandom(11);
        double zeta = Ycsb.Zipfian.zeta(0, 1000, 0);
        int newest = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            long k = latest.next(random);
            assertThat(k).isBetween(0L, 999L);
            newest += k == 999 ? 1 : 0;
        }
        assertThat(newest / (double) draws).isCloseTo(1 / zeta, within(0.005));
        next.set(1500);
        int newer = 0;
        for (int i = 0; i < 10_000; i++) {
            long k = latest.next(random);
            assertThat(k).isBetween(0L, 1499L);
            newer += k >= 1000 ? 1 : 0;
        }
        assertThat(newer).isGreaterThan(7_000);
    }

    @Test
    void theUpdateSetsOneBoundFieldAndWritesTheOthersBack() {
        assertThat(Ycsb.UPDATE_SQL)
                .startsWith("UPDATE usertable SET FIELD0 = CASE WHEN :field = 0 THEN :value ELSE FIELD0 END")
                .contains("FIELD9 = CASE WHEN :field = 9 THEN :value ELSE FIELD9 END WHERE YCSB_KEY = :key");
        assertThat(Ycsb.value().next(new SplittableRandom(1))).hasSize(100).matches("[!-~]{100}");
    }
}
