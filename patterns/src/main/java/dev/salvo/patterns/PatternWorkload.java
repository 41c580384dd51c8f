package dev.salvo.patterns;

import static dev.salvo.dsl.SqlDsl.database;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.salvo.dsl.MixBuilder;
import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.templates.Template;
import dev.salvo.templates.TemplateParser;
import dev.salvo.templates.TemplateWorkload;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A pattern made runnable at a scale and a load: the visit (its template's mix or its Java workload), the protocol
 * (which creates and seeds the pattern's tables before load) and the injection.
 *
 * @param pattern the pattern
 * @param scale the scale factor
 * @param load users or rate, and duration
 * @param replace drop the pattern's tables first when they exist (otherwise an existing table stops the run)
 */
public record PatternWorkload(Pattern pattern, int scale, Load load, boolean replace) {

    /**
     * How much load: a closed model of {@code users} back-to-back users, or an open model of {@code rate} visits per
     * second served by {@code users} connections.
     *
     * @param users closed-model users, or the pool size under a rate
     * @param rate visits per second (open model), or null for the closed model
     * @param seconds measured seconds
     */
    public record Load(int users, Double rate, int seconds) {
        /** Checks the numbers. */
        public Load {
            if (users < 1) {
                throw new PatternException("pattern: users must be a whole number >= 1, but was " + users);
            }
            if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
                throw new PatternException("pattern: rate must be a number > 0, but was " + rate);
            }
            if (seconds < 1) {
                throw new PatternException("pattern: duration must be at least 1 second, but was " + seconds);
            }
        }
    }

    /** Checks the scale. */
    public PatternWorkload {
        PatternSetup.checkScale(scale);
    }

    /** @return the template with its {@code ${scale}} and {@code ${rows.<table>}} placeholders filled in */
    public Template template() {
        String text = pattern.file("workload.yaml").replace("${scale}", Integer.toString(scale));
        for (Map.Entry<String, Long> e : pattern.rows(scale).entrySet()) {
            text = text.replace("${rows." + e.getKey() + "}", Long.toString(e.getValue()));
        }
        return TemplateParser.parse(pattern.name() + "/workload.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return what one visit runs. A mix of requests runs them in exactly the declared proportions, evenly interleaved
     *     (a smooth weighted round-robin shared by all users), so a run of any length, and every run of the pattern, sees
     *     the declared mix; the values each request draws stay random (seeded)
     */
    public ActionBuilder visit() {
        if (pattern.isTemplate()) {
            return TemplateWorkload.of(template()).mix().roundRobin();
        }
        String cls = pattern.workloadClass().orElseThrow();
        try {
            ActionBuilder visit =
                    ((JavaWorkload) Class.forName(cls).getConstructor().newInstance()).visit(pattern, scale);
            return visit instanceof MixBuilder m ? m.roundRobin() : visit;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new PatternException(
                    "pattern " + pattern.id() + ": workloadClass must name a JavaWorkload with a public "
                            + "no-argument constructor, but was '" + cls + "' (" + e + ")",
                    e);
        }
    }

    /** @return the database protocol: no demo schema, one connection per user, the pattern's tables set up first */
    public SqlProtocolBuilder protocol() {
        return database()
                .noDemoSchema()
                .poolSize(load.users())
                .beforeLoad(settings -> PatternSetup.prepare(pattern, settings, scale, replace));
    }

    /** @return the scenario with its injection */
    public PopulationBuilder population() {
        ActionBuilder visit = visit();
        Duration total = Duration.ofSeconds(load.seconds());
        if (load.rate() != null) {
            return scenario(pattern.name())
                    .exec(visit)
                    .injectOpen(constantUsersPerSec(load.rate()).during(total));
        }
        return scenario(pattern.name())
                .during(total)
                .on(exec(visit))
                .injectClosed(constantConcurrentUsers(load.users()).during(total));
    }
}
