package dev.salvo.seed.internal;

import java.util.Locale;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;
import net.datafaker.service.RandomService;

/** Datafaker expressions, each writer with its own {@link Faker} drawing from a per-cell {@link CellRandom}. */
final class Fakers {
    private Fakers() {}

    static ValueSource compile(Cell cell, String expression) {
        if (expression == null || expression.isBlank()) {
            throw cell.error("faker expression", "non-empty, e.g. #{Name.firstName}", "'" + expression + "'");
        }
        try {
            String probe = newFaker(new CellRandom()).expression(expression);
            if (probe == null) {
                throw new IllegalArgumentException("it produced nothing");
            }
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw cell.error(
                    "faker expression",
                    "a Datafaker expression such as #{Name.firstName} or #{regexify '[a-z]{5}'}",
                    "'" + expression + "' (" + why + ")");
        }
        return Sources.random(cell.stream(), cell.seed(), "text", rnd -> {
            Faker faker = newFaker(rnd);
            return (row, out) -> out.text(faker.expression(expression));
        });
    }

    private static Faker newFaker(CellRandom rnd) {
        RandomGenerator source = rnd::nextLong;
        return new Faker(Locale.ENGLISH, new RandomService(source));
    }
}
