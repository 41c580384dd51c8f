package dev.salvo.runtime.internal;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.Tuple;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.NamedSql;
import io.gatling.javaapi.core.Session;
import java.lang.reflect.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link SqlRequest} resolved for the run's dialect: its JDBC SQL and its binders in placeholder order. A parameter
 * used twice is evaluated once per request; a collection or array value expands its placeholder ({@code IN (:ids)}).
 */
public final class PreparedRequest {
    final SqlRequest request;
    final NamedSql sql;
    private final String jdbcSql;
    /** this request's own suffix of a statement-cache key: two requests with the same SQL keep their own statements */
    private final String keySuffix = "\u0000#" + KEYS.incrementAndGet();

    private final String statementKey;
    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong();
    // hot: read on every request
    private final Function<Session, ?>[] binders;
    private final int[] placeholderParameter;
    private final ParameterGenerator generator;
    /** for each distinct parameter, its index in the generator's tuple, or -1 when a binder supplies it */
    private final int[] generated;
    /** for each distinct parameter, its index in the transaction's shared tuple, or -1 */
    private final int[] shared;
    /** for each distinct parameter, the placeholders it fills */
    private final int[][] slotsOf;
    /** the generator's tuple, drawn into and copied from on the thread that binds */
    private final ThreadLocal<Tuple> scratch;

    /**
     * @param request the request
     * @param dialect the run's dialect
     */
    public PreparedRequest(SqlRequest request, Dialect dialect) {
        this(request, dialect, null);
    }

    /**
     * @param request the request
     * @param dialect the run's dialect
     * @param generator draws the profile-backed parameters (one tuple per request), or null
     */
    public PreparedRequest(SqlRequest request, Dialect dialect, ParameterGenerator generator) {
        this(request, dialect, generator, List.of());
    }

    /**
     * @param request the request
     * @param dialect the run's dialect
     * @param generator draws the profile-backed and strategy parameters (one tuple per request), or null
     * @param sharedNames the names of the enclosing transaction's shared tuple, in order (empty for none)
     */
    public PreparedRequest(
            SqlRequest request, Dialect dialect, ParameterGenerator generator, List<String> sharedNames) {
        this.request = request;
        this.sql = request.sql(dialect);
        this.jdbcSql = sql.jdbcSql();
        this.statementKey = jdbcSql + keySuffix;
        this.binders = request.binders(sql);
        this.generator = generator;
        List<String> distinct = List.copyOf(sql.parameterNames());
        this.placeholderParameter =
                sql.placeholders().stream().mapToInt(distinct::indexOf).toArray();
        List<String> names = generator == null ? List.of() : generator.names();
        this.generated = distinct.stream().mapToInt(names::indexOf).toArray();
        this.shared = distinct.stream()
                .mapToInt(n -> request.shared().contains(n) ? sharedNames.indexOf(n) : -1)
                .toArray();
        this.slotsOf = new int[distinct.size()][];
        for (int p = 0; p < slotsOf.length; p++) {
            int parameter = p;
            slotsOf[p] = java.util.stream.IntStream.range(0, placeholderParameter.length)
                    .filter(i -> placeholderParameter[i] == parameter)
                    .toArray();
        }
        this.scratch = generator == null ? null : ThreadLocal.withInitial(generator::newTuple);
        for (int i = 0; i < generated.length; i++) {
            if (generated[i] < 0 && binders[i] == null && shared[i] < 0) {
                throw new dev.salvo.sql.SalvoException("request '" + request.name() + "': parameter '" + distinct.get(i)
                        + "' must be bound or drawn from a profile, but is neither");
            }
        }
    }

    /** {@link #sample} when a value is known only at run time (a function of the session). */
    static final Object UNKNOWN = new Object();

    /**
     * A value this placeholder may be bound to, known before load: a constant, or the first draw of a generator (drawing
     * by index consumes nothing).
     *
     * @param placeholder the placeholder, from 0
     * @param shared the transaction's shared values, or null
     * @return the value, or {@link #UNKNOWN}
     */
    Object sample(int placeholder, SharedValues shared) {
        int p = placeholderParameter[placeholder];
        if (this.shared[p] >= 0) {
            return shared == null ? UNKNOWN : shared.sample(this.shared[p]);
        }
        if (generated[p] >= 0) {
            Tuple t = generator.newTuple();
            generator.draw(0, t);
            return t.get(generated[p]);
        }
        return binders[p] instanceof SqlRequest.Constant c ? c.value() : UNKNOWN;
    }

    /** @return the parameter name of each placeholder, in order */
    List<String> placeholderNames() {
        return sql.placeholders();
    }

    /**
     * @return a tuple for this request's values, one slot per placeholder, to fill with
     *     {@link #bind(io.gatling.core.session.Session, Tuple)}
     */
    public Tuple newValues() {
        return new Tuple(placeholderParameter.length);
    }

    /**
     * Evaluates each parameter once into a new tuple (tests, benchmarks; the action reuses tuples where it can).
     *
     * @param session the virtual user's session
     * @return the values in placeholder order
     */
    public Tuple bind(io.gatling.core.session.Session session) {
        Tuple values = newValues();
        bind(session, values);
        return values;
    }

    /**
     * Evaluates each parameter once; runs on Gatling's event loop, or on a Salvo thread in a tight loop. Profile-backed
     * scalar values stay primitives (nothing is allocated for them); a binder's value is stored as it is.
     *
     * @param session the virtual user's session
     * @param values a tuple from {@link #newValues()}, filled in placeholder order
     */
    public void bind(io.gatling.core.session.Session session, Tuple values) {
        bind(session, values, null);
    }

    /**
     * Evaluates each parameter once, taking the transaction's shared ones from its tuple.
     *
     * @param session the virtual user's session
     * @param values a tuple from {@link #newValues()}, filled in placeholder order
     * @param sharedValues the transaction's shared values drawn for this execution, or null
     */
    public void bind(io.gatling.core.session.Session session, Tuple values, Tuple sharedValues) {
        if (binders.length == 0) {
            return;
        }
        Tuple drawn = null;
        if (generator != null) {
            drawn = scratch.get();
            generator.next(drawn);
        }
        Session javaSession = null;
        for (int p = 0; p < binders.length; p++) {
            int[] slots = slotsOf[p];
            if (shared[p] >= 0) {
                for (int slot : slots) {
                    sharedValues.copyTo(shared[p], values, slot);
                }
            } else if (generated[p] >= 0) {
                for (int slot : slots) {
                    drawn.copyTo(generated[p], values, slot);
                }
            } else {
                if (javaSession == null) {
                    javaSession = new Session(session);
                }
                Object value = binders[p].apply(javaSession);
                for (int slot : slots) {
                    values.set(slot, value);
                }
            }
        }
    }

    /**
     * @param values the bound values
     * @return the JDBC SQL for these values (expanded when a value is a list)
     */
    public String jdbcSql(Tuple values) {
        int[] sizes = null;
        for (int i = 0; i < values.size(); i++) {
            int size = values.isReference(i) ? listSize(values.getReference(i)) : -1;
            if (size >= 0) {
                if (sizes == null) {
                    sizes = new int[values.size()];
                    java.util.Arrays.fill(sizes, 1);
                }
                sizes[i] = size;
            }
        }
        return sizes == null ? jdbcSql : sql.expand(sizes);
    }

    /**
     * A key for an SQL thread's statement cache that is this request's own: two requests with the same SQL text get
     * statements of their own, so a per-statement setting (a run hook's query tag naming the request) stays the request's.
     *
     * @param sql this request's JDBC SQL for some values ({@link #jdbcSql(Tuple)})
     * @return the key (no allocation when {@code sql} is the unexpanded text)
     */
    String statementKey(String sql) {
        return sql == jdbcSql ? statementKey : sql + keySuffix;
    }

    /** Binds the values, flattening lists; whole numbers and doubles are bound as primitives. */
    static void setParameters(PreparedStatement ps, Tuple values) throws SQLException {
        int index = 1;
        for (int i = 0; i < values.size(); i++) {
            switch (values.kind(i)) {
                case LONG -> ps.setLong(index++, values.getLong(i));
                case DOUBLE -> ps.setDouble(index++, values.getDouble(i));
                case DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ -> ps.setObject(index++, values.get(i));
                case REFERENCE -> index = bindReference(ps, index, values.getReference(i));
            }
        }
    }

    private static int bindReference(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Collection<?> list) {
            for (Object element : list) {
                ps.setObject(index++, element);
            }
        } else if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            for (int k = 0, n = Array.getLength(value); k < n; k++) {
                ps.setObject(index++, Array.get(value, k));
            }
        } else {
            ps.setObject(index++, value);
        }
        return index;
    }

    private static int listSize(Object value) {
        if (value instanceof Collection<?> list) {
            return list.size();
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            return Array.getLength(value);
        }
        return -1;
    }

    /**
     * @param transaction the enclosing transaction's request name, null for a request on its own
     * @return the statement's SQL as the driver sends it, and its hash (first 12 hex digits of SHA-256)
     */
    dev.salvo.reports.RunResults.RequestInfo info(String transaction) {
        String numbered = sql.numberedSql();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(numbered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new dev.salvo.reports.RunResults.RequestInfo(
                    numbered, java.util.HexFormat.of().formatHex(digest).substring(0, 12), transaction, List.of(), 0);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
