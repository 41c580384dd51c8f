package dev.salvo.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps in default output directory names, as Gatling and Salvo's runs name theirs. */
final class Stamps {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private Stamps() {}

    static String format(Instant instant) {
        return STAMP.format(instant);
    }
}
