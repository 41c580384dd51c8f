package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import org.junit.jupiter.api.Test;

class ArrivalReleaseTest {
    @Test
    void awaitReturnsNoEarlierThanItsTime() {
        for (long ahead : new long[] {-1_000, 10_000, 500_000, 3_000_000}) {
            long at = System.nanoTime() + ahead;
            ArrivalRelease.await(at);
            assertThat(System.nanoTime()).as("ahead %d ns", ahead).isGreaterThanOrEqualTo(at);
        }
    }

    @Test
    void theLeadIsAWholeNumberOfMillisecondsFromZeroToOneThousand() {
        String saved = System.getProperty(ArrivalRelease.LEAD_PROPERTY);
        try {
            System.clearProperty(ArrivalRelease.LEAD_PROPERTY);
            assertThat(ArrivalRelease.leadMillis()).isEqualTo(10);
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "0");
            assertThat(ArrivalRelease.leadMillis()).isZero();
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "2.5");
            assertThatThrownBy(ArrivalRelease::leadMillis)
                    .isInstanceOf(SalvoException.class)
                    .hasMessage("salvo.arrivalLeadMillis: the open-model arrival lead must be a whole number of"
                            + " milliseconds from 0 to 1000, but was '2.5'");
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "1001");
            assertThatThrownBy(ArrivalRelease::leadMillis).hasMessageContaining("but was '1001'");
        } finally {
            if (saved == null) {
                System.clearProperty(ArrivalRelease.LEAD_PROPERTY);
            } else {
                System.setProperty(ArrivalRelease.LEAD_PROPERTY, saved);
            }
        }
    }
}
