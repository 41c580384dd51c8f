package dev.salvo.runtime.internal;

import dev.salvo.feeders.ParameterGenerator;
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
  // hot: read on every request
  private final Function<Session, ?>[] binders;
  private final int[] placeholderParameter;
  private final ParameterGenerator generator;
  /** for each distinct parameter, its index in the generator's tuple, or -1 when a binder supplies it */
  private final int[] generated;
  private final int tupleSize;

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
    this.request = request;
    this.sql = request.sql(dialect);
    this.jdbcSql = sql.jdbcSql();
    this.binders = request.binders(sql);
    this.generator = generator;
    List<String> distinct = List.copyOf(sql.parameterNames());
    this.placeholderParameter = sql.placeholders().stream().mapToInt(distinct::indexOf).toArray();
    List<String> names = generator == null ? List.of() : generator.names();
    this.tupleSize = names.size();
    this.generated = distinct.stream().mapToInt(names::indexOf).toArray();
    for (int i = 0; i < generated.length; i++) {
      if (generated[i] < 0 && binders[i] == null) {
        throw new dev.salvo.sql.SalvoException("request '" + request.name() + "': parameter '" + distinct.get(i)
            + "' must be bound or drawn from a profile, but is neither");
      }
    }
  }

  /**
   * Evaluates each parameter once; runs on Gatling's event loop.
   *
   * @param session the virtual user's session
   * @return the values in placeholder order
   */
  public Object[] bind(io.gatling.core.session.Session session) {
    if (binders.length == 0) {
      return NO_VALUES;
    }
    Session javaSession = new Session(session);
    Object[] tuple = null;
    if (generator != null) {
      tuple = new Object[tupleSize];
      generator.next(tuple);
    }
    Object[] distinct = new Object[binders.length];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = generated[i] >= 0 ? tuple[generated[i]] : binders[i].apply(javaSession);
    }
    Object[] values = new Object[placeholderParameter.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = distinct[placeholderParameter[i]];
    }
    return values;
  }

  private static final Object[] NO_VALUES = new Object[0];

  /**
   * @param values the bound values
   * @return the JDBC SQL for these values (expanded when a value is a list)
   */
  public String jdbcSql(Object[] values) {
    int[] sizes = null;
    for (int i = 0; i < values.length; i++) {
      int size = listSize(values[i]);
      if (size >= 0) {
        if (sizes == null) {
          sizes = new int[values.length];
          java.util.Arrays.fill(sizes, 1);
        }
        sizes[i] = size;
      }
    }
    return sizes == null ? jdbcSql : sql.expand(sizes);
  }

  /** Binds the values, flattening lists. */
  static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    int index = 1;
    for (Object value : values) {
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
    }
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
}
