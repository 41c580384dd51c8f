package dev.salvo.sql.profile;

/** How a profile is (or was) obtained. */
public enum ProfileMode {
    /** Catalog statistics when they exist for every requested column, sampled queries otherwise (the default). */
    AUTO,
    /** The database's own statistics (PostgreSQL {@code pg_stats}; Snowflake's approximate aggregates). */
    STATISTICS,
    /** Queries over a bounded random sample of rows. */
    SAMPLED,
    /** Full scans: exact counts, distinct counts, minimum, maximum and most common values. Slow on big tables. */
    EXACT
}
