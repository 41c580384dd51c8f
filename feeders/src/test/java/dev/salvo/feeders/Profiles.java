package dev.salvo.feeders;

import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.profile.ValueFrequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small hand-made profile of an orders-like table for tests. */
final class Profiles {
    private Profiles() {}

    static TableProfile orders() {
        List<Object> ids = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            ids.add(i * 37 % 1000 + 1);
        }
        return TableProfile.of(
                "orders",
                "postgresql",
                1000,
                List.of(
                        new ColumnProfile(
                                "order_id",
                                ColumnType.INTEGER,
                                1L,
                                1000L,
                                1000,
                                0,
                                1000,
                                ids,
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "category",
                                ColumnType.TEXT,
                                "books",
                                "toys",
                                4,
                                0,
                                1000,
                                List.of("books", "books", "toys", "garden", "music", "books"),
                                List.of(
                                        new ValueFrequency("books", 0.5),
                                        new ValueFrequency("toys", 0.3),
                                        new ValueFrequency("garden", 0.1)),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "order_date",
                                ColumnType.DATE,
                                LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 31),
                                366,
                                0,
                                1000,
                                List.of(LocalDate.of(2024, 3, 1)),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "amount",
                                ColumnType.DECIMAL,
                                new BigDecimal("5.00"),
                                new BigDecimal("999.99"),
                                900,
                                0,
                                1000,
                                List.of(new BigDecimal("10.10")),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "gone",
                                ColumnType.TEXT,
                                null,
                                null,
                                0,
                                1000,
                                1000,
                                List.of(),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS)));
    }

    /** Timestamps with and without time zone (sampled values with micro- and nanoseconds), floats, wide decimals. */
    static TableProfile events() {
        OffsetDateTime t0 = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<Object> instants = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            instants.add(t0.plusSeconds(i * 3_601L).plusNanos(i * 1_000L));
            times.add(t0.toLocalDateTime()
                    .plusSeconds(i * 86_399L)
                    .plusNanos(i % 3 == 0 ? 0 : i % 3 == 1 ? 123_456_000L : 123_456_789L));
        }
        return TableProfile.of(
                "events",
                "postgresql",
                1000,
                List.of(
                        new ColumnProfile(
                                "at",
                                ColumnType.TIMESTAMPTZ,
                                t0,
                                t0.plusDays(30),
                                1000,
                                0,
                                1000,
                                instants,
                                List.of(
                                        new ValueFrequency(t0.plusHours(5), 0.4),
                                        new ValueFrequency(t0.plusHours(6), 0.2)),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "local_at",
                                ColumnType.TIMESTAMP,
                                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000),
                                LocalDateTime.of(2024, 3, 1, 12, 0),
                                1000,
                                0,
                                1000,
                                times,
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "ratio",
                                ColumnType.FLOAT,
                                -1.5,
                                2.5,
                                1000,
                                0,
                                1000,
                                List.of(0.25, 1.75),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "price",
                                ColumnType.DECIMAL,
                                new BigDecimal("-10.5"),
                                new BigDecimal("20.125"),
                                1000,
                                0,
                                1000,
                                List.of(new BigDecimal("1.5"), new BigDecimal("-2.25")),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "huge",
                                ColumnType.DECIMAL,
                                new BigDecimal("9223372036854775000"),
                                new BigDecimal("9223372036854775807"),
                                1000,
                                0,
                                1000,
                                List.of(new BigDecimal("9223372036854775800")),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "day",
                                ColumnType.DATE,
                                LocalDate.of(1969, 12, 1),
                                LocalDate.of(1970, 2, 1),
                                63,
                                0,
                                1000,
                                List.of(LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1)),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS)));
    }
}
