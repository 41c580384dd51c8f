package dev.salvo.feeders;

import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A named, immutable list of values for {@code sample_from_pool}, e.g. keys read once before the run. When workers
 * shard, worker {@code i} of {@code n} gets the values at positions {@code i, i + n, i + 2n, ...}: no two workers share
 * a value.
 */
public final class Pool {
    /** The most values {@link #fromQuery} reads unless told otherwise. */
    public static final int DEFAULT_QUERY_LIMIT = 1_000_000;

    private final String name;
    private final List<Object> values;

    private Pool(String name, List<Object> values) {
        if (name == null || name.isBlank()) {
            throw new SalvoException("pool: the name must be non-empty, but was '" + name + "'");
        }
        if (values.isEmpty()) {
            throw new SalvoException("pool '" + name + "': must hold at least one value, but was empty");
        }
        this.name = name;
        this.values = values;
    }

    /**
     * @param name the pool's name, referenced by {@link ParameterSpec#sampleFromPool}
     * @param values its values, in order (nulls are not allowed)
     * @return the pool
     */
    public static Pool of(String name, List<?> values) {
        for (Object v : values) {
            if (v == null) {
                throw new SalvoException("pool '" + name + "': values must not be null, but one was");
            }
        }
        return new Pool(name, List.copyOf(values));
    }

    /**
     * Reads the first column of a query (ordered by the query), at most {@link #DEFAULT_QUERY_LIMIT} rows; NULLs are
     * skipped. Parameters are bound. Dates become {@code LocalDate}, timestamps {@code LocalDateTime}, timestamps with
     * time zone {@code OffsetDateTime} at UTC; other values stay as the driver returns them.
     *
     * @param name the pool's name
     * @param connection an open connection, not closed
     * @param sql the query; add an ORDER BY to make the pool (and sharding) reproducible
     * @param params values bound to the query's {@code ?} placeholders
     * @return the pool
     */
    public static Pool fromQuery(String name, Connection connection, String sql, Object... params) {
        List<Object> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.setMaxRows(DEFAULT_QUERY_LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                boolean instants = ColumnType.fromJdbc(md.getColumnType(1), md.getScale(1), md.getColumnTypeName(1))
                        == ColumnType.TIMESTAMPTZ;
                while (rs.next()) {
                    Object v = rs.getObject(1);
                    if (instants) {
                        v = ColumnType.TIMESTAMPTZ.fromJdbcValue(v);
                    } else if (v instanceof java.sql.Date d) {
                        v = d.toLocalDate();
                    } else if (v instanceof java.sql.Timestamp t) {
                        v = t.toLocalDateTime();
                    }
                    if (v != null) {
                        out.add(v);
                    }
                }
            }
        } catch (SQLException e) {
            throw new SalvoException(
                    "pool '" + name + "': the query must succeed, but failed: " + e.getMessage() + " (SQL: " + sql
                            + ")",
                    e);
        }
        return new Pool(name, List.copyOf(out));
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the values, in order */
    public List<Object> values() {
        return values;
    }

    /**
     * @param workerIndex this worker, 0-based
     * @param workerCount all workers, at least 1
     * @return this worker's share
     * @throws SalvoException when a worker would get no values
     */
    public Pool shard(int workerIndex, int workerCount) {
        if (workerCount == 1) {
            return this;
        }
        if (values.size() < workerCount) {
            throw new SalvoException("pool '" + name + "': must hold at least one value per worker (" + workerCount
                    + ") to be sharded, but held " + values.size());
        }
        List<Object> share = new ArrayList<>(values.size() / workerCount + 1);
        for (int i = workerIndex; i < values.size(); i += workerCount) {
            share.add(values.get(i));
        }
        return new Pool(name, List.copyOf(share));
    }
}
