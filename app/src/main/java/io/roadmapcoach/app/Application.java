package io.roadmapcoach.app;

import io.roadmapcoach.app.console.ConsoleChat;
import io.roadmapcoach.app.console.ConsoleMessenger;
import io.roadmapcoach.app.console.ShiftedClock;
import io.roadmapcoach.app.dashboard.ConsoleDashboard;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapFileException;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import io.roadmapcoach.db.DatabaseStartupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up and shut-down: configuration, the roadmap, the database, the coach, then a front end.
 */
public final class Application {
  static final int OK = 0;
  static final int CANNOT_START = 1;
  static final int USAGE = 2;

  private Application() {}

  /** Runs the bot; returns the process exit code. */
  public static int run(
      String[] args,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err,
      boolean piped) {
    List<String> words = List.of(args);
    if (!(words.isEmpty() || words.equals(List.of("console")))) {
      err.println("Usage: java -jar roadmap-coach.jar [console]");
      err.println(
          "  With no argument, starts every platform whose token is set, or the console chat when none is.");
      return USAGE;
    }
    Config config;
    try {
      config = Config.from(env);
    } catch (Config.ConfigException e) {
      err.println("Roadmap Coach cannot start:\n" + e.getMessage());
      return USAGE;
    }
    Logger log = LoggerFactory.getLogger(Application.class);
    log.info("Starting with {}", config);
    Roadmap roadmap;
    QuizBank bank;
    try {
      RoadmapSource source =
          config.roadmapFile().map(RoadmapSource::file).orElseGet(RoadmapSource::builtIn);
      roadmap = new RoadmapLoader().load(source);
      bank = new QuizBankLoader().load(source, roadmap);
    } catch (RoadmapFileException e) {
      err.println("Roadmap Coach cannot start: the roadmap is broken.\n" + e.getMessage());
      return CANNOT_START;
    }
    boolean console = words.contains("console") || !config.anyPlatform();
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      err.println(
          "Roadmap Coach cannot start: cannot create the data directory "
              + config.dataDir()
              + ": "
              + e.getMessage());
      return CANNOT_START;
    }
    DatabaseSettings settings =
        new DatabaseSettings(
            config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), 16);
    try (Database database = Database.open(settings)) {
      if (console) {
        return runConsole(database, roadmap, bank, in, out, piped, config);
      }
      return ServerMode.run(config, database, roadmap, bank, err);
    } catch (DatabaseStartupException e) {
      err.println("Roadmap Coach cannot start: " + e.getMessage());
      return CANNOT_START;
    }
  }

  private static int runConsole(
      Database database,
      Roadmap roadmap,
      QuizBank bank,
      InputStream in,
      PrintStream out,
      boolean piped,
      Config config) {
    ShiftedClock clock = new ShiftedClock(Clock.systemUTC());
    ZoneId zone = ZoneId.systemDefault();
    try (ConsoleDashboard dashboard = new ConsoleDashboard();
        CoachRuntime runtime =
            CoachRuntime.create(database, roadmap, bank, clock, true, dashboard)) {
      // no port opens until a lead asks for a dashboard link; then 127.0.0.1 only
      dashboard.serve(runtime.core().dashboard());
      ConsoleChat chat =
          new ConsoleChat(
              runtime.core().coach(), clock, zone, out, piped, config.dataDir().resolve("files"));
      runtime.worker().register(new ConsoleMessenger(chat, clock, zone));
      chat.setTicker(
          new ConsoleChat.MinuteTicker() {
            @Override
            public void tick(java.time.Instant minute) {
              runtime.tick(minute);
            }

            @Override
            public void deliverWaiting() {
              runtime.worker().drainDue();
            }
          });
      chat.setStatuses(
          (workspace, member, emoji, text) ->
              runtime
                  .workspaces()
                  .memberStatus(
                      Platform.CONSOLE, workspace, member, emoji, text, Optional.empty()));
      runtime.start();
      chat.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      LoggerFactory.getLogger(Application.class).warn("Standard input failed", e);
    } catch (Exception e) {
      LoggerFactory.getLogger(Application.class).warn("The console did not stop cleanly", e);
    }
    return OK;
  }
}
