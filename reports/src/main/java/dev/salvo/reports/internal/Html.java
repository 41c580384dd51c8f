package dev.salvo.reports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Small HTML helpers: escaping, number formats, the page shell with inlined CSS and chart script. Internal. */
public final class Html {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {}

    /**
     * One chart: drawn by {@code charts.js} into the element with {@code id}.
     *
     * @param id element id
     * @param title shown above the chart
     * @param xLabel x axis
     * @param yLabel y axis
     * @param logY logarithmic y axis
     * @param categories x categories (then x values are indexes), or null for numeric x
     * @param series lines
     * @param stacked each series drawn as a filled area on top of the ones before it
     * @param bands shaded x intervals {@code [from, to]} behind the lines (outages), empty for none
     */
    public record Chart(
            String id,
            String title,
            String xLabel,
            String yLabel,
            boolean logY,
            List<String> categories,
            List<Series> series,
            boolean stacked,
            List<double[]> bands) {
        /** Normalizes absent bands. */
        public Chart {
            bands = bands == null ? List.of() : bands;
        }

        /**
         * A chart without bands.
         *
         * @param id element id
         * @param title shown above the chart
         * @param xLabel x axis
         * @param yLabel y axis
         * @param logY logarithmic y axis
         * @param categories x categories (then x values are indexes), or null for numeric x
         * @param series lines
         * @param stacked filled areas
         */
        public Chart(
                String id,
                String title,
                String xLabel,
                String yLabel,
                boolean logY,
                List<String> categories,
                List<Series> series,
                boolean stacked) {
            this(id, title, xLabel, yLabel, logY, categories, series, stacked, List.of());
        }

        /**
         * @param value shaded x intervals
         * @return this chart with them
         */
        public Chart withBands(List<double[]> value) {
            return new Chart(id, title, xLabel, yLabel, logY, categories, series, stacked, value);
        }

        /**
         * A line chart.
         *
         * @param id element id
         * @param title shown above the chart
         * @param xLabel x axis
         * @param yLabel y axis
         * @param logY logarithmic y axis
         * @param categories x categories (then x values are indexes), or null for numeric x
         * @param series lines
         */
        public Chart(
                String id,
                String title,
                String xLabel,
                String yLabel,
                boolean logY,
                List<String> categories,
                List<Series> series) {
            this(id, title, xLabel, yLabel, logY, categories, series, false, List.of());
        }
    }

    /**
     * @param name legend
     * @param points {@code [x, y]} pairs
     * @param dashed dashed line
     * @param color CSS color or null for the palette
     */
    public record Series(String name, List<double[]> points, boolean dashed, String color) {}

    /**
     * @param text plain text
     * @return it, escaped for HTML text and attribute values
     */
    public static String esc(Object text) {
        if (text == null) {
            return "";
        }
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param v a number
     * @param decimals fraction digits
     * @return it formatted with grouping, e.g. {@code 12,345.6}
     */
    public static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /**
     * @param micros a duration in µs
     * @return it in ms with 3 decimals
     */
    public static String ms(double micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1000);
    }

    /**
     * @param title the page title
     * @param charts the charts the body's placeholders get
     * @param body the body's HTML
     * @return a standalone page: CSS and script inline, no external resource
     */
    public static String page(String title, List<Chart> charts, String body) {
        String data;
        try {
            data = JSON.writeValueAsString(charts).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + resource("report.css")
                + "</style>\n</head>\n<body>\n"
                + "<pre id=\"salvo-errors\" hidden></pre>\n" + body
                + "\n<footer>Written by Salvo. Standalone page: no network access needed.</footer>\n"
                + "<script type=\"application/json\" id=\"salvo-charts\">" + data + "</script>\n"
                + "<script>\n" + resource("charts.js") + "</script>\n</body>\n</html>\n";
    }

    /**
     * @param chart a chart
     * @return its placeholder
     */
    public static String placeholder(Chart chart) {
        return "<div class=\"chart\"><h3>" + esc(chart.title()) + "</h3><div id=\"" + esc(chart.id())
                + "\"></div></div>";
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "reports: resource " + name + " must be on the class path, but is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
