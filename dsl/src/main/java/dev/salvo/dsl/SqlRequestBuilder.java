package dev.salvo.dsl;

import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.sql.QueryKind;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.runtime.internal.Fatal;
import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A SQL request: a Gatling action that runs its SQL with bound parameters. Immutable, so all methods return a new
 * occurrence and leave the original unmodified. Every {@code :name} in the SQL must be bound with {@code param}.
 */
public final class SqlRequestBuilder implements ActionBuilder {
  private final String name;
  private final String sql;
  private final QueryKind kind;
  private final Map<String, Function<Session, ?>> params;

  private SqlRequestBuilder(String name, String sql, QueryKind kind, Map<String, Function<Session, ?>> params) {
    this.name = name;
    this.sql = sql;
    this.kind = kind;
    this.params = params;
  }

  /** The first step of a request: it has a name and needs its SQL. */
  public static final class Named {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    /**
     * Sets the SQL, with {@code :name} parameters to bind with {@code param}.
     *
     * @param sql the statement
     * @return the request
     */
    public SqlRequestBuilder query(String sql) {
      return new SqlRequestBuilder(name, sql, QueryKind.GENERIC, Map.of());
    }
  }

  /**
   * Sets the query kind, under which statistics are also grouped.
   *
   * @param kind the kind; default {@link QueryKind#GENERIC}
   * @return a new builder
   */
  public SqlRequestBuilder kind(QueryKind kind) {
    return new SqlRequestBuilder(name, sql, kind, params);
  }

  /**
   * Binds a parameter to a value: a {@link ParameterStrategy} (such as {@code randomLong(1, 100)}) is drawn anew for
   * each request; anything else is bound as it is.
   *
   * @param parameter the parameter name as written in the SQL after the colon
   * @param value a constant or a strategy
   * @return a new builder
   */
  public SqlRequestBuilder param(String parameter, Object value) {
    if (value instanceof ParameterStrategy<?> strategy) {
      return bind(parameter, session -> strategy.next(ThreadLocalRandom.current()));
    }
    return bind(parameter, session -> value);
  }

  /**
   * Binds a parameter to a function of the virtual user's session, e.g. {@code s -> s.getLong("customerId")}.
   *
   * @param parameter the parameter name as written in the SQL after the colon
   * @param value evaluated for each request on Gatling's thread
   * @return a new builder
   */
  public SqlRequestBuilder param(String parameter, Function<Session, ?> value) {
    return bind(parameter, value);
  }

  private SqlRequestBuilder bind(String parameter, Function<Session, ?> value) {
    if (params.containsKey(parameter)) {
      throw Fatal.stop(new SalvoException("request '" + name + "': parameter '" + parameter
          + "' must be bound once, but is bound twice"), null);
    }
    Map<String, Function<Session, ?>> copy = new LinkedHashMap<>(params);
    copy.put(parameter, value);
    return new SqlRequestBuilder(name, sql, kind, copy);
  }

  /**
   * For internal use only.
   *
   * @return the Gatling (Scala) action builder; checks that parameters and SQL agree
   */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SqlActionBuilder.single(Guard.check(() -> SqlRequest.of(name, kind, sql, params)));
  }
}
