package dev.salvo.feeders.internal;

import dev.salvo.feeders.Tuple;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code offset_from_previous}: the base parameter's value plus one of the offsets, days for dates and timestamps
 * (fractions of a day rounded to whole seconds), units for numbers.
 *
 * <p>The base is read as a primitive when it is one, and the result written as a primitive, so no allocation: longs
 * (whole offsets; fractional ones give a double), doubles, decimals (the sum at the larger scale, unless it overflows
 * a long), dates, timestamps. A stored base (sampled or chosen value) gives a primitive too when it is a
 * {@code LocalDate}, {@code Long}/{@code Integer} (whole offsets), other number (a double), or a timestamp of whole
 * microseconds ({@code OffsetDateTime} at UTC); a stored {@code BigDecimal} or another timestamp gives a new object.
 * The values equal what {@code plusDays}, {@code plusSeconds} and {@code BigDecimal.add} return.
 */
public final class OffsetGen extends Gen {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final int base;
    private final String baseName;
    private final int n;
    private final long[] days;
    private final long[] seconds;
    private final double[] doubles;
    private final BigDecimal[] decimals;
    private final long[] unscaled;
    private final int[] scales;
    private final boolean[] compact;
    private final boolean integral;

    /**
     * @param base the base parameter's position in the tuple
     * @param baseName its name, for messages
     * @param offsets the offsets, at least one
     */
    public OffsetGen(int base, String baseName, List<Number> offsets) {
        this.base = base;
        this.baseName = baseName;
        n = offsets.size();
        days = new long[n];
        seconds = new long[n];
        doubles = new double[n];
        decimals = new BigDecimal[n];
        unscaled = new long[n];
        scales = new int[n];
        compact = new boolean[n];
        boolean whole = true;
        for (int i = 0; i < n; i++) {
            Number o = offsets.get(i);
            decimals[i] = new BigDecimal(o.toString());
            doubles[i] = o.doubleValue();
            days[i] = o.longValue();
            seconds[i] = Math.round(doubles[i] * 86_400);
            whole &= decimals[i].stripTrailingZeros().scale() <= 0;
            scales[i] = decimals[i].scale();
            try {
                unscaled[i] = decimals[i].unscaledValue().longValueExact();
                compact[i] = true;
            } catch (ArithmeticException tooWide) {
                compact[i] = false;
            }
        }
        integral = whole;
    }

    @Override
    public void next(RandomGenerator r, Tuple t, int slot, long index) {
        int i = n == 1 ? 0 : r.nextInt(n);
        long b = t.getLong(base);
        switch (t.kind(base)) {
            case LONG -> {
                if (integral) {
                    t.setLong(slot, b + days[i]);
                } else {
                    t.setDouble(slot, b + doubles[i]);
                }
            }
            case DOUBLE -> t.setDouble(slot, t.getDouble(base) + doubles[i]);
            case DECIMAL -> addDecimal(t, slot, b, t.scale(base), i);
            case DATE -> t.setDate(slot, b + days[i]);
            case TIMESTAMP -> t.setTimestamp(slot, b + seconds[i] * Values.MICROS);
            case TIMESTAMPTZ -> t.setTimestampTz(slot, b + seconds[i] * Values.MICROS);
            case REFERENCE -> fromReference(t, slot, t.getReference(base), i);
        }
    }

    private void fromReference(Tuple t, int slot, Object b, int i) {
        if (b instanceof LocalDate d) {
            t.setDate(slot, d.toEpochDay() + days[i]);
        } else if (b instanceof LocalDateTime ts) {
            long micros = Values.micros(ts);
            if (micros == Long.MIN_VALUE) {
                t.set(slot, ts.plusSeconds(seconds[i]));
            } else {
                t.setTimestamp(slot, micros + seconds[i] * Values.MICROS);
            }
        } else if (b instanceof OffsetDateTime ts) {
            long micros = ts.getOffset() == ZoneOffset.UTC ? Values.micros(ts) : Long.MIN_VALUE;
            if (micros == Long.MIN_VALUE) {
                t.set(slot, ts.plusSeconds(seconds[i]));
            } else {
                t.setTimestampTz(slot, micros + seconds[i] * Values.MICROS);
            }
        } else if (b instanceof Long l && integral) {
            t.setLong(slot, l + days[i]);
        } else if (b instanceof Integer l && integral) {
            t.setLong(slot, (long) l + days[i]);
        } else if (b instanceof BigDecimal d) {
            t.set(slot, d.add(decimals[i]));
        } else if (b instanceof Number x) {
            t.setDouble(slot, x.doubleValue() + doubles[i]);
        } else {
            throw new SalvoException("offset_from_previous: the base '" + baseName + "' must be a date, timestamp or "
                    + "number, but was " + (b == null ? "null" : b.getClass().getSimpleName() + " " + b));
        }
    }

    /** base (unscaled u at scale s) + offset i, at the larger scale; a BigDecimal when that overflows a long. */
    private void addDecimal(Tuple t, int slot, long u, int s, int i) {
        if (compact[i]) {
            int rs = Math.max(s, scales[i]);
            if ((long) rs - s < POW10.length && (long) rs - scales[i] < POW10.length) {
                long x = u * POW10[rs - s];
                long y = unscaled[i] * POW10[rs - scales[i]];
                long sum = x + y;
                boolean overflow = Math.multiplyHigh(u, POW10[rs - s]) != (x >> 63)
                        || Math.multiplyHigh(unscaled[i], POW10[rs - scales[i]]) != (y >> 63)
                        || ((x ^ sum) & (y ^ sum)) < 0;
                if (!overflow) {
                    t.setDecimal(slot, sum, rs);
                    return;
                }
            }
        }
        t.set(slot, BigDecimal.valueOf(u, s).add(decimals[i]));
    }

    @Override
    public Object next(RandomGenerator random) {
        throw new SalvoException("offset_from_previous: must be generated with its base '" + baseName + "' by a "
                + "ParameterGenerator, but was drawn alone");
    }
}
