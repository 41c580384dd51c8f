package dev.salvo.seed;

/**
 * One column of a seeded table. Immutable.
 *
 * @param name the column name as stored in the catalog
 * @param sqlType the column's SQL type when Salvo creates the table (e.g. {@code numeric(12,2)}); null to take it from
 *     the live table or to derive it from the generator
 * @param gen how values are made; null to take a default from the column's type (live schema) or profile
 * @param nullFraction the fraction of rows that are NULL, 0 to 1
 * @param unique whether values must be distinct (a UNIQUE constraint is added after the load)
 */
public record ColumnSpec(String name, String sqlType, Gen gen, double nullFraction, boolean unique) {

    /** @param name the column @param gen its generator @return a not-null, non-unique column */
    public static ColumnSpec of(String name, Gen gen) {
        return new ColumnSpec(name, null, gen, 0, false);
    }

    /** @param sqlType the SQL type @return a copy */
    public ColumnSpec sqlType(String sqlType) {
        return new ColumnSpec(name, sqlType, gen, nullFraction, unique);
    }

    /** @param fraction the NULL fraction, 0 to 1 @return a copy */
    public ColumnSpec nulls(double fraction) {
        return new ColumnSpec(name, sqlType, gen, fraction, unique);
    }

    /** @param distinct whether values must be distinct @return a copy */
    public ColumnSpec unique(boolean distinct) {
        return new ColumnSpec(name, sqlType, gen, nullFraction, distinct);
    }

    /** @param gen the generator @return a copy */
    public ColumnSpec gen(Gen gen) {
        return new ColumnSpec(name, sqlType, gen, nullFraction, unique);
    }
}
