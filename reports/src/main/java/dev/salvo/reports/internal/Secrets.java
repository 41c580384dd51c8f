package dev.salvo.reports.internal;

import java.util.regex.Pattern;

/** Keeps secrets out of results: the masking of recorded settings. Internal. */
public final class Secrets {
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|apikey" + "|api_key|private).*");
    private static final Pattern SECRET_IN_VALUE = Pattern.compile("(?i)((?:password|passwd|secret|token)=)[^&;\\s]*");

    private Secrets() {}

    /**
     * @param key a setting's name
     * @param text its value
     * @return {@code ***} when the key looks secret (password, token, ...), else the value with {@code password=...}
     *     and the like masked
     */
    public static String mask(String key, String text) {
        return SECRET_KEY.matcher(key).matches()
                ? "***"
                : SECRET_IN_VALUE.matcher(text).replaceAll("$1***");
    }
}
