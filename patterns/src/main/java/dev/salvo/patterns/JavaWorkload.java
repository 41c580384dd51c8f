package dev.salvo.patterns;

import io.gatling.javaapi.core.ActionBuilder;

/**
 * A pattern's workload written in Java with the DSL, for what a template cannot express (a transaction of several
 * statements sharing drawn values, Zipfian or latest key choice). The class needs a public no-argument constructor; the
 * pattern's manifest names it ({@code workloadClass}).
 */
public interface JavaWorkload {
    /**
     * @param pattern the pattern (its tables' rows per scale unit)
     * @param scale the scale factor the tables were seeded at
     * @return what one visit runs: a transaction, or a mix of requests and transactions whose names are the pattern's
     *     mix keys
     */
    ActionBuilder visit(Pattern pattern, int scale);
}
