package dev.salvo.seed.internal;

import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ValueFrequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values shaped like a profiled column. A value is one of the most common values with its frequency (among non-null
 * rows), or else comes from the rest: for ordered types a histogram bucket (equally likely) and, inside it, one of
 * {@code (distinct - most common) / buckets} evenly spaced points (so the distinct count follows the profile); for
 * other types a sampled value. A column whose values were all distinct (a key) becomes an ascending spread over
 * {@code [min, max]}. Nulls are the column's null fraction, applied by the row writer.
 *
 * <p>The choice of common value or bucket is stratified: row r's uniform is {@code (perm(r) + u) / rows} for a seeded
 * permutation of the rows, so the table holds each common value's and each bucket's share almost exactly (independent
 * draws would leave a binomial error, about half a bucket at the median of a 10,000-row table).
 */
final class ProfileSource {
    /** Draws of a histogram value before one that is also a most common value is accepted. */
    static final int MAX_TRIES = 32;

    private ProfileSource() {}

    static String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case FLOAT -> "double precision";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case BOOLEAN -> "boolean";
            case TEXT, OTHER -> "text";
        };
    }

    static ValueSource compile(Cell cell, ColumnProfile p) {
        ColumnType t = p.type();
        String sqlType = t == ColumnType.DECIMAL ? "numeric(30," + decimalScale(p) + ")" : sqlType(t);
        if (p.hasNoValues()) {
            return ValueSource.of(() -> (row, out) -> out.nul(), sqlType, 1, false);
        }
        double nonNull = Math.max(1e-12, 1 - p.nullFraction());
        List<String> mcv = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double mcvSum = 0;
        for (ValueFrequency v : p.mostCommon()) {
            mcv.add(t.format(v.value()));
            weights.add(v.frequency() / nonNull);
            mcvSum += v.frequency() / nonNull;
        }
        long nonNullRows = p.totalRows() - p.nullCount();
        boolean key = p.mostCommon().isEmpty()
                && nonNullRows > 0
                && p.distinctCount() >= 0.99 * nonNullRows
                && (t == ColumnType.INTEGER || t == ColumnType.DATE)
                && p.min() != null;
        if (key) {
            long lo = ordinal(t, p.min());
            long hi = ordinal(t, p.max());
            long rows = Math.max(2, cell.rows());
            return ValueSource.of(
                    () -> (row, out) -> write(t, lo + (long) ((double) row * (hi - lo) / (rows - 1)), 0, out),
                    sqlType,
                    hi - lo + 1,
                    hi - lo + 1 >= cell.rows());
        }
        Rest rest = rest(p, t, Math.max(1, p.distinctCount() - mcv.size()));
        double restWeight = rest == null ? 0 : Math.max(0, 1 - mcvSum);
        double total = mcvSum + restWeight;
        if (mcv.isEmpty() && rest == null) {
            return ValueSource.of(() -> (row, out) -> out.nul(), sqlType, 1, false);
        }
        double[] cumulative = new double[mcv.size()];
        double acc = 0;
        for (int i = 0; i < mcv.size(); i++) {
            acc += weights.get(i) / total;
            cumulative[i] = acc;
        }
        double mcvShare = acc;
        boolean text = t == ColumnType.TEXT || t == ColumnType.OTHER;
        long rows = Math.max(1, cell.rows());
        Perm perm = new Perm(rows, cell.seed() ^ cell.stream("strata"));
        return Sources.random(
                cell.stream(),
                cell.seed(),
                sqlType,
                rnd -> (row, out) -> {
                    double u = (perm.apply(row) + rnd.nextDouble()) / rows;
                    int i = java.util.Arrays.binarySearch(cumulative, u);
                    i = i < 0 ? -i - 1 : i + 1;
                    if (i < mcv.size() && (rest == null || u < mcvShare)) {
                        if (text) {
                            out.text(mcv.get(i));
                        } else {
                            out.raw(mcv.get(i));
                        }
                    } else if (rest == null) {
                        out.raw(mcv.get(mcv.size() - 1));
                    } else {
                        rest.write(rnd, Math.min(0.999999999, Math.max(0, (u - mcvShare) / (1 - mcvShare))), out);
                    }
                },
                p.distinctCount());
    }

    /** The non-most-common part of a column. */
    private interface Rest {
        /** @param rnd the row's random source @param u the row's stratified uniform within the rest, in [0, 1) */
        void write(CellRandom rnd, double u, TextOut out);
    }

    private static Rest rest(ColumnProfile p, ColumnType t, long restDistinct) {
        List<Object> bounds = p.histogramBounds();
        if (bounds.size() >= 2 && t.isRange()) {
            int buckets = bounds.size() - 1;
            int scale = 0;
            for (Object b : bounds) {
                if (b instanceof BigDecimal d) {
                    scale = Math.max(scale, d.scale());
                }
            }
            long[] ords = new long[bounds.size()];
            double[] reals = new double[bounds.size()];
            for (int i = 0; i < ords.length; i++) {
                if (t == ColumnType.FLOAT) {
                    reals[i] = ((Number) bounds.get(i)).doubleValue();
                } else if (t == ColumnType.DECIMAL) {
                    ords[i] = ((BigDecimal) bounds.get(i))
                            .setScale(scale, java.math.RoundingMode.HALF_UP)
                            .unscaledValue()
                            .longValueExact();
                } else {
                    ords[i] = ordinal(t, bounds.get(i));
                }
            }
            long perBucket = Math.max(1, restDistinct / buckets);
            int s = scale;
            Set<Long> common = new HashSet<>();
            for (ValueFrequency v : p.mostCommon()) {
                if (t == ColumnType.DECIMAL) {
                    common.add(((BigDecimal) v.value())
                            .setScale(scale, java.math.RoundingMode.HALF_UP)
                            .unscaledValue()
                            .longValue());
                } else if (t != ColumnType.FLOAT) {
                    common.add(ordinal(t, v.value()));
                }
            }
            return (rnd, u, out) -> {
                int b = Math.min(buckets - 1, (int) (u * buckets));
                if (t == ColumnType.FLOAT) {
                    out.raw(Double.toString(reals[b] + rnd.nextDouble() * (reals[b + 1] - reals[b])));
                    return;
                }
                long lo = ords[b];
                long width = ords[b + 1] - lo;
                long v = 0;
                // the histogram describes the values outside the most common list: redraw values that fall on one
                for (int tries = 0; tries < MAX_TRIES; tries++) {
                    if (width + 1 <= perBucket) {
                        v = lo + rnd.nextLong(width + 1);
                    } else {
                        v = lo + (long) ((double) rnd.nextLong(perBucket) * width / perBucket);
                    }
                    if (!common.contains(v)) {
                        break;
                    }
                }
                write(t, v, s, out);
            };
        }
        Set<String> common = new HashSet<>();
        p.mostCommon().forEach(v -> common.add(t.format(v.value())));
        List<String> pool = new ArrayList<>();
        for (Object v : p.sample()) {
            String s = t.format(v);
            if (!common.contains(s)) {
                pool.add(s);
            }
        }
        if (pool.isEmpty()) {
            bounds.forEach(v -> pool.add(t.format(v)));
        }
        if (pool.isEmpty() && p.min() != null) {
            pool.add(t.format(p.min()));
            pool.add(t.format(p.max()));
        }
        if (pool.isEmpty()) {
            return null;
        }
        boolean text = t == ColumnType.TEXT || t == ColumnType.OTHER;
        return (rnd, u, out) -> {
            String v = pool.get(Math.min(pool.size() - 1, (int) (u * pool.size())));
            if (text) {
                out.text(v);
            } else {
                out.raw(v);
            }
        };
    }

    /** The most digits after the point among the profile's values (a scale-less numeric reads back as whole numbers). */
    static int decimalScale(ColumnProfile p) {
        int scale = 0;
        List<Object> values = new ArrayList<>(p.histogramBounds());
        values.addAll(p.sample());
        p.mostCommon().forEach(v -> values.add(v.value()));
        values.add(p.min());
        values.add(p.max());
        for (Object v : values) {
            if (v instanceof BigDecimal d) {
                scale = Math.max(scale, d.scale());
            }
        }
        return Math.min(scale, 9);
    }

    /** Dates as epoch days, timestamps as epoch seconds, integers as themselves. */
    static long ordinal(ColumnType t, Object v) {
        return switch (t) {
            case DATE -> ((LocalDate) v).toEpochDay();
            case TIMESTAMP -> ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC);
            case TIMESTAMPTZ -> ((OffsetDateTime) v).toEpochSecond();
            default -> ((Number) v).longValue();
        };
    }

    private static void write(ColumnType t, long v, int scale, TextOut out) {
        switch (t) {
            case DATE -> out.raw(LocalDate.ofEpochDay(v).toString());
            case TIMESTAMP ->
                out.raw(LocalDateTime.ofEpochSecond(v, 0, ZoneOffset.UTC).toString());
            case TIMESTAMPTZ -> {
                out.raw(LocalDateTime.ofEpochSecond(v, 0, ZoneOffset.UTC).toString());
                out.raw("+00");
            }
            case DECIMAL -> out.fixed(v, scale);
            default -> out.number(v);
        }
    }
}
