package dev.salvo.runtime.internal;

import com.typesafe.scalalogging.Logger;
import dev.salvo.runtime.SqlRequest;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import scala.Option;

/**
 * Executes one {@link SqlRequest} per virtual user visit: parameters are evaluated on Gatling's event loop, the SQL runs
 * on Salvo's own threads, the result set is read to its end, and the outcome goes to Gatling's StatsEngine and to
 * Salvo's µs histograms before the virtual user moves on (also after an error).
 */
public final class SqlAction implements Action {
  private static final Logger LOGGER = Logger.apply(SqlAction.class);

  private final SqlRequest request;
  private final String sql;
  private final Target target;
  private final RequestRecorder recorder;
  private final StatsEngine statsEngine;
  private final Clock clock;
  private final Action next;
  private final boolean measureBytes;

  SqlAction(SqlRequest request, Target target, RequestRecorder recorder, StatsEngine statsEngine, Clock clock,
      Action next) {
    this.request = request;
    this.sql = request.sql().jdbcSql();
    this.target = target;
    this.recorder = recorder;
    this.statsEngine = statsEngine;
    this.clock = clock;
    this.next = next;
    this.measureBytes = target.dialect.measuresResultBytes();
  }

  @Override
  public String name() {
    return request.name();
  }

  @Override
  public Logger logger() {
    return LOGGER;
  }

  /** Scala-logging's initializer hook; the logger is a constant here. */
  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}

  @Override
  public void execute(Session session) {
    long startNanos = System.nanoTime();
    long startMillis = clock.nowMillis();
    Object[] values;
    try {
      values = request.bind(new io.gatling.javaapi.core.Session(session));
    } catch (RuntimeException e) {
      finish(session, startNanos, startMillis, -1, 0, 0, "parameter: " + Target.describe(e), null);
      return;
    }
    try {
      target.executor.execute(() -> run(session, values, startNanos, startMillis));
    } catch (RejectedExecutionException stopping) {
      // the run is ending and Salvo's threads are gone: this virtual user stops here
    }
  }

  private void run(Session session, Object[] values, long startNanos, long startMillis) {
    long serviceStart = -1;
    long rows = 0;
    long bytes = 0;
    String error = null;
    String sqlState = null;
    try (Connection c = target.connection()) {
      serviceStart = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        boolean isResultSet = ps.execute();
        while (true) {
          if (isResultSet) {
            try (ResultSet rs = ps.getResultSet()) {
              int columns = measureBytes ? rs.getMetaData().getColumnCount() : 0;
              while (rs.next()) {
                rows++;
                for (int col = 1; col <= columns; col++) {
                  byte[] raw = rs.getBytes(col);
                  if (raw != null) {
                    bytes += raw.length;
                  }
                }
              }
            }
          } else {
            int updated = ps.getUpdateCount();
            if (updated == -1) {
              break;
            }
            rows += updated;
          }
          isResultSet = ps.getMoreResults();
        }
      }
    } catch (SQLException e) {
      sqlState = e.getSQLState();
      error = Target.describe(e);
    } catch (RuntimeException e) {
      error = "client: " + Target.describe(e);
    }
    finish(session, startNanos, startMillis, serviceStart, rows, bytes, error, sqlState);
  }

  private void finish(Session session, long startNanos, long startMillis, long serviceStart, long rows, long bytes,
      String error, String sqlState) {
    long endNanos = System.nanoTime();
    long endMillis = clock.nowMillis();
    String errorKey = error == null ? null : (sqlState == null ? "" : sqlState + ": ") + stripState(error);
    recorder.record(endNanos - startNanos, serviceStart < 0 ? -1 : endNanos - serviceStart, rows, bytes, errorKey);
    Status status = error == null ? OK$.MODULE$ : KO$.MODULE$;
    statsEngine.logResponse(session.scenario(), session.groups(), request.name(), startMillis, endMillis, status,
        Option.apply(sqlState), Option.apply(errorKey));
    next.$bang(error == null ? session : session.markAsFailed());
  }

  private static String stripState(String message) {
    int at = message.lastIndexOf(" (SQLSTATE ");
    return at < 0 ? message : message.substring(0, at);
  }
}
