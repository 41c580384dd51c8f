package dev.salvo.sql;

/** What a query does; statistics and SLOs are kept per kind as well as per request name. */
public enum QueryKind {
    /** Fetch one row (or a few) by key. */
    POINT_LOOKUP,
    /** Read a contiguous key or date range. */
    RANGE_SCAN,
    /** Insert rows. */
    INSERT,
    /** Update rows. */
    UPDATE,
    /** GROUP BY aggregation. */
    AGGREGATION,
    /** Window functions. */
    WINDOWED,
    /** Joins over large inputs. */
    ANALYTICAL_JOIN,
    /** Read many rows and columns. */
    WIDE_SCAN,
    /** Approximate distinct counts. */
    APPROX_DISTINCT,
    /** Anything else. */
    GENERIC
}
