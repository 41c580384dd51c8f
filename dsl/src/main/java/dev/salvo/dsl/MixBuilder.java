package dev.salvo.dsl;

import dev.salvo.runtime.MixActionBuilder;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A weighted mix of requests and transactions, usable as one Gatling action: each visit runs exactly one of them. Weights are relative
 * (any positive numbers) unless {@link #percentages()} says they must sum to 100. The choice is random by default, or a
 * deterministic smooth weighted round-robin with {@link #roundRobin()}. Immutable, so all methods return a new
 * occurrence and leave the original unmodified.
 */
public final class MixBuilder implements ActionBuilder {
    private final String name;
    private final List<Double> weights;
    private final List<Supplier<SqlActionBuilder>> requests;
    private final boolean percentages;
    private final boolean roundRobin;

    MixBuilder(
            String name,
            List<Double> weights,
            List<Supplier<SqlActionBuilder>> requests,
            boolean percentages,
            boolean roundRobin) {
        this.name = name;
        this.weights = List.copyOf(weights);
        this.requests = List.copyOf(requests);
        this.percentages = percentages;
        this.roundRobin = roundRobin;
    }

    /**
     * Adds a request with its weight.
     *
     * @param weight a positive number (a percentage when {@link #percentages()} is set)
     * @param request the request
     * @return a new builder
     */
    public MixBuilder add(double weight, SqlRequestBuilder request) {
        Nulls.check("mix '" + name + "'", "add", "request", request);
        return add(weight, request::toAction);
    }

    /**
     * Adds a transaction with its weight: a visit that chooses it runs all of its statements.
     *
     * @param weight a positive number (a percentage when {@link #percentages()} is set)
     * @param transaction the transaction
     * @return a new builder
     */
    public MixBuilder add(double weight, TransactionBuilder transaction) {
        Nulls.check("mix '" + name + "'", "add", "transaction", transaction);
        return add(weight, transaction::toAction);
    }

    private MixBuilder add(double weight, Supplier<SqlActionBuilder> action) {
        List<Double> w = new ArrayList<>(weights);
        w.add(weight);
        List<Supplier<SqlActionBuilder>> r = new ArrayList<>(requests);
        r.add(action);
        return new MixBuilder(name, w, r, percentages, roundRobin);
    }

    /**
     * Requires the weights to be percentages summing to 100 (within 0.001).
     *
     * @return a new builder
     */
    public MixBuilder percentages() {
        return new MixBuilder(name, weights, requests, true, roundRobin);
    }

    /**
     * Chooses by a deterministic smooth weighted round-robin instead of at random: over each period every request runs
     * exactly in proportion to its weight, evenly interleaved.
     *
     * @return a new builder
     */
    public MixBuilder roundRobin() {
        return new MixBuilder(name, weights, requests, percentages, true);
    }

    /**
     * For internal use only.
     *
     * @return the Gatling (Scala) action builder
     */
    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        String where = "mix '" + name + "'";
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (percentages && Math.abs(sum - 100) > 0.001) {
            throw new SalvoException(where + ": percentages must sum to 100, but sum to " + sum);
        }
        List<SqlActionBuilder> actions = requests.stream().map(Supplier::get).toList();
        return roundRobin ? MixActionBuilder.roundRobin(name, actions, w) : MixActionBuilder.random(name, actions, w);
    }
}
