package dev.salvo.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.seed.Gen;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SourcesTest {
    static final int N = 20_000;

    static List<String> values(Gen gen, boolean unique, long rows) {
        ValueSource.Writer w = Sources.compile(gen, new Cell(9, "t", "c", rows, "table 't' column 'c'"), unique)
                .newWriter();
        List<String> out = new ArrayList<>();
        TextOut buf = new TextOut(64);
        for (long r = 0; r < rows; r++) {
            buf.clear();
            w.write(r, buf);
            out.add(TextOutTest.text(buf));
        }
        return out;
    }

    static double mean(List<String> values) {
        return values.stream().mapToDouble(Double::parseDouble).average().orElseThrow();
    }

    @Test
    void sameRowSameValueWhateverTheWriterOrOrder() {
        Gen gen = Gen.normal(100, 15, 0, 200, 2);
        ValueSource s = Sources.compile(gen, new Cell(1, "t", "c", 10, "x"), false);
        TextOut a = new TextOut(16);
        TextOut b = new TextOut(16);
        ValueSource.Writer w1 = s.newWriter();
        ValueSource.Writer w2 = s.newWriter();
        w2.write(8, new TextOut(16));
        w1.write(7, a);
        w2.write(7, b);
        assertThat(TextOutTest.text(a)).isEqualTo(TextOutTest.text(b));
    }

    @Test
    void distributionsHaveTheirMeansAndStayInTheirBounds() {
        List<String> normal = values(Gen.normal(100, 15, 70, 130, 1), false, N);
        assertThat(mean(normal)).isCloseTo(100, within(1.0));
        assertThat(normal).allMatch(v -> Double.parseDouble(v) >= 70 && Double.parseDouble(v) <= 130);
        assertThat(mean(values(new Gen.Exponential(5, 0, 1e9, 3), false, N))).isCloseTo(5, within(0.3));
        assertThat(mean(values(new Gen.Beta(2, 6, 0, 1, 4), false, N))).isCloseTo(0.25, within(0.01));
        assertThat(mean(values(new Gen.Poisson(4, 0, 1000), false, N))).isCloseTo(4, within(0.1));
        List<String> lognormal = values(new Gen.LogNormal(1, 0.5, 0, 1e9, 3), false, N);
        assertThat(mean(lognormal)).isCloseTo(Math.exp(1 + 0.125), within(0.1));
        List<String> zipf = values(Gen.zipf(1, 100, 1.2), false, N);
        long ones = zipf.stream().filter("1"::equals).count();
        long twos = zipf.stream().filter("2"::equals).count();
        assertThat((double) ones / twos).isCloseTo(Math.pow(2, 1.2), within(0.25));
    }

    @Test
    void weightedChoiceFollowsItsWeights() {
        List<String> v = values(Gen.weighted(List.of("a", "b", "c"), List.of(6.0, 3.0, 1.0)), false, N);
        Map<String, Long> counts = new TreeMap<>();
        v.forEach(x -> counts.merge(x, 1L, Long::sum));
        assertThat(counts.get("a") / (double) N).isCloseTo(0.6, within(0.015));
        assertThat(counts.get("c") / (double) N).isCloseTo(0.1, within(0.01));
    }

    @Test
    void uniqueRangesAreDrawnWithoutRepetition() {
        assertThat(new HashSet<>(values(Gen.uniform(1, 1000), true, 1000))).hasSize(1000);
        assertThat(new HashSet<>(values(Gen.dates(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)), true, 1000)))
                .hasSize(1000);
        assertThat(new HashSet<>(values(new Gen.Letters(3, 6), true, 5000))).hasSize(5000);
    }

    @Test
    void textGeneratorsMatchTheirShape() {
        assertThat(values(Gen.faker("#{regexify '[A-Z]{3}-[0-9]{4}'}"), false, 50))
                .allMatch(v -> v.matches("[A-Z]{3}-[0-9]{4}"));
        assertThat(values(Gen.uuid(), false, 50))
                .allMatch(v -> v.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(values(new Gen.Letters(2, 5), false, 200)).allMatch(v -> v.matches("[a-z]{2,5}"));
        assertThat(values(Gen.decimal("0.99", "9.99", 2), false, 200)).allMatch(v -> v.matches("[0-9]\\.[0-9]{2}"));
    }
}
