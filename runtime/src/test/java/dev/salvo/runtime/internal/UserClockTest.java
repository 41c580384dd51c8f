package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserClockTest {
    static final long MS = 1_000_000;

    @Test
    void aUserCreatedLateChargesAllItsLatenessToItsFirstRequest() {
        UserClock clock = new UserClock(0, 700 * MS, 0);
        assertThat(clock.intendedStart(701 * MS, 0)).isEqualTo(MS); // created 700 ms late: timed from its due time
        clock.ended(703 * MS, 0);
        assertThat(clock.intendedStart(703 * MS + 20_000, 0))
                .as("the next request starts when it is reached")
                .isEqualTo(703 * MS + 20_000);
    }

    @Test
    void aUserCreatedHalfAMillisecondLateIsChargedTheHalfMillisecond() {
        // as pgbench charges its schedule lag, however small: Gatling's whole-millisecond timer is the generator's
        UserClock clock = new UserClock(0, MS / 2, 0);
        assertThat(clock.intendedStart(MS, 0)).isEqualTo(MS / 2);
    }

    @Test
    void aUserCreatedBeforeItsDueTimeGetsAnIntendedStartInTheFutureToBeHeldUntil() {
        // due at 3 ms, created at 2.0001 ms, reaching its request 0.1 ms later: the request is due 0.1 ms after 3 ms
        UserClock clock = new UserClock(3 * MS, 2 * MS + 100_000, 0);
        assertThat(clock.intendedStart(2 * MS + 200_000, 0)).isEqualTo(3 * MS + 100_000);
    }

    @Test
    void aStallBeforeAnEarlyUsersFirstRequestIsChargedAgainstItsDueTime() {
        // created 2 ms early, but a 5 ms stall of the generator passed before the user reached its request
        UserClock clock = new UserClock(10 * MS, 8 * MS, 0);
        assertThat(clock.intendedStart(14 * MS, 5 * MS)).isEqualTo(11 * MS);
    }

    @Test
    void aStallBetweenTwoRequestsIsChargedToTheNextOneAtMostTheTimeBetweenThem() {
        UserClock clock = new UserClock(0, 0, 10 * MS);
        clock.intendedStart(0, 10 * MS);
        clock.ended(5 * MS, 10 * MS);
        // a 300 ms stall of the generator happened while the user was between requests
        assertThat(clock.intendedStart(400 * MS, 310 * MS)).isEqualTo(100 * MS);
        clock.ended(401 * MS, 310 * MS);
        // a stall longer than the gap (it began before the previous request ended) is charged only for the gap
        assertThat(clock.intendedStart(402 * MS, 900 * MS)).isEqualTo(401 * MS);
    }
}
