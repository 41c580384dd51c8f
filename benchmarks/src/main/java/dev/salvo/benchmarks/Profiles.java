package dev.salvo.benchmarks;

import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The profiles the parameter benchmarks draw from: the committed snapshots of the demo tables ({@code orders},
 * {@code customers}: 1,000 sampled values per column, 12 most common categories), packed into the benchmarks jar from
 * {@code simulations/src/test/resources/salvo/profiles/} by the module's build, and an in-memory {@code events} table
 * for the column types the demo schema lacks (decimal, timestamp, timestamp with time zone).
 */
final class Profiles {
    private Profiles() {}

    /** @return orders, customers, events */
    static TableProfile[] all() {
        return new TableProfile[] {snapshot("orders"), snapshot("customers"), events()};
    }

    /** Loads a committed snapshot through {@link ProfileSnapshots#load(Path)}, as a simulation does. */
    static TableProfile snapshot(String table) {
        String resource = "/salvo/profiles/" + table + ".yaml";
        try (InputStream in = Profiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("benchmarks: the profile snapshot " + resource
                        + " must be on the class path, " + "but is not; build with mvn -pl benchmarks -am package");
            }
            Path file = Files.createTempFile("salvo-bench-" + table, ".yaml");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return ProfileSnapshots.load(file).profile();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decimal, a timestamp and a timestamptz column with 1,000 sampled values each, built in memory. */
    static TableProfile events() {
        SplittableRandom r = new SplittableRandom(42);
        List<Object> amounts = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        List<Object> instants = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < 1000; i++) {
            amounts.add(BigDecimal.valueOf(r.nextLong(1, 100_000), 2));
            times.add(start.plusSeconds(r.nextLong(0, 2L * 365 * 86_400)));
            instants.add(start.plusSeconds(r.nextLong(0, 2L * 365 * 86_400)).atOffset(ZoneOffset.UTC));
        }
        ColumnProfile amount = new ColumnProfile(
                "amount",
                ColumnType.DECIMAL,
                new BigDecimal("0.01"),
                new BigDecimal("999.99"),
                99_999,
                0,
                1_000_000,
                amounts,
                List.of(),
                List.of(),
                ProfileMode.SAMPLED);
        ColumnProfile createdAt = new ColumnProfile(
                "created_at",
                ColumnType.TIMESTAMP,
                start,
                start.plusDays(2 * 365),
                1_000_000,
                0,
                1_000_000,
                times,
                List.of(),
                List.of(),
                ProfileMode.SAMPLED);
        ColumnProfile createdAtTz = new ColumnProfile(
                "created_at_tz",
                ColumnType.TIMESTAMPTZ,
                start.atOffset(ZoneOffset.UTC),
                start.plusDays(2 * 365).atOffset(ZoneOffset.UTC),
                1_000_000,
                0,
                1_000_000,
                instants,
                List.of(),
                List.of(),
                ProfileMode.SAMPLED);
        return TableProfile.of("events", "postgresql", 1_000_000, List.of(amount, createdAt, createdAtTz));
    }
}
