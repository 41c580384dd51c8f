package dev.salvo.runtime;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.NamedSql;
import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One named SQL request: its kind, its SQL with {@code :name} parameters, and how each parameter gets its value.
 * Immutable; the DSL builds it. For internal use: users write {@code SqlDsl}.
 */
public final class SqlRequest {
  private final String name;
  private final QueryKind kind;
  private final NamedSql sql;
  private final Map<String, Function<Session, ?>> parameters;
  /** the binder of each distinct parameter, in order of first use (hot path: no map lookup per request) */
  private final Function<Session, ?>[] binders;
  /** for each placeholder, the index of its parameter in {@link #binders} */
  private final int[] placeholderParameter;

  private SqlRequest(String name, QueryKind kind, NamedSql sql, Map<String, Function<Session, ?>> parameters) {
    this.name = name;
    this.kind = kind;
    this.sql = sql;
    this.parameters = parameters;
    List<String> distinct = List.copyOf(sql.parameterNames());
    @SuppressWarnings("unchecked")
    Function<Session, ?>[] byName = distinct.stream().map(parameters::get).toArray(Function[]::new);
    this.binders = byName;
    this.placeholderParameter = sql.placeholders().stream().mapToInt(distinct::indexOf).toArray();
  }

  /**
   * Creates a request and checks that every parameter used in the SQL is bound and every bound one is used.
   *
   * @param name the request name shown in reports, non-blank
   * @param kind the query kind
   * @param sql the SQL with {@code :name} parameters
   * @param parameters the binder of each parameter name
   * @return the request
   * @throws SalvoException naming the request and the parameter when they do not match
   */
  public static SqlRequest of(String name, QueryKind kind, String sql, Map<String, Function<Session, ?>> parameters) {
    if (name == null || name.isBlank()) {
      throw new SalvoException("request name: must be non-blank, but was " + (name == null ? "null" : "'" + name + "'"));
    }
    if (kind == null) {
      throw new SalvoException("request '" + name + "': kind must be set, but was null");
    }
    NamedSql parsed;
    try {
      parsed = NamedSql.parse(sql);
    } catch (SalvoException e) {
      throw new SalvoException("request '" + name + "': " + e.getMessage(), e);
    }
    Set<String> unbound = new TreeSet<>(parsed.parameterNames());
    unbound.removeAll(parameters.keySet());
    if (!unbound.isEmpty()) {
      throw new SalvoException("request '" + name + "': every parameter in the SQL must be bound, but " + unbound
          + " is not; bind it with .param(\"" + unbound.iterator().next() + "\", ...)");
    }
    Set<String> unused = new TreeSet<>(parameters.keySet());
    unused.removeAll(parsed.parameterNames());
    if (!unused.isEmpty()) {
      throw new SalvoException("request '" + name + "': every bound parameter must appear in the SQL as :name, but "
          + unused + " does not");
    }
    return new SqlRequest(name, kind, parsed, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
  }

  /** @return the request name */
  public String name() {
    return name;
  }

  /** @return the query kind */
  public QueryKind kind() {
    return kind;
  }

  /** @return the parsed SQL */
  public NamedSql sql() {
    return sql;
  }

  /** @return the binder of each parameter name */
  public Map<String, Function<Session, ?>> parameters() {
    return parameters;
  }

  /**
   * Evaluates each parameter once for one virtual user; a parameter used twice in the SQL gets the same value twice.
   *
   * @param session the virtual user's session
   * @return the values in placeholder order
   */
  public Object[] bind(Session session) {
    Object[] distinct = new Object[binders.length];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = binders[i].apply(session);
    }
    Object[] values = new Object[placeholderParameter.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = distinct[placeholderParameter[i]];
    }
    return values;
  }
}
