package dev.salvo.sql.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    private static final OffsetDateTime TEN_UTC = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void tellsTimestampsWithTimeZoneByJdbcCodeOrTypeName() {
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 6, "timestamptz")).isEqualTo(ColumnType.TIMESTAMPTZ); // pgjdbc
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 6, "timestamp")).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 9, "TIMESTAMPTZ"))
                .isEqualTo(ColumnType.TIMESTAMPTZ); // Snowflake
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 9, "TIMESTAMPLTZ")).isEqualTo(ColumnType.TIMESTAMPTZ);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 9, "TIMESTAMP_TZ")).isEqualTo(ColumnType.TIMESTAMPTZ);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 9, "TIMESTAMPNTZ")).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 6, "timestamp with time zone"))
                .isEqualTo(ColumnType.TIMESTAMPTZ);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP_WITH_TIMEZONE, 0, null)).isEqualTo(ColumnType.TIMESTAMPTZ);
        assertThat(ColumnType.fromJdbc(Types.TIMESTAMP, 0, null)).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(ColumnType.TIMESTAMPTZ.isRange()).isTrue();
        assertThat(ColumnType.TIMESTAMPTZ.isTemporal()).isTrue();
        assertThat(ColumnType.TIMESTAMPTZ.javaType()).isEqualTo(OffsetDateTime.class);
        assertThat(ColumnType.named("TimestampTZ")).isEqualTo(ColumnType.TIMESTAMPTZ);
    }

    @Test
    void parsesTimestampsWithTimeZoneInEveryTextFormToTheSameInstantAtUtc() {
        for (String text : new String[] {
            "2024-01-01 10:00:00+00",
            "2024-01-01 15:30:00+05:30",
            "2024-01-01 06:30:00-03:30",
            "2024-01-01 02:00:00-08",
            "2024-01-01 10:53:28+00:53:28",
            "2024-01-01T10:00Z",
            "2024-01-01T10:00:00Z",
            "2024-01-01 02:00:00.000 -0800",
            " 2024-01-01 10:00:00 ",
            "2024-01-01T11:00+01:00"
        }) {
            Object v = ColumnType.TIMESTAMPTZ.parse(text);
            assertThat(v).as(text).isEqualTo(TEN_UTC);
            assertThat(((OffsetDateTime) v).getOffset()).isEqualTo(ZoneOffset.UTC);
        }
        assertThat(ColumnType.TIMESTAMPTZ.parse("1969-12-31 23:59:59.123456+00"))
                .isEqualTo(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_000, ZoneOffset.UTC));
        assertThatThrownBy(() -> ColumnType.TIMESTAMPTZ.parse("2024-01-01 10:00:00+25"))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "value: a timestamptz value must be in its standard text form, but was '2024-01-01 10:00:00+25'");
        assertThatThrownBy(() -> ColumnType.TIMESTAMPTZ.parse("yesterday"))
                .hasMessage("value: a timestamptz value must be in its standard text form, but was 'yesterday'");
    }

    @Test
    void convertsJdbcInstantsAndFormatsCanonically() {
        Instant instant = TEN_UTC.toInstant();
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue(Timestamp.from(instant)))
                .isEqualTo(TEN_UTC);
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue(TEN_UTC.withOffsetSameInstant(ZoneOffset.ofHours(2))))
                .isEqualTo(TEN_UTC);
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue(instant.atZone(ZoneId.of("America/New_York"))))
                .isEqualTo(TEN_UTC);
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue(instant)).isEqualTo(TEN_UTC);
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue("2024-01-01 11:00:00+01"))
                .isEqualTo(TEN_UTC);
        assertThat(ColumnType.TIMESTAMPTZ.fromJdbcValue(null)).isNull();
        assertThat(ColumnType.TIMESTAMPTZ.format(TEN_UTC.withOffsetSameInstant(ZoneOffset.ofHours(-5))))
                .isEqualTo("2024-01-01T10:00:00Z");
        OffsetDateTime micros = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000, ZoneOffset.UTC);
        assertThat(ColumnType.TIMESTAMPTZ.parse(ColumnType.TIMESTAMPTZ.format(micros)))
                .isEqualTo(micros);
        assertThat(ColumnType.TIMESTAMP.parse("2024-01-01 10:00:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    }
}
