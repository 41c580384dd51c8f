package dev.salvo.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for Snowflake's HTTP endpoints on the loopback interface, so that the REAL snowflake-jdbc driver can log in
 * and run statements with no network: it records every query request the driver sends and answers each with one row.
 * The answers are CONSTRUCTED: the smallest JSON that snowflake-jdbc 4.0.1 accepts (found by trying), not Snowflake's
 * real responses. Use with the driver property {@code ssl=off} (plain HTTP).
 */
final class FakeSnowflakeEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = "{\"success\":true,\"code\":null,\"message\":null,\"data\":{\"token\":\"T\","
            + "\"masterToken\":\"M\",\"validityInSeconds\":3600,\"masterValidityInSeconds\":14400,\"sessionId\":1,"
            + "\"parameters\":[{\"name\":\"AUTOCOMMIT\",\"value\":true}],\"sessionInfo\":{\"databaseName\":\"DB\","
            + "\"schemaName\":\"S\",\"warehouseName\":\"WH\",\"roleName\":\"R\"},\"serverVersion\":\"9.0.0\"}}";
    private static final String ONE_ROW =
            "{\"success\":true,\"code\":null,\"message\":null,\"data\":{\"parameters\":[],"
                    + "\"rowtype\":[{\"name\":\"X\",\"type\":\"fixed\",\"nullable\":false,\"scale\":0,\"precision\":1,"
                    + "\"length\":null,\"byteLength\":null}],\"rowset\":[[\"1\"]],\"total\":1,\"returned\":1,\"queryId\":\"q1\","
                    + "\"queryResultFormat\":\"json\",\"statementTypeId\":4096,\"finalDatabaseName\":\"DB\","
                    + "\"finalSchemaName\":\"S\"}}";

    private final HttpServer server;
    private final List<JsonNode> queries = Collections.synchronizedList(new ArrayList<>());
    private final List<String> loadRange = Collections.synchronizedList(new ArrayList<>());

    FakeSnowflakeEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String answer = "{\"success\":true,\"data\":null}";
            if (path.equals("/session/v1/login-request")) {
                answer = LOGIN;
            } else if (path.equals("/queries/v1/query-request")) {
                JsonNode query = JSON.readTree(body);
                answer = answer(query);
                queries.add(query);
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    /**
     * Answers SHOW WAREHOUSES with one started X-Small warehouse, Salvo's history count and read with the statements it
     * received so far (their text and QUERY_TAG: the statement's own, else the session's last ALTER SESSION tag), and
     * everything else with one row.
     */
    private String answer(JsonNode query) {
        String sql = query.path("sqlText").asText();
        if (query.path("describeOnly").asBoolean()) {
            return ONE_ROW;
        }
        if (sql.startsWith("SHOW WAREHOUSES")) {
            return rows(
                    List.of(
                            "name",
                            "state",
                            "type",
                            "size",
                            "min_cluster_count",
                            "max_cluster_count",
                            "started_clusters",
                            "running",
                            "queued",
                            "auto_suspend"),
                    List.of(List.of("BENCH_WH", "STARTED", "STANDARD", "X-Small", "1", "1", "1", "2", "0", "60")));
        }
        if (sql.contains("WAREHOUSE_LOAD_HISTORY")) { // two 5-second intervals from the bound range start
            long from = query.path("bindings").path("1").path("value").asLong();
            loadRange.add(
                    from + "," + query.path("bindings").path("2").path("value").asText() + ","
                            + query.path("bindings").path("3").path("value").asText());
            return rows(
                    List.of(
                            "START_TIME",
                            "END_TIME",
                            "WAREHOUSE_ID",
                            "WAREHOUSE_NAME",
                            "AVG_RUNNING",
                            "AVG_QUEUED_LOAD",
                            "AVG_QUEUED_PROVISIONING",
                            "AVG_BLOCKED"),
                    List.of(
                            List.of(
                                    seconds(from),
                                    seconds(from + 5_000),
                                    "7",
                                    "BENCH_WH",
                                    "1.500000000",
                                    "0.000000000",
                                    "0.250000000",
                                    "0.000000000"),
                            List.of(
                                    seconds(from + 5_000),
                                    seconds(from + 10_000),
                                    "7",
                                    "BENCH_WH",
                                    "2.000000000",
                                    "0.500000000",
                                    "0.000000000",
                                    "0.000000000")));
        }
        if (sql.contains("QUERY_HISTORY_BY_USER")) {
            List<List<String>> history = new ArrayList<>();
            String sessionTag = null;
            for (JsonNode q : queries()) {
                String text = q.path("sqlText").asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("QUERY_TAG = '((?:[^'\\\\]|\\\\.)*)'")
                        .matcher(text);
                if (m.find()) {
                    sessionTag = m.group(1).replace("\\'", "'").replace("\\\\", "\\");
                }
                if (q.path("describeOnly").asBoolean() || text.contains("QUERY_HISTORY") || text.startsWith("SHOW ")) {
                    continue;
                }
                String tag = q.path("parameters").path("QUERY_TAG").isMissingNode()
                        ? sessionTag
                        : q.path("parameters").path("QUERY_TAG").asText();
                String runId = query.path("bindings").path("3").path("value").asText();
                if (tag != null && tag.contains("\"salvo\":\"" + runId + "\"")) {
                    history.add(List.of("q" + history.size(), text, tag, "SELECT", "SUCCESS", "7", "2", "4", "1024"));
                }
            }
            if (sql.startsWith("SELECT COUNT(*)")) {
                return rows(List.of("QUERIES"), List.of(List.of(String.valueOf(history.size()))));
            }
            return rows(
                    List.of(
                            "QUERY_ID",
                            "QUERY_TEXT",
                            "QUERY_TAG",
                            "QUERY_TYPE",
                            "EXECUTION_STATUS",
                            "TOTAL_ELAPSED_TIME",
                            "COMPILATION_TIME",
                            "EXECUTION_TIME",
                            "BYTES_SCANNED"),
                    history);
        }
        return ONE_ROW;
    }

    /** Epoch ms as snowflake-jdbc's JSON result format carries a TIMESTAMP_LTZ(9): seconds with nine decimals. */
    private static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).setScale(9).toPlainString();
    }

    /** @return the WAREHOUSE_LOAD_HISTORY reads received: bound start ms, end ms, warehouse name */
    List<String> loadRanges() {
        return List.copyOf(loadRange);
    }

    /**
     * A JSON result set: number-like columns are FIXED (AVG_* as NUMBER(38,9)), START_TIME/END_TIME TIMESTAMP_LTZ(9),
     * the others TEXT.
     */
    private static String rows(List<String> columns, List<List<String>> rows) {
        java.util.Set<String> numbers = java.util.Set.of(
                "min_cluster_count",
                "max_cluster_count",
                "started_clusters",
                "running",
                "queued",
                "auto_suspend",
                "QUERIES",
                "TOTAL_ELAPSED_TIME",
                "COMPILATION_TIME",
                "EXECUTION_TIME",
                "BYTES_SCANNED");
        com.fasterxml.jackson.databind.node.ObjectNode data = JSON.createObjectNode();
        data.putArray("parameters");
        com.fasterxml.jackson.databind.node.ArrayNode rowtype = data.putArray("rowtype");
        for (String c : columns) {
            boolean number = numbers.contains(c) || c.startsWith("AVG_") || c.equals("WAREHOUSE_ID");
            boolean time = c.equals("START_TIME") || c.equals("END_TIME");
            com.fasterxml.jackson.databind.node.ObjectNode t = rowtype.addObject()
                    .put("name", c)
                    .put("type", time ? "timestamp_ltz" : number ? "fixed" : "text")
                    .put("nullable", true);
            if (time) {
                t.put("scale", 9).put("precision", 0).putNull("length").putNull("byteLength");
            } else if (c.startsWith("AVG_")) {
                t.put("scale", 9).put("precision", 38).putNull("length").putNull("byteLength");
            } else if (number) {
                t.put("scale", 0).put("precision", 38).putNull("length").putNull("byteLength");
            } else {
                t.putNull("scale").putNull("precision").put("length", 16777216).put("byteLength", 16777216);
            }
        }
        com.fasterxml.jackson.databind.node.ArrayNode rowset = data.putArray("rowset");
        rows.forEach(r -> {
            com.fasterxml.jackson.databind.node.ArrayNode row = rowset.addArray();
            r.forEach(row::add);
        });
        data.put("total", rows.size())
                .put("returned", rows.size())
                .put("queryId", "q")
                .put("queryResultFormat", "json")
                .put("statementTypeId", 4096)
                .put("finalDatabaseName", "DB")
                .put("finalSchemaName", "S");
        com.fasterxml.jackson.databind.node.ObjectNode answer =
                JSON.createObjectNode().put("success", true);
        answer.putNull("code").putNull("message").set("data", data);
        return answer.toString();
    }

    /** @return the JDBC URL of this endpoint */
    String url() {
        return "jdbc:snowflake://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the query requests received so far (their JSON bodies), in order */
    List<JsonNode> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
