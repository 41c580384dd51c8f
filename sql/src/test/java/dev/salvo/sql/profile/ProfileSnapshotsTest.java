package dev.salvo.sql.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSnapshotsTest {
    @TempDir
    Path dir;

    static TableProfile sample() {
        return TableProfile.of(
                "orders",
                "postgresql",
                1000,
                List.of(
                        new ColumnProfile(
                                "category",
                                ColumnType.TEXT,
                                "books",
                                "toys",
                                3,
                                0,
                                1000,
                                List.of("books", "toys", "yes"),
                                List.of(new ValueFrequency("books", 0.4412345678), new ValueFrequency("yes", 0.1)),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "order_date",
                                ColumnType.DATE,
                                LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 31),
                                366,
                                10,
                                1000,
                                List.of(LocalDate.of(2024, 2, 29)),
                                List.of(),
                                List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1)),
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
                                ProfileMode.SAMPLED),
                        new ColumnProfile(
                                "id",
                                ColumnType.INTEGER,
                                1L,
                                1000L,
                                1000,
                                0,
                                1000,
                                List.of(5L, 7L),
                                List.of(),
                                List.of(),
                                ProfileMode.EXACT),
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
                                ProfileMode.EXACT)));
    }

    @Test
    void roundTripsThroughAReadableFileWithAStableHash() throws Exception {
        ProfileSnapshot saved = ProfileSnapshots.save(sample(), ProfileSnapshots.file(dir, "orders"));
        assertThat(saved.file()).isEqualTo(dir.resolve("orders.yaml"));
        String text = Files.readString(saved.file());
        assertThat(text)
                .startsWith("# Salvo column profile snapshot (format 1)")
                .contains("format: 1\ntable: orders\n")
                .contains("  category:\n    type: text\n    mode: statistics\n    min: books\n")
                .contains("      - value: books\n        frequency: 0.441235\n")
                .contains("    min: '2024-01-01'\n")
                .contains("      - 'yes'\n");
        ProfileSnapshot loaded = ProfileSnapshots.load(saved.file());
        assertThat(loaded.refreshed()).isFalse();
        assertThat(loaded.sha256()).isEqualTo(saved.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(loaded.profile().column("order_date").sample()).containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(loaded.profile().column("amount").min()).isEqualTo(new BigDecimal("5.00"));
        assertThat(loaded.profile().column("id").sample()).containsExactly(5L, 7L);
        assertThat(loaded.profile().column("gone").min()).isNull();
        assertThat(loaded.profile().column("category").sample()).containsExactly("books", "toys", "yes");
        // comments added by a reviewer do not change the hash; a changed value does
        Files.writeString(saved.file(), "# reviewed\n" + text);
        assertThat(ProfileSnapshots.load(saved.file()).sha256()).isEqualTo(saved.sha256());
        Files.writeString(saved.file(), text.replace("distinctCount: 366", "distinctCount: 367"));
        assertThat(ProfileSnapshots.load(saved.file()).sha256()).isNotEqualTo(saved.sha256());
    }

    @Test
    void keepsTimestampsWithTimeZoneAsInstantsAtUtc() throws Exception {
        OffsetDateTime min = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime odd = OffsetDateTime.of(2024, 6, 1, 12, 30, 15, 250_000_000, ZoneOffset.UTC);
        TableProfile profile = TableProfile.of(
                "events",
                "postgresql",
                100,
                List.of(new ColumnProfile(
                        "at",
                        ColumnType.TIMESTAMPTZ,
                        min,
                        odd,
                        2,
                        0,
                        100,
                        List.of(odd, min),
                        List.of(new ValueFrequency(min, 0.5)),
                        List.of(min, odd),
                        ProfileMode.STATISTICS)));
        ProfileSnapshot saved = ProfileSnapshots.save(profile, ProfileSnapshots.file(dir, "events"));
        String text = Files.readString(saved.file());
        assertThat(text)
                .contains("    type: timestamptz\n")
                .contains("    min: '2024-01-01T00:00:00Z'\n")
                .contains("    max: '2024-06-01T12:30:15.25Z'\n");
        ProfileSnapshot loaded = ProfileSnapshots.load(saved.file());
        assertThat(loaded.profile()).isEqualTo(profile);
        assertThat(loaded.sha256()).isEqualTo(saved.sha256());
        // typed in by hand: quoted with another offset, or unquoted (YAML reads a timestamp, Salvo keeps its instant)
        Files.writeString(
                saved.file(),
                text.replace("min: '2024-01-01T00:00:00Z'", "min: '2024-01-01 02:00:00+02'")
                        .replace("max: '2024-06-01T12:30:15.25Z'", "max: 2024-06-01 14:30:15.25 +02:00"));
        assertThat(ProfileSnapshots.load(saved.file()).profile()).isEqualTo(profile);
    }

    @Test
    void reportsACorruptSnapshotInOneLineNamingTheFile() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "format: 1\ntable: [unclosed\n");
        assertThatThrownBy(() -> ProfileSnapshots.load(file))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith(
                        file + ": the profile snapshot must be valid Salvo profile YAML (format 1), but ")
                .hasMessageEndingWith("; fix it or delete it to re-profile")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(
                file,
                "format: 1\ntable: t\ndialect: postgresql\ntotalRows: 1\ncolumns:\n  c:\n    type: integer\n"
                        + "    mode: exact\n    min: abc\n");
        assertThatThrownBy(() -> ProfileSnapshots.load(file))
                .hasMessage(file
                        + ": the profile snapshot must be valid Salvo profile YAML (format 1), but a integer value must "
                        + "be in its standard text form, but was 'abc'; fix it or delete it to re-profile");
        Files.writeString(file, "format: 2\n");
        assertThatThrownBy(() -> ProfileSnapshots.load(file))
                .hasMessage(
                        file + ": the profile snapshot must be valid Salvo profile YAML (format 1), but format is 2 "
                                + "(expected 1); fix it or delete it to re-profile");
    }

    @Test
    void reusesASnapshotWithoutADatabase() {
        ProfileSnapshot saved = ProfileSnapshots.save(sample(), ProfileSnapshots.file(dir, "orders"));
        ProfileSnapshot reused = ProfileSnapshots.loadOrProfile(
                dir, "orders", List.of("category", "id"), false, new PostgresDialect(), null, ProfileOptions.DEFAULTS);
        assertThat(reused.refreshed()).isFalse();
        assertThat(reused.sha256()).isEqualTo(saved.sha256());
        assertThatThrownBy(() -> ProfileSnapshots.loadOrProfile(
                        dir, "orders", List.of("other"), false, new PostgresDialect(), null, ProfileOptions.DEFAULTS))
                .isInstanceOf(SalvoException.class)
                .hasMessage(dir.resolve("orders.yaml")
                        + ": a profile snapshot with columns [other, category, order_date, amount, "
                        + "id, gone] must exist when no database is available, but it lacks some (or a refresh was asked); run once "
                        + "against the database to create it");
        assertThatThrownBy(() -> ProfileSnapshots.file(dir, "../x"))
                .hasMessage(
                        "profile snapshot: the table name must be usable as a file name ([A-Za-z0-9_.$-]+), but was '../x'");
    }
}
