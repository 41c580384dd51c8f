package dev.salvo.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextOutTest {
    static String text(TextOut out) {
        return new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8);
    }

    @Test
    void writesNumbersFixedPointAndNullsInCopyTextForm() {
        TextOut out = new TextOut(4);
        out.number(0);
        out.tab();
        out.number(-1234567890123L);
        out.tab();
        out.number(Long.MIN_VALUE);
        out.tab();
        out.fixed(12345, 2);
        out.tab();
        out.fixed(-5, 3);
        out.tab();
        out.nul();
        out.newline();
        assertThat(text(out)).isEqualTo("0\t-1234567890123\t-9223372036854775808\t123.45\t-0.005\t\\N\n");
    }

    @Test
    void escapesBackslashTabNewlineAndCarriageReturnAndEncodesUtf8() {
        TextOut out = new TextOut(1);
        out.text("a\\b\tc\nd\re é 😀");
        assertThat(text(out)).isEqualTo("a\\\\b\\tc\\nd\\re é 😀");
        out.clear();
        assertThat(out.length()).isZero();
    }
}
