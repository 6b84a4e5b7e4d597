package io.roadmapcoach.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Slack's {@code auth.test} and Discord's {@code users/@me} on one local port, answering as the
 * real ones do for a good token ({@code good} in it) and a bad one. Records what was asked.
 */
final class FakePlatforms implements AutoCloseable {
  private final HttpServer server;
  final List<String> asked = new CopyOnWriteArrayList<>();

  FakePlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/slack/api/", this::slack);
    server.createContext("/discord/api/v10/", this::discord);
    server.start();
  }

  String slackUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/api/";
  }

  String discordUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/discord/";
  }

  private void slack(HttpExchange exchange) throws IOException {
    String token = exchange.getRequestHeaders().getFirst("Authorization");
    asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean good = token != null && token.contains("good");
    if (good && exchange.getRequestURI().getPath().endsWith("/users.info")) {
      // the member named in the form (user=U...), named after their id
      String user = body.replaceAll("(?s).*user=([A-Za-z0-9]+).*", "$1");
      answer(
          exchange,
          200,
          "{\"ok\":true,\"user\":{\"id\":\""
              + user
              + "\",\"name\":\""
              + user.toLowerCase(java.util.Locale.ROOT)
              + "\",\"tz\":\"UTC\",\"profile\":{\"display_name\":\"Member "
              + user
              + "\"}}}");
      return;
    }
    answer(
        exchange,
        200,
        good
            ? "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test Team\","
                + "\"user\":\"coach\",\"team_id\":\"T0TEST\",\"user_id\":\"U0COACH\","
                + "\"bot_id\":\"B0TEST\"}"
            : "{\"ok\":false,\"error\":\"invalid_auth\"}");
  }

  private void discord(HttpExchange exchange) throws IOException {
    String token = exchange.getRequestHeaders().getFirst("Authorization");
    asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    boolean good = token != null && token.contains("good");
    answer(
        exchange,
        good ? 200 : 401,
        good
            ? "{\"id\":\"42\",\"username\":\"Roadmap Coach\",\"bot\":true}"
            : "{\"message\":\"401: Unauthorized\",\"code\":0}");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
