package dev.salvo.sql.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the server did between two snapshots: counter increases, never a reset. When statistics were reset or entries
 * evicted in between, the affected deltas are dropped or flagged and {@link #warnings()} says so in one line each,
 * rather than report wrong numbers.
 *
 * @param from the first snapshot's time
 * @param to the second snapshot's time
 * @param serverVersion the server's version, null when unknown
 * @param statements entries that ran in between, most total execution time first
 * @param database pg_stat_database increases (empty when reset in between or unavailable)
 * @param checkpointer checkpointer and background-writer increases (empty when reset or unavailable)
 * @param wal WAL increases (empty when reset or unavailable)
 * @param settings the settings at the end
 * @param warnings one line per reset or eviction detected in between
 * @param unavailable one line per part that could not be read (from either snapshot)
 */
public record ServerDelta(
        Instant from,
        Instant to,
        String serverVersion,
        List<StatementDelta> statements,
        Map<String, Double> database,
        Map<String, Double> checkpointer,
        Map<String, Double> wal,
        Map<String, String> settings,
        List<String> warnings,
        List<String> unavailable) {

    /** Copies the collections. */
    public ServerDelta {
        statements = List.copyOf(statements);
        database = Map.copyOf(database);
        checkpointer = Map.copyOf(checkpointer);
        wal = Map.copyOf(wal);
        settings = Map.copyOf(settings);
        warnings = List.copyOf(warnings);
        unavailable = List.copyOf(unavailable);
    }

    /** @return seconds between the snapshots */
    public double seconds() {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /**
     * @param queryId a query identifier
     * @return the top-level entries with that identifier (one per role that ran it)
     */
    public List<StatementDelta> byQueryId(long queryId) {
        return statements.stream()
                .filter(s -> s.key().queryId() == queryId && s.key().topLevel())
                .toList();
    }

    /**
     * Subtracts two snapshots of one server.
     *
     * @param start the earlier snapshot
     * @param end the later snapshot
     * @return the increases, with warnings for resets and evictions
     */
    public static ServerDelta between(ServerSnapshot start, ServerSnapshot end) {
        List<String> warnings = new ArrayList<>();
        Set<String> unavailable = new LinkedHashSet<>(start.unavailable());
        unavailable.addAll(end.unavailable());
        List<StatementDelta> statements = statements(start, end, warnings);
        return new ServerDelta(
                start.takenAt(),
                end.takenAt(),
                end.serverVersion(),
                statements,
                counters("pg_stat_database", start.database(), end.database(), warnings),
                counters("pg_stat_checkpointer/pg_stat_bgwriter", start.checkpointer(), end.checkpointer(), warnings),
                counters("pg_stat_wal", start.wal(), end.wal(), warnings),
                end.settings(),
                warnings,
                List.copyOf(unavailable));
    }

    private static List<StatementDelta> statements(ServerSnapshot start, ServerSnapshot end, List<String> warnings) {
        if (end.statements().isEmpty() && start.statements().isEmpty()) {
            return List.of();
        }
        if (!Objects.equals(start.statementsResetEpochMillis(), end.statementsResetEpochMillis())) {
            warnings.add("pg_stat_statements was reset during the run (pg_stat_statements_info.stats_reset "
                    + Instant.ofEpochMilli(
                            Math.round(end.statementsResetEpochMillis() == null ? 0 : end.statementsResetEpochMillis()))
                    + "): no statement statistics are reported, because their deltas would be wrong");
            return List.of();
        }
        long evicted = start.deallocations() == null || end.deallocations() == null
                ? 0
                : end.deallocations() - start.deallocations();
        if (evicted > 0) {
            warnings.add(
                    "pg_stat_statements evicted entries " + evicted + " times during the run (pg_stat_statements_info"
                            + ".dealloc; raise pg_stat_statements.max, now "
                            + end.settings().getOrDefault("pg_stat_statements.max", "?")
                            + "): statements that appeared during the run are marked incomplete");
        }
        List<StatementDelta> out = new ArrayList<>();
        int partial = 0;
        for (Map.Entry<ServerSnapshot.StatementKey, ServerSnapshot.StatementCounters> e :
                end.statements().entrySet()) {
            ServerSnapshot.StatementCounters after = e.getValue();
            ServerSnapshot.StatementCounters before = start.statements().get(e.getKey());
            // from 17, an entry that was evicted and came back, or was reset on its own, has a new stats_since
            boolean recreated = before != null
                    && after.sinceEpochMillis() != null
                    && before.sinceEpochMillis() != null
                    && !after.sinceEpochMillis().equals(before.sinceEpochMillis());
            boolean complete = true;
            Map<String, Double> delta = new LinkedHashMap<>();
            if (before == null
                    || recreated
                    || after.values().getOrDefault("calls", 0.0)
                            < before.values().getOrDefault("calls", 0.0)) {
                // new, or evicted / reset and counted again from zero
                delta.putAll(after.values());
                complete = before == null && evicted == 0;
            } else {
                after.values()
                        .forEach((k, v) -> delta.put(k, v - before.values().getOrDefault(k, 0.0)));
            }
            if (delta.getOrDefault("calls", 0.0) <= 0 && delta.getOrDefault("plans", 0.0) <= 0) {
                continue;
            }
            if (!complete) {
                partial++;
            }
            out.add(new StatementDelta(e.getKey(), after.query(), complete, delta));
        }
        if (partial > 0 && evicted == 0) {
            warnings.add(
                    partial + " pg_stat_statements entries were reset or recreated during the run: they are marked "
                            + "incomplete");
        }
        out.sort(Comparator.comparingDouble((StatementDelta s) -> -s.get("totalExecMillis"))
                .thenComparing(s -> s.key().queryId()));
        return out;
    }

    private static Map<String, Double> counters(
            String view, Map<String, Double> start, Map<String, Double> end, List<String> warnings) {
        if (start.isEmpty() || end.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, Double> e : end.entrySet()) {
            if (e.getKey().endsWith("statsReset") && !Objects.equals(e.getValue(), start.get(e.getKey()))) {
                warnings.add(view + " was reset during the run (stats_reset "
                        + Instant.ofEpochMilli(Math.round(e.getValue())) + "): its deltas are not reported");
                return Map.of();
            }
        }
        Map<String, Double> delta = new LinkedHashMap<>();
        end.forEach((k, v) -> {
            if (!k.endsWith("statsReset") && start.containsKey(k)) {
                delta.put(k, v - start.get(k));
            }
        });
        return delta;
    }
}
