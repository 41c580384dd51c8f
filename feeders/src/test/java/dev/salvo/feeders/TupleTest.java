package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TupleTest {
    private static final long[] EDGES = {
        0,
        1,
        -1,
        59,
        60,
        365,
        366,
        -365,
        1_000_000,
        -1_000_000,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1,
        0x1_0000_0000L,
        -0x1_0000_0000L
    };

    @Test
    void boxesEachKindToTheJavaTypesOfTheBoxedPath() {
        Tuple t = new Tuple(8);
        t.setLong(0, 42);
        t.setDouble(1, 0.5);
        t.setDecimal(2, -1234, 2);
        t.setDate(3, 19_723);
        t.setTimestamp(4, 1_704_067_200_000_001L);
        t.setTimestampTz(5, -1);
        t.set(6, List.of("a"));
        Object[] out = new Object[8];
        t.copyInto(out);
        assertThat(out)
                .containsExactly(
                        42L,
                        0.5,
                        new BigDecimal("-12.34"),
                        LocalDate.of(2024, 1, 1),
                        LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000),
                        OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                        List.of("a"),
                        null);
        assertThat(t.kind(0)).isEqualTo(Tuple.Kind.LONG);
        assertThat(t.kind(2)).isEqualTo(Tuple.Kind.DECIMAL);
        assertThat(t.scale(2)).isEqualTo(2);
        assertThat(t.getDouble(1)).isEqualTo(0.5);
        assertThat(t.getLong(3)).isEqualTo(19_723);
        assertThat(t.isReference(6)).isTrue();
        assertThat(t.kind(7)).isEqualTo(Tuple.Kind.REFERENCE);
        assertThat(t.size()).isEqualTo(8);
        assertThat(t)
                .hasToString("[42, 0.5, -12.34, 2024-01-01, 2024-01-01T00:00:00.000001, 1969-12-31T23:59:59.999999Z, "
                        + "[a], null]");
    }

    @Test
    void hashesEqualTheBoxedValuesHashesWithoutBoxing() {
        Tuple t = new Tuple(1);
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n < 200_000; n++) {
            long v = n < EDGES.length ? EDGES[n] : r.nextLong() >> r.nextInt(64);
            t.setLong(0, v);
            check(t);
            t.setDouble(0, n < EDGES.length ? (double) v : Double.longBitsToDouble(r.nextLong()));
            check(t);
            t.setDecimal(0, v, r.nextInt(-5, 20));
            check(t);
            long day = Math.floorMod(v, 2 * 365_000_000L) - 365_000_000L; // LocalDate's range is about +-1e9 years
            t.setDate(0, day);
            check(t);
            long micros = v / 4; // LocalDateTime's range ends before a long of microseconds does
            t.setTimestamp(0, micros);
            check(t);
            t.setTimestampTz(0, micros);
            check(t);
        }
        for (double d : new double[] {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}) {
            t.setDouble(0, d);
            check(t);
        }
        t.set(0, null);
        check(t);
        t.set(0, "text");
        check(t);
    }

    private static void check(Tuple t) {
        Object boxed = t.get(0);
        assertThat(t.hash(0)).as("%s %s", t.kind(0), boxed).isEqualTo(Objects.hashCode(boxed));
    }
}
