package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/** Every Gatling injection profile drives Salvo's action: one scenario and one request name per profile. */
public class InjectionProfilesSimulation extends Simulation {

    private static io.gatling.javaapi.core.ScenarioBuilder once(String profile) {
        return scenario(profile)
                .exec(pointLookup(profile)
                        .query("SELECT name FROM customers WHERE customer_id = :id")
                        .param("id", randomLong(1, 10_000))
                        .noSlo()); // no SLO: start-up lateness is charged since issue 20
    }

    private static io.gatling.javaapi.core.ScenarioBuilder looping(String profile) {
        return scenario(profile)
                .exec(pointLookup(profile)
                        .query("SELECT name FROM customers WHERE customer_id = :id")
                        .param("id", randomLong(1, 10_000))
                        .noSlo())
                .pause(java.time.Duration.ofMillis(50));
    }

    {
        PopulationBuilder[] populations = {
            once("atOnceUsers").injectOpen(atOnceUsers(5)),
            once("rampUsers").injectOpen(rampUsers(10).during(2)),
            once("constantUsersPerSec").injectOpen(constantUsersPerSec(10).during(2)),
            once("rampUsersPerSec").injectOpen(rampUsersPerSec(5).to(15).during(2)),
            once("stressPeakUsers").injectOpen(stressPeakUsers(10).during(2)),
            once("nothingFor+atOnce").injectOpen(nothingFor(1), atOnceUsers(3)),
            looping("constantConcurrentUsers")
                    .injectClosed(constantConcurrentUsers(2).during(2)),
            looping("rampConcurrentUsers")
                    .injectClosed(rampConcurrentUsers(1).to(3).during(2)),
            looping("incrementConcurrentUsers")
                    .injectClosed(incrementConcurrentUsers(1)
                            .times(2)
                            .eachLevelLasting(1)
                            .startingFrom(1)),
        };
        setUp(populations).protocols(database().poolSize(4));
    }
}
