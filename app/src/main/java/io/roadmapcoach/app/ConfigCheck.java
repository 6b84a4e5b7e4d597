package io.roadmapcoach.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.app.logging.KnownSecrets;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapFileException;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import io.roadmapcoach.db.DatabaseStartupException;
import io.roadmapcoach.db.Redaction;
import io.roadmapcoach.discord.DiscordSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code check}: everything a start would need, tried without starting: the settings, the roadmap
 * and its quiz bank, the database, and each configured platform's token against its auth endpoint.
 * Each part is checked even when an earlier one failed, so one run lists every problem.
 */
final class ConfigCheck {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String DISCORD_API = "https://discord.com/api/v10/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final PrintStream out;
  private final HttpClient http;
  private final List<String> problems = new ArrayList<>();
  private final Redaction redaction;

  private ConfigCheck(Map<String, String> env, PrintStream out) {
    this.env = env;
    this.out = out;
    this.redaction = KnownSecrets.in(env);
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Prints what was checked and every problem; 0 when there is none, 1 otherwise. */
  static int run(Map<String, String> env, PrintStream out) {
    ConfigCheck check = new ConfigCheck(env, out);
    out.println("Checking the settings, the roadmap, the database and the platforms\u2026");
    check.settings();
    check.roadmap();
    check.database();
    check.slack();
    check.discord();
    int count = check.problems.size();
    out.println(
        count == 0
            ? "Everything checks out."
            : count + (count == 1 ? " problem" : " problems") + " found.");
    return count == 0 ? Application.OK : Application.CANNOT_START;
  }

  private void ok(String part, String detail) {
    out.println("  ok       " + part + ": " + redaction.apply(detail));
  }

  /** A further line of the part just said to be ok, under it. */
  private void more(String detail) {
    out.println("           " + redaction.apply(detail));
  }

  private void problem(String part, String detail) {
    String line = part + ": " + redaction.apply(detail);
    problems.add(line);
    out.println("  PROBLEM  " + line);
  }

  private Optional<String> value(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private void settings() {
    try {
      List<String> lines = Config.from(env).described();
      ok("settings", lines.getFirst());
      lines.subList(1, lines.size()).forEach(line -> more(line));
    } catch (Config.ConfigException e) {
      e.problems().forEach(p -> problem("settings", p));
    }
  }

  private void roadmap() {
    RoadmapSource source =
        value("ROADMAP_FILE")
            .map(Path::of)
            .map(RoadmapSource::file)
            .orElseGet(RoadmapSource::builtIn);
    try {
      Roadmap roadmap = new RoadmapLoader().load(source);
      QuizBank bank = new QuizBankLoader().load(source, roadmap);
      ok(
          "roadmap",
          roadmap.title()
              + ": "
              + roadmap.stageCount()
              + " stages, "
              + roadmap.totalObjectives()
              + " objectives, "
              + bank.size()
              + " quiz questions");
    } catch (RoadmapFileException e) {
      // one line a problem, each with its file, line and field
      e.problems().forEach(p -> problem("roadmap", p.in(source.describe(p.file()))));
    }
  }

  private void database() {
    Optional<String> url = value("ROADMAP_DB_URL");
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:postgresql:")) {
        return; // told with the settings
      }
      DatabaseSettings settings =
          new DatabaseSettings(
              url, value("ROADMAP_DB_USER"), value("ROADMAP_DB_PASSWORD"), Path.of("."), 2);
      try {
        Database.Probe probe = Database.probe(settings, Duration.ofSeconds(3));
        ok(
            "database",
            settings
                + " answers (PostgreSQL "
                + probe.serverVersion()
                + ", schema version "
                + probe.schemaVersion()
                + (probe.pendingMigrations() == 0
                    ? ", up to date)"
                    : ", " + probe.pendingMigrations() + " migrations to apply: run migrate)"));
      } catch (DatabaseStartupException e) {
        problem("database", e.getMessage());
      }
      return;
    }
    embeddedDatabase();
  }

  private void embeddedDatabase() {
    Path dataDir =
        value("ROADMAP_DATA_DIR")
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".roadmap-coach"));
    Optional<String> binaries = Database.embeddedBinariesProblem();
    if (binaries.isPresent()) {
      problem("database", binaries.get());
      return;
    }
    try {
      Files.createDirectories(dataDir);
      if (!Files.isWritable(dataDir)) {
        problem("database", "the data directory " + dataDir + " is not writable");
        return;
      }
      ok("database", "embedded PostgreSQL, its files in " + dataDir);
    } catch (IOException e) {
      problem("database", "cannot create the data directory " + dataDir + ": " + e.getMessage());
    }
  }

  private void slack() {
    Optional<String> token = value("SLACK_BOT_TOKEN");
    if (token.isEmpty()) {
      value("SLACK_CLIENT_ID")
          .ifPresent(
              id ->
                  ok(
                      "slack",
                      "installs in many workspaces (client "
                          + id
                          + "), each from "
                          + value("PUBLIC_URL").orElse("PUBLIC_URL")
                          + "/slack/install"));
      return;
    }
    String base = value("SLACK_API_URL").orElse("https://slack.com/api/");
    String url = (base.endsWith("/") ? base : base + "/") + "auth.test";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(TIMEOUT)
                  .header("Authorization", "Bearer " + token.get())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() == 200 && body.path("ok").asBoolean(false)) {
        ok(
            "slack",
            "auth.test accepts SLACK_BOT_TOKEN (workspace "
                + body.path("team").asText(body.path("team_id").asText("?"))
                + ", bot user "
                + body.path("user").asText("?")
                + ")");
      } else {
        problem(
            "slack",
            "Slack refused SLACK_BOT_TOKEN at "
                + url
                + ": "
                + body.path("error").asText("HTTP " + response.statusCode()));
      }
    } catch (IOException | IllegalArgumentException e) {
      problem("slack", "cannot reach " + url + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem("slack", "interrupted while asking " + url);
    }
  }

  private void discord() {
    Optional<String> token = value("DISCORD_BOT_TOKEN");
    if (token.isEmpty()) {
      return;
    }
    String base;
    try {
      base =
          new DiscordSettings(
                  token.get(),
                  value("DISCORD_API_URL"),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty())
              .restBaseUrl()
              .orElse(DISCORD_API);
    } catch (IllegalArgumentException e) {
      problem("discord", e.getMessage());
      return;
    }
    String url = base + "users/@me";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(TIMEOUT)
                  .header("Authorization", "Bot " + token.get())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        JsonNode body = JSON.readTree(response.body());
        ok(
            "discord",
            "Discord accepts DISCORD_BOT_TOKEN (bot " + body.path("username").asText("?") + ")");
      } else {
        problem(
            "discord",
            "Discord refused DISCORD_BOT_TOKEN at "
                + url
                + ": HTTP "
                + response.statusCode()
                + (response.statusCode() == 401 ? " (the token is wrong or was reset)" : ""));
      }
    } catch (IOException | IllegalArgumentException e) {
      problem("discord", "cannot reach " + url + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem("discord", "interrupted while asking " + url);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
