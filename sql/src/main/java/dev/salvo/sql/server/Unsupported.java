package dev.salvo.sql.server;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Server statistics of a database Salvo has no collector for: every part is unavailable, in one line. */
final class Unsupported implements ServerStatistics {
    private final String dialect;

    Unsupported(String dialect) {
        this.dialect = dialect;
    }

    @Override
    public ServerSnapshot snapshot(Connection connection) {
        return new ServerSnapshot(
                Instant.now(),
                null,
                Map.of(),
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of("server statistics: unavailable: Salvo reads no server statistics of " + dialect + " yet"));
    }

    @Override
    public Map<String, String> sessionTag(String tag) {
        return Map.of();
    }

    @Override
    public WaitSampler waitSampler(Connection connection, String tag, Duration period, Duration interval) {
        return WaitSampler.unavailable(connection, "wait events: unavailable: Salvo samples no sessions of " + dialect);
    }

    @Override
    public Explained explain(Connection connection, String jdbcSql, Binder binder) {
        return new Explained(null, null, "plans: unavailable for " + dialect);
    }

    @Override
    public List<StatementDelta> matchText(ServerDelta delta, String jdbcSql) {
        return List.of();
    }
}
