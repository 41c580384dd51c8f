package dev.salvo.feeders;

import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.profile.ValueFrequency;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    return TableProfile.of("orders", "postgresql", 1000, List.of(
        new ColumnProfile("order_id", ColumnType.INTEGER, 1L, 1000L, 1000, 0, 1000, ids, List.of(), List.of(),
            ProfileMode.STATISTICS),
        new ColumnProfile("category", ColumnType.TEXT, "books", "toys", 4, 0, 1000,
            List.of("books", "books", "toys", "garden", "music", "books"),
            List.of(new ValueFrequency("books", 0.5), new ValueFrequency("toys", 0.3), new ValueFrequency("garden", 0.1)),
            List.of(), ProfileMode.STATISTICS),
        new ColumnProfile("order_date", ColumnType.DATE, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 366, 0,
            1000, List.of(LocalDate.of(2024, 3, 1)), List.of(), List.of(), ProfileMode.STATISTICS),
        new ColumnProfile("amount", ColumnType.DECIMAL, new BigDecimal("5.00"), new BigDecimal("999.99"), 900, 0, 1000,
            List.of(new BigDecimal("10.10")), List.of(), List.of(), ProfileMode.STATISTICS),
        new ColumnProfile("gone", ColumnType.TEXT, null, null, 0, 1000, 1000, List.of(), List.of(), List.of(),
            ProfileMode.STATISTICS)));
  }
}
