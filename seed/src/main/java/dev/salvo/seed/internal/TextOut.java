package dev.salvo.seed.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer holding rows in PostgreSQL's COPY text format: fields separated by tab, rows ended by newline,
 * NULL as {@code \N}, backslash, tab, newline and carriage return escaped.
 */
public final class TextOut {
    private static final byte[] DIGIT_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;

    /** @param capacity the initial capacity in bytes */
    public TextOut(int capacity) {
        buf = new byte[capacity];
    }

    /** @return the buffer (valid up to {@link #length()}) */
    public byte[] bytes() {
        return buf;
    }

    /** @return the bytes written since the last {@link #clear()} */
    public int length() {
        return len;
    }

    /** Empties the buffer. */
    public void clear() {
        len = 0;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** @param b an ASCII byte */
    public void ascii(char b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    /** Writes the field separator. */
    public void tab() {
        ascii('\t');
    }

    /** Ends the row. */
    public void newline() {
        ascii('\n');
    }

    /** Writes NULL. */
    public void nul() {
        ensure(2);
        buf[len++] = '\\';
        buf[len++] = 'N';
    }

    /** @param v a whole number in decimal */
    public void number(long v) {
        if (v == Long.MIN_VALUE) {
            ensure(DIGIT_MIN.length);
            System.arraycopy(DIGIT_MIN, 0, buf, len, DIGIT_MIN.length);
            len += DIGIT_MIN.length;
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len = end;
    }

    /**
     * Writes a fixed-point number: {@code unscaled / 10^scale} with exactly {@code scale} decimals.
     *
     * @param unscaled the value times 10^scale
     * @param scale digits after the point, 0 for a whole number
     */
    public void fixed(long unscaled, int scale) {
        if (scale == 0) {
            number(unscaled);
            return;
        }
        if (unscaled < 0) {
            ascii('-');
            unscaled = -unscaled;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        number(unscaled / pow);
        ascii('.');
        long frac = unscaled % pow;
        for (long p = pow / 10; p > 0; p /= 10) {
            ascii((char) ('0' + (frac / p) % 10));
        }
    }

    /** @param s text written as is (the caller knows it needs no escaping, e.g. numbers, dates) */
    public void raw(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** @param s any text: encoded as UTF-8 with COPY's escapes */
    public void text(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        buf[len++] = '\\';
                        buf[len++] = '\\';
                    }
                    case '\t' -> {
                        buf[len++] = '\\';
                        buf[len++] = 't';
                    }
                    case '\n' -> {
                        buf[len++] = '\\';
                        buf[len++] = 'n';
                    }
                    case '\r' -> {
                        buf[len++] = '\\';
                        buf[len++] = 'r';
                    }
                    default -> buf[len++] = (byte) c;
                }
            } else {
                byte[] b = String.valueOf(
                                Character.isHighSurrogate(c) && i + 1 < n
                                        ? new String(new char[] {c, s.charAt(++i)})
                                        : String.valueOf(c))
                        .getBytes(StandardCharsets.UTF_8);
                ensure(b.length + (n - i) * 3);
                System.arraycopy(b, 0, buf, len, b.length);
                len += b.length;
            }
        }
    }
}
