package dev.salvo.runtime.internal;

import java.util.regex.Pattern;

/** The key a failed request's error is counted under in results: one cause, one row. */
final class ErrorKeys {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private ErrorKeys() {}

    /** @return the error key recorded for a failure: {@code SQLSTATE: message} with numbers as {@code #} */
    static String of(String error, String sqlState) {
        return (sqlState == null ? "" : sqlState + ": ") + normalize(stripState(error));
    }

    /**
     * Numbers in a message (ports, pool counters, durations) become {@code #}, so that one cause is one error row: the
     * pool's "timed out after 251ms (total=4, active=4, idle=0, waiting=3)" and "... 250ms ... waiting=2" are the same.
     */
    static String normalize(String message) {
        return DIGITS.matcher(message).replaceAll("#");
    }

    private static String stripState(String message) {
        int at = message.lastIndexOf(" (SQLSTATE ");
        return at < 0 ? message : message.substring(0, at);
    }
}
