package dev.salvo.runtime.internal;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.controller.inject.open.OpenInjectionStep;
import io.gatling.core.controller.inject.open.UserStream$;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

class ArrivalScheduleTest {

    static Stream<List<io.gatling.javaapi.core.OpenInjectionStep>> profiles() {
        return Stream.of(
                List.of(constantUsersPerSec(50).during(2)),
                List.of(constantUsersPerSec(20).during(2).randomized()),
                List.of(rampUsers(30).during(2)),
                List.of(rampUsersPerSec(1).to(40).during(3)),
                List.of(rampUsersPerSec(5).to(30).during(2).randomized()),
                List.of(stressPeakUsers(50).during(2)),
                List.of(incrementUsersPerSec(10)
                        .times(3)
                        .eachLevelLasting(1)
                        .separatedByRampsLasting(1)
                        .startingFrom(5)),
                List.of(
                        nothingFor(Duration.ofMillis(1500)),
                        atOnceUsers(5),
                        constantUsersPerSec(10).during(1)));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void replaysTheArrivalsGatlingsInjectorComputes(List<io.gatling.javaapi.core.OpenInjectionStep> javaSteps) {
        List<OpenInjectionStep> steps = javaSteps.stream()
                .map(io.gatling.javaapi.core.OpenInjectionStep::asScala)
                .toList();
        // Gatling's own stream, as its injector runs it: one batch covering the whole profile, delays from time 0
        List<Long> gatling = new ArrayList<>();
        UserStream$.MODULE$
                .apply(CollectionConverters.asScala(steps))
                .withStream(FiniteDuration.apply(1, "hour"), 0, 0, delay -> {
                    gatling.add(delay.toNanos());
                    return BoxedUnit.UNIT;
                });
        List<Long> salvo = new ArrayList<>();
        Iterator<FiniteDuration> offsets = ArrivalSchedule.offsets(steps);
        while (offsets.hasNext()) {
            salvo.add(offsets.next().toNanos());
        }
        assertThat(salvo).isNotEmpty().isEqualTo(gatling);
    }

    @Test
    void theKthUserCreatedTakesTheKthArrivalAndIsNeverDueAfterItsCreation() {
        List<OpenInjectionStep> steps =
                List.of(constantUsersPerSec(1000).during(1).asScala()); // one per millisecond
        ArrivalSchedule.Arrivals arrivals = new ArrivalSchedule.Arrivals(ArrivalSchedule.offsets(steps));
        long t0 = 1_000_000_000L;
        long ms = 1_000_000;
        assertThat(arrivals.next(t0)).as("the first user defines the start").isEqualTo(t0);
        assertThat(arrivals.next(t0 + ms)).as("on time").isEqualTo(t0 + ms);
        // the generator stalls: users 2 and 3 are created 500 ms late, and are due when they should have arrived
        assertThat(arrivals.next(t0 + 500 * ms)).isEqualTo(t0 + 2 * ms);
        assertThat(arrivals.next(t0 + 500 * ms)).isEqualTo(t0 + 3 * ms);
        // a user created earlier than its slot moves the start back: it is due no later than its creation
        assertThat(arrivals.next(t0 + 3 * ms)).isEqualTo(t0 + 3 * ms);
        assertThat(arrivals.count()).isEqualTo(5);
    }

    @Test
    void subMillisecondOffsetsThatGatlingCreatesAtTheirTruncatedMillisecondDoNotPullTheStartEarly() {
        // a randomized (Poisson) step's offsets have sub-millisecond parts; Gatling's injector schedules each user a
        // whole number of milliseconds after its tick (the delay's toMillis), i.e. at start + the truncated offset
        long t0 = 1_000_000_000L;
        long ms = 1_000_000;
        long[] offsets = {300_000, 1_900_000, 2_999_000, 7_100_000};
        ArrivalSchedule.Arrivals arrivals = new ArrivalSchedule.Arrivals(
                scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.stream(offsets)
                                .mapToObj(o -> scala.concurrent.duration.FiniteDuration.fromNanos(o))
                                .iterator())
                        .iterator()
                        .<FiniteDuration>map(d -> d));
        assertThat(arrivals.next(t0)).as("created at 0 for 0.3: due at 0.3").isEqualTo(t0 + 300_000);
        assertThat(arrivals.next(t0 + ms))
                .as("created at 1 for 1.9: due at 1.9, not 0.9")
                .isEqualTo(t0 + 1_900_000);
        assertThat(arrivals.next(t0 + 2 * ms)).as("the start stays t0").isEqualTo(t0 + 2_999_000);
        // created 3 ms after its truncated time (7 ms): 2.9 ms late, all of it charged by its UserClock
        assertThat(arrivals.next(t0 + 10 * ms)).isEqualTo(t0 + 7_100_000);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void workersSplitTheArrivalsByTheirNumberWithoutLosingOrRepeatingOne(
            List<io.gatling.javaapi.core.OpenInjectionStep> javaSteps) {
        List<OpenInjectionStep> steps = javaSteps.stream()
                .map(io.gatling.javaapi.core.OpenInjectionStep::asScala)
                .toList();
        List<Long> all = new ArrayList<>();
        ArrivalSchedule.offsets(steps).foreach(d -> all.add(d.toNanos()));
        int workers = 3;
        for (int worker = 0; worker < workers; worker++) {
            List<Long> share = new ArrayList<>();
            ArrivalSchedule.offsets(steps, worker, workers).foreach(d -> share.add(d.toNanos()));
            List<Long> expected = new ArrayList<>();
            for (int k = worker; k < all.size(); k += workers) {
                expected.add(all.get(k));
            }
            assertThat(share).as("worker " + worker).isEqualTo(expected);
        }
    }

    @Test
    void anExhaustedScheduleMatchesNoMoreUsers() {
        ArrivalSchedule.Arrivals arrivals = new ArrivalSchedule.Arrivals(
                ArrivalSchedule.offsets(List.of(atOnceUsers(1).asScala())));
        assertThat(arrivals.next(5)).isEqualTo(5);
        assertThat(arrivals.next(6)).isEqualTo(Long.MIN_VALUE);
    }
}
