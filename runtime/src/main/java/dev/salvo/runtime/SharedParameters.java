package dev.salvo.runtime;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Pool;
import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The parameters a transaction binds once per execution for all of its statements (pgbench's {@code \set aid ...}):
 * binders evaluated on the virtual user's session, strategies and profile-backed specs drawn from the run's seeded,
 * sharded stream. Immutable. For internal use: the DSL's {@code transaction(...).param(...)} builds it.
 *
 * @param binders functions of the session (constants, session attributes)
 * @param strategies strategies such as {@code randomLong}, drawn from the seeded stream
 * @param specs profile-backed specs (columns written {@code table.column})
 * @param pools the pools {@code sample_from_pool} specs name
 */
public record SharedParameters(
        Map<String, Function<Session, ?>> binders,
        Map<String, ParameterStrategy<?>> strategies,
        List<ParameterSpec> specs,
        List<Pool> pools) {
    /** No shared parameters. */
    public static final SharedParameters NONE = new SharedParameters(Map.of(), Map.of(), List.of(), List.of());

    /** Copies the collections (keeping their order). */
    public SharedParameters {
        binders = Collections.unmodifiableMap(new LinkedHashMap<>(binders));
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        specs = List.copyOf(specs);
        pools = List.copyOf(pools);
    }

    /**
     * @param where the transaction, for the message
     * @return every name, binders first, then specs, then strategies; each once
     * @throws SalvoException when a name is bound twice
     */
    public Set<String> names(String where) {
        Set<String> names = new LinkedHashSet<>(binders.keySet());
        List<String> more = new ArrayList<>();
        specs.forEach(s -> more.add(s.name()));
        more.addAll(strategies.keySet());
        for (String name : more) {
            if (!names.add(name)) {
                throw new SalvoException(where + ": parameter '" + name + "' must be bound once, but is bound twice");
            }
        }
        return names;
    }

    /** @return true when there is none */
    public boolean isEmpty() {
        return binders.isEmpty() && strategies.isEmpty() && specs.isEmpty();
    }
}
