package dev.salvo.feeders.internal;

import dev.salvo.feeders.PoolOrdering;
import dev.salvo.feeders.Tuple;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The compiled strategies. Hot path rules: no locks; scalar strategies write primitives into the tuple and allocate
 * nothing; strategies over stored values (choice, samples, most common values, pools) write the stored reference and
 * allocate nothing either; only {@code sample_list} allocates (its list). Each strategy consumes the same random
 * numbers whatever path reads it, so a seeded generator gives the same values boxed or not.
 */
public final class Gens {
    private Gens() {}

    /** Uniform over stored values (choice, sample_from_table). */
    public static Gen uniform(List<?> values) {
        Object[] v = values.toArray();
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.set(slot, v[r.nextInt(v.length)]);
            }
        };
    }

    /** Uniform longs in [min, max]. */
    public static Gen longs(long min, long max) {
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.setLong(slot, uniform(r, min, max));
            }
        };
    }

    /** @return a uniform long in [lo, hi], any bounds */
    static long uniform(RandomGenerator r, long lo, long hi) {
        if (hi != Long.MAX_VALUE) {
            return r.nextLong(lo, hi + 1);
        }
        return lo == Long.MIN_VALUE ? r.nextLong() : r.nextLong(lo - 1, hi) + 1;
    }

    /** Uniform doubles in [min, max). */
    public static Gen doubles(double min, double max) {
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.setDouble(slot, min == max ? min : r.nextDouble(min, max));
            }
        };
    }

    /**
     * Uniform decimals in [min, max] at the larger of their scales, as primitives (unscaled long and scale); bounds whose
     * unscaled values do not fit a long are drawn as doubles and boxed (allocating).
     */
    public static Gen decimals(BigDecimal min, BigDecimal max) {
        int scale = Math.max(min.scale(), max.scale());
        long lo;
        long hi;
        try {
            lo = min.setScale(scale).unscaledValue().longValueExact();
            hi = max.setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException tooWide) {
            double dmin = min.doubleValue();
            double dmax = max.doubleValue();
            return new Gen() {
                @Override
                public void next(RandomGenerator r, Tuple t, int slot, long index) {
                    t.set(slot, BigDecimal.valueOf(dmin == dmax ? dmin : r.nextDouble(dmin, dmax)));
                }
            };
        }
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.setDecimal(slot, uniform(r, lo, hi), scale);
            }
        };
    }

    /** Uniform dates in [min, max], as epoch days. */
    public static Gen dates(LocalDate min, LocalDate max) {
        long lo = min.toEpochDay();
        long hi = max.toEpochDay();
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.setDate(slot, r.nextLong(lo, hi + 1));
            }
        };
    }

    /** Uniform timestamps in [min, max], whole seconds, as epoch microseconds. */
    public static Gen timestamps(LocalDateTime min, LocalDateTime max) {
        return seconds(min.toEpochSecond(ZoneOffset.UTC), max.toEpochSecond(ZoneOffset.UTC), false);
    }

    /** Uniform instants in [min, max], whole seconds, as epoch microseconds (boxed at offset UTC). */
    public static Gen timestampsTz(OffsetDateTime min, OffsetDateTime max) {
        return seconds(min.toEpochSecond(), max.toEpochSecond(), true);
    }

    private static Gen seconds(long lo, long hi, boolean tz) {
        if (Values.secondsToMicros(lo) == Long.MIN_VALUE || Values.secondsToMicros(hi) == Long.MIN_VALUE) {
            return new Gen() { // beyond what a long of microseconds holds (+-290,000 years): boxed
                @Override
                public void next(RandomGenerator r, Tuple t, int slot, long index) {
                    LocalDateTime v = LocalDateTime.ofEpochSecond(r.nextLong(lo, hi + 1), 0, ZoneOffset.UTC);
                    t.set(slot, tz ? v.atOffset(ZoneOffset.UTC) : v);
                }
            };
        }
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                long micros = r.nextLong(lo, hi + 1) * Values.MICROS;
                if (tz) {
                    t.setTimestampTz(slot, micros);
                } else {
                    t.setTimestamp(slot, micros);
                }
            }
        };
    }

    /** Outcome {@code i} with probability {@code weights[i]}; the optional last outcome delegates to {@code rest}. */
    public static Gen weighted(Object[] outcomes, double[] weights, Gen rest) {
        AliasTable table = new AliasTable(weights);
        int restIndex = rest == null ? -1 : outcomes.length;
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                int i = table.next(r);
                if (i == restIndex) {
                    rest.next(r, t, slot, index);
                } else {
                    t.set(slot, outcomes[i]);
                }
            }
        };
    }

    /** A pool's values in the given ordering, positioned by the draw index. */
    public static Gen pool(String name, List<?> values, PoolOrdering ordering, long seed) {
        Object[] v = values.toArray();
        int n = v.length;
        if (ordering == PoolOrdering.SHUFFLE) {
            List<Object> shuffled = Arrays.asList(v.clone());
            java.util.Collections.shuffle(shuffled, new Random(seed));
            shuffled.toArray(v);
        }
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.set(
                        slot,
                        switch (ordering) {
                            case RANDOM -> v[r.nextInt(n)];
                            case SHUFFLE, CIRCULAR -> v[(int) Math.floorMod(index, (long) n)];
                            case QUEUE -> {
                                if (index >= n) {
                                    throw new SalvoException("pool '" + name + "': a queue must not be drawn past its "
                                            + n + " values, but " + "draw " + (index + 1)
                                            + " was asked for; use circular or shuffle, or a bigger pool");
                                }
                                yield v[(int) index];
                            }
                        });
            }
        };
    }

    /** {@code start, start + step, ...} by draw index: unique keys for inserts, disjoint across workers. */
    public static Gen sequence(long start, long step) {
        return new Gen() {
            @Override
            public void next(RandomGenerator r, Tuple t, int slot, long index) {
                t.setLong(slot, start + index * step);
            }
        };
    }
}
