package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a virtual user's next Gatling actions run after a Salvo request (issue 20): 2 users on 2 SQL threads, each 30
 * times a lookup, a Gatling step, a 2 ms pause, another Gatling step; then 6 users on the same 2 threads, 20 lookups
 * each with no pause (more users than SQL threads: waiting ones must be served). The steps count the thread kinds they
 * ran on, printed at the end as {@code [continue] <step> <thread kind>=<count>}.
 */
public class ContinueSimulation extends Simulation {
    static final Map<String, LongAdder> SEEN = new ConcurrentHashMap<>();

    static io.gatling.javaapi.core.Session mark(String step, io.gatling.javaapi.core.Session session) {
        String thread = Thread.currentThread().getName();
        String kind =
                thread.startsWith("salvo-sql-") ? "salvo-sql" : thread.startsWith("gatling-") ? "gatling" : thread;
        SEEN.computeIfAbsent(step + " " + kind, k -> new LongAdder()).increment();
        return session;
    }

    {
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo();
        var few = scenario("few")
                .repeat(30)
                .on(exec(lookup)
                        .exec(s -> mark("afterRequest", s))
                        .pause(Duration.ofMillis(2))
                        .exec(s -> mark("afterPause", s)));
        var many = scenario("many").repeat(20).on(exec(lookup));
        setUp(few.injectOpen(atOnceUsers(2)), many.injectOpen(nothingFor(Duration.ofSeconds(2)), atOnceUsers(6)))
                .protocols(database().poolSize(2));
    }

    @Override
    public void after() {
        new TreeMap<>(SEEN).forEach((k, v) -> System.out.println("[continue] " + k + "=" + v.sum()));
    }
}
