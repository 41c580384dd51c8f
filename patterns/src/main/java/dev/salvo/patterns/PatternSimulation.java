package dev.salvo.patterns;

import io.gatling.javaapi.core.Simulation;

/**
 * Runs the built-in pattern named by {@code -Dsalvo.pattern=NAME}: creates its tables, seeds them at
 * {@code -Dsalvo.scale} (default: the pattern's), runs its workload and writes the reports. {@code mvn gatling:test
 * -Dsalvo.pattern=tpcb-like} on the embedded PostgreSQL needs nothing else. Overrides: {@code -Dsalvo.users},
 * {@code -Dsalvo.rate} (visits per second: an open model), {@code -Dsalvo.duration} (seconds),
 * {@code -Dsalvo.pattern.replace=true} (drop the pattern's existing tables on a database given by URL). The run's
 * results record the pattern as config key {@code pattern} ({@code name@version}).
 */
public class PatternSimulation extends Simulation {
    /** The system property naming the pattern. */
    public static final String PATTERN_PROPERTY = "salvo.pattern";

    /** Reads the properties, then sets up the pattern's scenario and protocol. */
    public PatternSimulation() {
        PatternWorkload w;
        try {
            w = fromProperties();
        } catch (PatternException e) {
            System.err.println("[salvo] ERROR " + e.getMessage());
            System.err.flush();
            throw e;
        }
        System.setProperty("salvo.patternId", w.pattern().id());
        System.out.println("[salvo] pattern " + w.pattern().id() + " at scale " + w.scale() + ": "
                + (w.load().rate() == null
                        ? w.load().users() + " users"
                        : w.load().rate() + " visits/s on " + w.load().users() + " connections")
                + " for " + w.load().seconds() + " s");
        // salvo.warmup: the first seconds of salvo.duration are run but not measured (JIT, caches), as pgbench users do
        int warmup = intProperty("salvo.warmup", 0);
        setUp(w.population())
                .protocols(warmup > 0 ? w.protocol().warmup(java.time.Duration.ofSeconds(warmup)) : w.protocol());
    }

    /** @return the workload the system properties describe */
    static PatternWorkload fromProperties() {
        String name = System.getProperty(PATTERN_PROPERTY, "");
        if (name.isBlank()) {
            throw new PatternException(PATTERN_PROPERTY + ": must name a pattern ("
                    + String.join(", ", Patterns.names()) + "), but was not set");
        }
        Pattern p = Patterns.load(name);
        int scale = intProperty("salvo.scale", p.defaultScale());
        int users = intProperty("salvo.users", p.users());
        String rate = System.getProperty("salvo.rate", "");
        Double r;
        try {
            r = rate.isBlank() ? null : Double.valueOf(rate);
        } catch (NumberFormatException e) {
            throw new PatternException("salvo.rate: must be a number > 0, but was '" + rate + "'");
        }
        int seconds = intProperty("salvo.duration", p.durationSeconds());
        return new PatternWorkload(
                p, scale, new PatternWorkload.Load(users, r, seconds), Boolean.getBoolean("salvo.pattern.replace"));
    }

    private static int intProperty(String key, int fallback) {
        String v = System.getProperty(key, "");
        if (v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new PatternException(key + ": must be a whole number, but was '" + v + "'");
        }
    }
}
