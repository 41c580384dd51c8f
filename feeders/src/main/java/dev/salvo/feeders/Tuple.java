package dev.salvo.feeders;

import dev.salvo.feeders.internal.Values;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One reusable tuple of parameter values, filled by {@link ParameterGenerator#next(Tuple)} without allocating for
 * scalar values. Each slot holds either a primitive (a {@code long} of bits and its {@link Kind}) or a reference
 * (stored values drawn as they are: sampled values, choices, pool values, lists).
 *
 * <p>{@link #get(int)} boxes on demand and returns the same Java types as {@link ParameterGenerator#next(Object[])}:
 * {@code Long}, {@code Double}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}
 * (UTC) or the stored object. The primitive accessors ({@link #kind(int)}, {@link #getLong(int)},
 * {@link #getDouble(int)}, {@link #scale(int)}) read a slot without allocating; {@link #hash(int)} equals
 * {@code Objects.hashCode(get(i))} without boxing, so {@link VarietyCounter#record(Tuple)} is allocation-free.
 *
 * <p>Not thread-safe: one tuple per thread (or per request), reused draw after draw. Create it with
 * {@link ParameterGenerator#newTuple()}.
 */
public final class Tuple {
    /** What a slot holds, and what {@link #getLong(int)} means for it. */
    public enum Kind {
        /** An object ({@link #get(int)} returns it as stored; may be null). */
        REFERENCE,
        /** A {@code long}: {@link #getLong(int)}; boxed as {@code Long}. */
        LONG,
        /** A {@code double}: {@link #getDouble(int)}; boxed as {@code Double}. */
        DOUBLE,
        /** A decimal: {@link #getLong(int)} is the unscaled value, {@link #scale(int)} its scale; boxed as {@code BigDecimal}. */
        DECIMAL,
        /** A date: {@link #getLong(int)} is the epoch day; boxed as {@code LocalDate}. */
        DATE,
        /** A timestamp without time zone: {@link #getLong(int)} is microseconds since 1970-01-01T00:00 (read as UTC);
         * boxed as {@code LocalDateTime}. */
        TIMESTAMP,
        /** A timestamp with time zone: {@link #getLong(int)} is microseconds since the epoch (an instant); boxed as
         * {@code OffsetDateTime} at UTC. */
        TIMESTAMPTZ
    }

    private static final Kind[] KINDS = Kind.values();
    private static final byte REFERENCE = 0;

    private final byte[] kinds; // Kind ordinals: no reference stores, so no GC barriers, for primitive slots
    private final long[] bits;
    private final int[] scales;
    private final Object[] refs;

    /** @param size the number of slots ({@link ParameterGenerator#newTuple()} uses its parameter count) */
    public Tuple(int size) {
        kinds = new byte[size];
        bits = new long[size];
        scales = new int[size];
        refs = new Object[size];
    }

    /** @return the number of slots */
    public int size() {
        return kinds.length;
    }

    /** @param i a slot @return what it holds */
    public Kind kind(int i) {
        return KINDS[kinds[i]];
    }

    /** @param i a slot @return true when it holds a reference ({@link Kind#REFERENCE}), not a primitive */
    public boolean isReference(int i) {
        return kinds[i] == REFERENCE;
    }

    /**
     * @param i a slot holding a primitive
     * @return its {@code long} bits: the value of a LONG, the unscaled value of a DECIMAL, the epoch day of a DATE, epoch
     *     microseconds of a TIMESTAMP or TIMESTAMPTZ, the raw bits of a DOUBLE
     */
    public long getLong(int i) {
        return bits[i];
    }

    /** @param i a DOUBLE slot @return its value */
    public double getDouble(int i) {
        return Double.longBitsToDouble(bits[i]);
    }

    /** @param i a DECIMAL slot @return its scale */
    public int scale(int i) {
        return scales[i];
    }

    /** @param i a REFERENCE slot @return the object stored, without boxing anything */
    public Object getReference(int i) {
        return refs[i];
    }

    /**
     * @param i a slot
     * @return its value as an object: the stored reference, or the primitive boxed (a new object for most values)
     */
    public Object get(int i) {
        long b = bits[i];
        return switch (KINDS[kinds[i]]) {
            case REFERENCE -> refs[i];
            case LONG -> b;
            case DOUBLE -> Double.longBitsToDouble(b);
            case DECIMAL -> BigDecimal.valueOf(b, scales[i]);
            case DATE -> Values.date(b);
            case TIMESTAMP -> Values.timestamp(b);
            case TIMESTAMPTZ -> Values.timestampTz(b);
        };
    }

    /**
     * @param i a slot
     * @return {@code Objects.hashCode(get(i))}, computed without boxing
     */
    public int hash(int i) {
        long b = bits[i];
        return switch (KINDS[kinds[i]]) {
            case REFERENCE -> Objects.hashCode(refs[i]);
            case LONG -> Long.hashCode(b);
            case DOUBLE -> Double.hashCode(Double.longBitsToDouble(b));
            case DECIMAL -> Values.decimalHash(b, scales[i]);
            case DATE -> Values.dateHash(b);
            case TIMESTAMP, TIMESTAMPTZ -> Values.timestampHash(b); // a UTC offset's hash is 0
        };
    }

    /**
     * Boxes every slot into {@code out}, as {@link ParameterGenerator#next(Object[])} returns them.
     *
     * @param out an array of at least {@link #size()} elements
     */
    public void copyInto(Object[] out) {
        for (int i = 0; i < kinds.length; i++) {
            out[i] = kinds[i] == REFERENCE ? refs[i] : get(i);
        }
    }

    /**
     * Copies one slot, primitive or reference, into a slot of another tuple, without allocating.
     *
     * @param from a slot of this tuple
     * @param target the tuple to write
     * @param to a slot of {@code target}
     */
    public void copyTo(int from, Tuple target, int to) {
        target.kinds[to] = kinds[from];
        target.bits[to] = bits[from];
        target.scales[to] = scales[from];
        target.refs[to] = refs[from];
    }

    /** @param i a slot @param value an object, stored as it is */
    public void set(int i, Object value) {
        kinds[i] = REFERENCE;
        refs[i] = value;
    }

    /** @param i a slot @param value a {@code long} (boxed as {@code Long}) */
    public void setLong(int i, long value) {
        kinds[i] = (byte) Kind.LONG.ordinal();
        bits[i] = value;
    }

    /** @param i a slot @param value a {@code double} (boxed as {@code Double}) */
    public void setDouble(int i, double value) {
        kinds[i] = (byte) Kind.DOUBLE.ordinal();
        bits[i] = Double.doubleToRawLongBits(value);
    }

    /** @param i a slot @param unscaled the unscaled value @param scale its scale (boxed as {@code BigDecimal}) */
    public void setDecimal(int i, long unscaled, int scale) {
        kinds[i] = (byte) Kind.DECIMAL.ordinal();
        bits[i] = unscaled;
        scales[i] = scale;
    }

    /** @param i a slot @param epochDay days since 1970-01-01 (boxed as {@code LocalDate}) */
    public void setDate(int i, long epochDay) {
        kinds[i] = (byte) Kind.DATE.ordinal();
        bits[i] = epochDay;
    }

    /** @param i a slot @param epochMicros microseconds since 1970-01-01T00:00 (boxed as {@code LocalDateTime}) */
    public void setTimestamp(int i, long epochMicros) {
        kinds[i] = (byte) Kind.TIMESTAMP.ordinal();
        bits[i] = epochMicros;
    }

    /** @param i a slot @param epochMicros microseconds since the epoch (boxed as {@code OffsetDateTime} at UTC) */
    public void setTimestampTz(int i, long epochMicros) {
        kinds[i] = (byte) Kind.TIMESTAMPTZ.ordinal();
        bits[i] = epochMicros;
    }

    /** @return the values, boxed, for debugging */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < kinds.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(get(i));
        }
        return sb.append(']').toString();
    }
}
