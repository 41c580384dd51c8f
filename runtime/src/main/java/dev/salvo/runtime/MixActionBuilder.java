package dev.salvo.runtime;

import dev.salvo.runtime.internal.MixAction;
import dev.salvo.runtime.internal.SqlComponents;
import dev.salvo.runtime.internal.SqlProtocolKey;
import dev.salvo.runtime.internal.WeightedChoice;
import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import java.util.List;

/**
 * Gatling's (Scala) action builder for a weighted mix: each visit runs exactly one of the requests, chosen at random by
 * weight or by a deterministic smooth weighted round-robin. For internal use: the DSL's {@code mix()} returns it.
 */
public final class MixActionBuilder implements ActionBuilder {
    private final List<SqlActionBuilder> requests;
    private final WeightedChoice choice;
    private final String name;

    private MixActionBuilder(String name, List<SqlActionBuilder> requests, WeightedChoice choice) {
        this.name = name;
        this.requests = List.copyOf(requests);
        this.choice = choice;
    }

    /**
     * A mix that chooses at random by weight, from the run's seeded stream.
     *
     * @param name the mix's name (seeds its stream of random choices; names it in messages)
     * @param requests the requests and transactions
     * @param weights one positive weight per request
     * @return the builder
     * @throws dev.salvo.sql.SalvoException when a weight is not positive or the counts differ
     */
    public static MixActionBuilder random(String name, List<SqlActionBuilder> requests, double[] weights) {
        return new MixActionBuilder(name, requests, WeightedChoice.random("mix '" + name + "'", weights));
    }

    /**
     * A mix that chooses by a deterministic smooth weighted round-robin.
     *
     * @param name the mix's name (names it in messages)
     * @param requests the requests and transactions
     * @param weights one positive weight per request
     * @return the builder
     * @throws dev.salvo.sql.SalvoException when a weight is not positive or the counts differ
     */
    public static MixActionBuilder roundRobin(String name, List<SqlActionBuilder> requests, double[] weights) {
        return new MixActionBuilder(name, requests, WeightedChoice.roundRobin("mix '" + name + "'", weights));
    }

    @Override
    public Action build(ScenarioContext ctx, Action next) {
        Action[] actions = requests.stream().map(r -> r.build(ctx, next)).toArray(Action[]::new);
        SqlComponents components = ctx.protocolComponentsRegistry().components(SqlProtocolKey.INSTANCE);
        // random choices come from the run's seeded, sharded stream, like every parameter
        return new MixAction(actions, choice.seeded(components.run().uniformStream("mix:" + name)));
    }
}
