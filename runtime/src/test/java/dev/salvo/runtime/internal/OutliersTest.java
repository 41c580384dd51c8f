package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.feeders.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutliersTest {

    @Test
    void keepsTheTwentySlowestWithACopyOfTheirValues() {
        Outliers o = new Outliers();
        Tuple values = new Tuple(1);
        Tuple[] perStatement = {values};
        for (int i = 1; i <= 1000; i++) {
            values.setLong(0, i); // the caller reuses its tuple: the kept copy must not change
            o.offer(i * 1000L, i, perStatement, null);
        }
        List<Outliers.Kept> slowest = o.slowest();
        assertThat(slowest).hasSize(Outliers.SLOWEST);
        assertThat(slowest.get(0).responseNanos()).isEqualTo(1_000_000L);
        assertThat(slowest.get(19).responseNanos()).isEqualTo(981_000L);
        assertThat(slowest.get(0).values()[0].getLong(0)).isEqualTo(1000);
        assertThat(slowest.get(19).values()[0].getLong(0)).isEqualTo(981);
        assertThat(slowest.get(0).startEpochMillis()).isEqualTo(1000);
    }

    @Test
    void keepsTheFirstOccurrenceOfEveryDistinctErrorUpToTheLimit() {
        Outliers o = new Outliers();
        Tuple values = new Tuple(2);
        values.setLong(0, 7);
        values.set(1, "x");
        o.offer(5, 1, new Tuple[] {values}, "22012: division by zero");
        values.setLong(0, 8);
        o.offer(500, 2, new Tuple[] {values}, "22012: division by zero");
        for (int i = 0; i < 150; i++) {
            o.offer(1, 3, null, "XX000: error " + i);
        }
        assertThat(o.errors()).hasSize(Outliers.MAX_ERRORS);
        Outliers.Kept first = o.errors().get("22012: division by zero");
        assertThat(first.startEpochMillis()).isEqualTo(1);
        assertThat(first.values()[0].getLong(0)).isEqualTo(7);
        assertThat(first.values()[0].get(1)).isEqualTo("x");
        assertThat(o.errors().get("XX000: error 0").values()).isEmpty(); // binding failed: no values
        assertThat(o.slowest()).as("failures are not outliers").isEmpty();
    }
}
