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
  private static final String ONE_ROW = "{\"success\":true,\"code\":null,\"message\":null,\"data\":{\"parameters\":[],"
      + "\"rowtype\":[{\"name\":\"X\",\"type\":\"fixed\",\"nullable\":false,\"scale\":0,\"precision\":1,"
      + "\"length\":null,\"byteLength\":null}],\"rowset\":[[\"1\"]],\"total\":1,\"returned\":1,\"queryId\":\"q1\","
      + "\"queryResultFormat\":\"json\",\"statementTypeId\":4096,\"finalDatabaseName\":\"DB\","
      + "\"finalSchemaName\":\"S\"}}";

  private final HttpServer server;
  private final List<JsonNode> queries = Collections.synchronizedList(new ArrayList<>());

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
        queries.add(JSON.readTree(body));
        answer = ONE_ROW;
      }
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
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
