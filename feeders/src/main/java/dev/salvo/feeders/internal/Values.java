package dev.salvo.feeders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between the primitive slot encodings of {@link dev.salvo.feeders.Tuple} and Java objects, and the
 * objects' {@code hashCode()} computed from the encodings without creating the objects. The hash formulas are those of
 * {@link LocalDate#hashCode()}, {@link LocalDateTime#hashCode()} and {@link BigDecimal#hashCode()} (unchanged since
 * Java 8; {@code TupleTest} checks them against the running JDK).
 */
public final class Values {
    /** Microseconds per second. */
    public static final long MICROS = 1_000_000L;

    private static final long MICROS_PER_DAY = 86_400L * MICROS;
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final long DAYS_PER_CYCLE = 146_097L;

    private Values() {}

    /** @param epochDay days since 1970-01-01 @return the date */
    public static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    /** @param epochMicros microseconds since 1970-01-01T00:00 @return the timestamp */
    public static LocalDateTime timestamp(long epochMicros) {
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(epochMicros, MICROS), (int) Math.floorMod(epochMicros, MICROS) * 1000, ZoneOffset.UTC);
    }

    /** @param epochMicros microseconds since the epoch @return the instant at offset UTC */
    public static OffsetDateTime timestampTz(long epochMicros) {
        return OffsetDateTime.of(timestamp(epochMicros), ZoneOffset.UTC);
    }

    /**
     * @param t a timestamp
     * @return its microseconds since 1970-01-01T00:00 (as UTC), or {@link Long#MIN_VALUE} when it has sub-microsecond
     *     digits or falls outside the range a long of microseconds covers (about 290,000 years around 1970)
     */
    public static long micros(LocalDateTime t) {
        return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    }

    /** @param t a timestamp with offset @return its epoch microseconds, or {@link Long#MIN_VALUE} as {@link #micros(LocalDateTime)} */
    public static long micros(OffsetDateTime t) {
        return micros(t.toEpochSecond(), t.getNano());
    }

    /** @param epochSeconds seconds @return the same in microseconds, or {@link Long#MIN_VALUE} when out of range */
    public static long secondsToMicros(long epochSeconds) {
        return micros(epochSeconds, 0);
    }

    private static long micros(long seconds, int nanos) {
        if (nanos % 1000 != 0 || seconds > Long.MAX_VALUE / MICROS - 1 || seconds < Long.MIN_VALUE / MICROS + 1) {
            return Long.MIN_VALUE;
        }
        return seconds * MICROS + nanos / 1000;
    }

    /** @param epochDay days since 1970-01-01 @return {@code LocalDate.ofEpochDay(epochDay).hashCode()} */
    public static int dateHash(long epochDay) {
        // LocalDate.ofEpochDay's civil-from-days computation, without the object
        long zeroDay = epochDay + DAYS_0000_TO_1970 - 60; // from 0000-03-01: the leap day ends each 4-year cycle
        long adjust = 0;
        if (zeroDay < 0) {
            long adjustCycles = (zeroDay + 1) / DAYS_PER_CYCLE - 1;
            adjust = adjustCycles * 400;
            zeroDay += -adjustCycles * DAYS_PER_CYCLE;
        }
        long yearEst = (400 * zeroDay + 591) / DAYS_PER_CYCLE;
        long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        if (doyEst < 0) {
            yearEst--;
            doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        }
        yearEst += adjust;
        int marchDoy0 = (int) doyEst;
        int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
        int month = (marchMonth0 + 2) % 12 + 1;
        int day = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
        int year = (int) (yearEst + marchMonth0 / 10);
        return (year & 0xFFFFF800) ^ ((year << 11) + (month << 6) + day);
    }

    /**
     * @param epochMicros microseconds since 1970-01-01T00:00
     * @return the hash of {@link #timestamp} (and of {@link #timestampTz}: a UTC offset hashes to 0)
     */
    public static int timestampHash(long epochMicros) {
        long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long nanoOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY) * 1000;
        return dateHash(day) ^ Long.hashCode(nanoOfDay);
    }

    /** @param unscaled an unscaled value @param scale its scale @return {@code BigDecimal.valueOf(unscaled, scale).hashCode()} */
    public static int decimalHash(long unscaled, int scale) {
        if (unscaled == Long.MIN_VALUE) { // not a compact BigDecimal
            return BigDecimal.valueOf(unscaled, scale).hashCode();
        }
        long abs = unscaled < 0 ? -unscaled : unscaled;
        int temp = (int) (((int) (abs >>> 32)) * 31 + (abs & 0xFFFFFFFFL));
        return 31 * (unscaled < 0 ? -temp : temp) + scale;
    }
}
