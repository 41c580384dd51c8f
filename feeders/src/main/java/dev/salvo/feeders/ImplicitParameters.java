package dev.salvo.feeders;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.TableShape;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.TableProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameter specs a query kind gets when the user gives none, matching the parameter names of the default SQL
 * ({@link dev.salvo.sql.SqlTemplates}): {@code :key}, {@code :from}/{@code :to}, and the column names of INSERT/UPDATE.
 *
 * <ul>
 *   <li>POINT_LOOKUP: {@code key} uniform over the key's range when the key is a dense integer (every key is hit),
 *       otherwise sampled from the table.
 *   <li>RANGE_SCAN: {@code from} uniform over the range column, {@code to} = from + 1, 7 or 30 days (numbers: 0.1%
 *       or 1% of the span).
 *   <li>AGGREGATION, WINDOWED, ANALYTICAL_JOIN, WIDE_SCAN, APPROX_DISTINCT: with a range column, {@code from}/{@code to}
 *       with wider offsets (30, 90 or 365 days; 10% or 25% of the span); otherwise none.
 *   <li>INSERT: the key column (when written) a {@code sequence} after its max; text-like columns
 *       {@code weighted_sample}; numbers and dates {@code random_in_range}.
 *   <li>UPDATE: {@code key} as POINT_LOOKUP, the written columns as INSERT; the key column, when written, keeps its
 *       value (offset 0 from {@code key}).
 *   <li>GENERIC: none.
 * </ul>
 */
public final class ImplicitParameters {
    private ImplicitParameters() {}

    /**
     * The columns of {@code shape.table()} to profile for {@link #forKind}.
     *
     * @param kind the query kind
     * @param shape the table shape
     * @return the column names, without duplicates
     */
    public static List<String> columnsToProfile(QueryKind kind, TableShape shape) {
        Set<String> out = new LinkedHashSet<>();
        switch (kind) {
            case POINT_LOOKUP -> add(out, shape.key());
            case UPDATE -> {
                add(out, shape.key());
                out.addAll(shape.columns());
            }
            case INSERT -> out.addAll(shape.columns());
            case GENERIC -> {}
            default -> add(out, shape.range());
        }
        return List.copyOf(out);
    }

    /**
     * @param kind the query kind
     * @param shape the table shape the default SQL is generated from
     * @param profile the profile of {@code shape.table()}, holding at least {@link #columnsToProfile}
     * @return the specs, in SQL parameter order
     * @throws SalvoException when a needed column is missing or has no usable values
     */
    public static List<ParameterSpec> forKind(QueryKind kind, TableShape shape, TableProfile profile) {
        List<ParameterSpec> out = new ArrayList<>();
        String where = kind + " on " + shape.table();
        switch (kind) {
            case POINT_LOOKUP -> out.add(key(profile, require(where, "key", shape.key())));
            case RANGE_SCAN -> range(out, profile, require(where, "range", shape.range()), false, where);
            case INSERT, UPDATE -> {
                if (kind == QueryKind.UPDATE) {
                    out.add(key(profile, require(where, "key", shape.key())));
                }
                for (String c : shape.columns()) {
                    if (kind == QueryKind.INSERT && c.equals(shape.key())) {
                        out.add(ParameterSpec.sequence(c, ref(profile, c)));
                    } else if (kind == QueryKind.UPDATE && c.equals(shape.key())) {
                        out.add(same(profile, c));
                    } else {
                        out.add(value(profile, c));
                    }
                }
            }
            case GENERIC -> {}
            default -> {
                if (shape.range() != null) {
                    range(out, profile, shape.range(), true, where);
                }
            }
        }
        return out;
    }

    private static ParameterSpec key(TableProfile profile, String column) {
        ColumnProfile c = profile.column(column);
        if (c.type() == ColumnType.INTEGER && c.min() != null && c.max() != null) {
            long nonNull = c.totalRows() - c.nullCount();
            double span = (double) (Long) c.max() - (Long) c.min() + 1;
            if (c.distinctCount() >= 0.9 * nonNull && span <= 1.2 * c.distinctCount()) {
                return ParameterSpec.randomInRange("key", ref(profile, column));
            }
        }
        return ParameterSpec.sampleFromTable("key", ref(profile, column));
    }

    /** UPDATE writing its own key column: the row keeps its key (offset 0 from {@code key}), or the same text. */
    private static ParameterSpec same(TableProfile profile, String column) {
        if (!profile.column(column).type().isRange()) {
            throw new SalvoException("UPDATE on " + profile.table()
                    + ": a written key column must be a number or date for " + "implicit parameters, but " + column
                    + " is not; leave the key out of the written columns");
        }
        return ParameterSpec.offsetFromPrevious(column, "key", 0);
    }

    private static ParameterSpec value(TableProfile profile, String column) {
        ColumnProfile c = profile.column(column);
        return c.type().isRange()
                ? ParameterSpec.randomInRange(column, ref(profile, column))
                : ParameterSpec.weightedSample(column, ref(profile, column));
    }

    private static void range(
            List<ParameterSpec> out, TableProfile profile, String column, boolean wide, String where) {
        ColumnProfile c = profile.column(column);
        Number[] offsets = switch (c.type()) {
            case DATE, TIMESTAMP, TIMESTAMPTZ -> wide ? new Number[] {30, 90, 365} : new Number[] {1, 7, 30};
            case INTEGER, DECIMAL, FLOAT ->
                spanFractions(c, wide ? new double[] {0.10, 0.25} : new double[] {0.001, 0.01});
            default ->
                throw new SalvoException(where + ": the range column must be a number, date or timestamp for implicit "
                        + "parameters, but " + column + " is " + c.type().name().toLowerCase(Locale.ROOT)
                        + "; give the parameters");
        };
        out.add(ParameterSpec.randomInRange("from", ref(profile, column)));
        out.add(ParameterSpec.offsetFromPrevious("to", "from", offsets));
    }

    private static Number[] spanFractions(ColumnProfile c, double[] fractions) {
        if (c.min() == null || c.max() == null) {
            return new Number[] {1};
        }
        BigDecimal span = new BigDecimal(c.max().toString())
                .subtract(new BigDecimal(c.min().toString()));
        Number[] out = new Number[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            BigDecimal part = span.multiply(BigDecimal.valueOf(fractions[i]));
            out[i] = c.type() == ColumnType.INTEGER
                    ? (Number)
                            Math.max(1L, part.setScale(0, RoundingMode.CEILING).longValue())
                    : c.type() == ColumnType.DECIMAL
                            ? (Number) part.setScale(((BigDecimal) c.min()).scale(), RoundingMode.CEILING)
                            : (Number) part.doubleValue();
        }
        return out;
    }

    private static String ref(TableProfile profile, String column) {
        return profile.table() + "." + column;
    }

    private static void add(Set<String> out, String column) {
        if (column != null) {
            out.add(column);
        }
    }

    private static String require(String where, String part, String value) {
        if (value == null || value.isBlank()) {
            throw new SalvoException(
                    where + ": the " + part + " column must be set for implicit parameters, but it was not");
        }
        return value;
    }
}
