package dev.salvo.sql.profile;

import dev.salvo.sql.SalvoException;
import java.util.List;

/**
 * What Salvo knows about one column's values, enough to generate realistic query parameters. All values are of
 * {@link ColumnType#javaType() type.javaType()}. Counts taken from statistics or samples are estimates; {@link #mode()}
 * tells which.
 *
 * @param name the column name as stored in the catalog
 * @param type the kind of values
 * @param min the smallest non-null value, or null when unknown or the column is all NULL
 * @param max the largest non-null value, or null when unknown or the column is all NULL
 * @param distinctCount the number of distinct non-null values (estimated unless {@code mode} is EXACT)
 * @param nullCount the number of NULL values (estimated unless {@code mode} is EXACT)
 * @param totalRows the number of rows in the table (estimated unless {@code mode} is EXACT)
 * @param sample a bounded random sample of non-null values, in sampled-row order (duplicates kept: they carry the
 *     distribution)
 * @param mostCommon the most common non-null values with the fraction of rows holding each, most frequent first
 * @param histogramBounds values splitting the remaining (non most common) values into groups of about equal size, when
 *     the database keeps them; otherwise empty
 * @param mode how the profile was obtained: STATISTICS, SAMPLED or EXACT
 */
public record ColumnProfile(
        String name,
        ColumnType type,
        Object min,
        Object max,
        long distinctCount,
        long nullCount,
        long totalRows,
        List<Object> sample,
        List<ValueFrequency> mostCommon,
        List<Object> histogramBounds,
        ProfileMode mode) {

    /** Copies the lists and checks the counts. */
    public ColumnProfile {
        if (name == null || name.isEmpty()) {
            throw new SalvoException("column profile: the name must be non-empty, but was '" + name + "'");
        }
        if (type == null || mode == null || mode == ProfileMode.AUTO) {
            throw new SalvoException("column profile '" + name
                    + "': type and mode must be set (mode not AUTO), but were " + type + ", " + mode);
        }
        if (distinctCount < 0 || nullCount < 0 || totalRows < 0 || nullCount > totalRows) {
            throw new SalvoException(
                    "column profile '" + name + "': counts must satisfy 0 <= nullCount <= totalRows and "
                            + "distinctCount >= 0, but were distinct=" + distinctCount + ", nulls=" + nullCount
                            + ", rows=" + totalRows);
        }
        sample = List.copyOf(sample == null ? List.of() : sample);
        mostCommon = List.copyOf(mostCommon == null ? List.of() : mostCommon);
        histogramBounds = List.copyOf(histogramBounds == null ? List.of() : histogramBounds);
    }

    /** @return the fraction of rows that are NULL, 0 for an empty table */
    public double nullFraction() {
        return totalRows == 0 ? 0 : (double) nullCount / totalRows;
    }

    /** @return true when the table has rows but every one is NULL in this column, or the table is empty */
    public boolean hasNoValues() {
        return totalRows == nullCount || (min == null && sample.isEmpty() && mostCommon.isEmpty());
    }

    /** @return the sum of the most common values' frequencies */
    public double mostCommonFraction() {
        double sum = 0;
        for (ValueFrequency v : mostCommon) {
            sum += v.frequency();
        }
        return sum;
    }
}
