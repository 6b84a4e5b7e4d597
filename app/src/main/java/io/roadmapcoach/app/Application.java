package io.roadmapcoach.app;

import io.roadmapcoach.app.console.ConsoleChat;
import io.roadmapcoach.app.console.ConsoleMessenger;
import io.roadmapcoach.app.console.ShiftedClock;
import io.roadmapcoach.app.dashboard.ConsoleDashboard;
import io.roadmapcoach.app.logging.KnownSecrets;
import io.roadmapcoach.app.logging.RedactingPrintStream;
import io.roadmapcoach.core.Core;
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
import io.roadmapcoach.db.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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

  /** Runs the bot; returns the process exit code. Stops everything it started before returning. */
  public static int run(
      String[] args,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err,
      boolean piped) {
    return run(CommandLine.parse(List.of(args)), env, in, out, err, piped, new Shutdown());
  }

  /**
   * Runs what the command line asks for; {@code shutdown} is the same one a signal stops (see
   * {@link Main}).
   */
  static int run(
      CommandLine command,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err,
      boolean piped,
      Shutdown shutdown) {
    // the secrets of this run are masked wherever it prints: the logs, standard error, the reports
    Redaction secrets = KnownSecrets.in(env);
    KnownSecrets.tellLogs(secrets);
    PrintStream report = new RedactingPrintStream(out, secrets);
    PrintStream problems = new RedactingPrintStream(err, secrets);
    // the console's chat (standard output of a console run) is what members typed: never altered
    return switch (command) {
      case CommandLine.Help help -> {
        report.print(HelpText.text());
        yield OK;
      }
      case CommandLine.Version version -> {
        report.println("Roadmap Coach " + Version.current());
        yield OK;
      }
      case CommandLine.Invalid invalid -> {
        problems.println(invalid.message());
        yield USAGE;
      }
      case CommandLine.Check check -> ConfigCheck.run(env, report);
      case CommandLine.CheckRoadmap file -> RoadmapFileCheck.run(file, report, problems);
      case CommandLine.Migrate migrate -> Migration.run(env, report, problems);
      case CommandLine.Serve serve -> runCoach(false, env, in, out, problems, piped, shutdown);
      case CommandLine.Console console -> runCoach(true, env, in, out, problems, piped, shutdown);
    };
  }

  private static int runCoach(
      boolean forceConsole,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err,
      boolean piped,
      Shutdown shutdown) {
    Config config;
    try {
      config = Config.from(env);
    } catch (Config.ConfigException e) {
      err.println("Roadmap Coach cannot start:\n" + e.getMessage());
      return USAGE;
    }
    Logger log = LoggerFactory.getLogger(Application.class);
    log.info("Starting with {}", config);
    DeploymentRoadmap deployment;
    try {
      RoadmapSource source =
          config.roadmapFile().map(RoadmapSource::file).orElseGet(RoadmapSource::builtIn);
      Roadmap roadmap = new RoadmapLoader().load(source);
      QuizBank bank = new QuizBankLoader().load(source, roadmap);
      deployment = DeploymentRoadmap.of(source, roadmap, bank);
    } catch (RoadmapFileException | IOException e) {
      err.println("Roadmap Coach cannot start: the roadmap is broken.\n" + e.getMessage());
      return CANNOT_START;
    }
    boolean console = forceConsole || !config.anyPlatform();
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
    // the embedded database takes seconds to start: say something before it does
    err.println("Starting Roadmap Coach\u2026");
    try {
      Database database = openDatabase(config, shutdown);
      if (console) {
        return runConsole(database, deployment, in, out, piped, config, shutdown);
      }
      return ServerMode.run(config, database, deployment, err, shutdown);
    } catch (DatabaseStartupException e) {
      err.println("Roadmap Coach cannot start: " + e.getMessage());
      return CANNOT_START;
    } finally {
      shutdown.stopAll();
    }
  }

  /**
   * Opens the database and registers it to be stopped. Opening counts as work in flight: a signal
   * meanwhile gives it the grace to finish, so that an embedded PostgreSQL that has just started is
   * stopped rather than left running.
   */
  private static Database openDatabase(Config config, Shutdown shutdown) {
    shutdown.workStarted();
    try {
      Database database = Database.open(databaseSettings(config), durable());
      shutdown.register("the database", database);
      return database;
    } finally {
      shutdown.workEnded();
    }
  }

  /**
   * Whether the embedded PostgreSQL waits for the disk at each commit: always, except in the app's
   * own tests, whose data directories are thrown away (the build sets {@code roadmap.db.durable} to
   * false; a console test stepping its clock through a fortnight commits some 100,000 times).
   */
  private static boolean durable() {
    return !"false".equals(System.getProperty("roadmap.db.durable"));
  }

  /**
   * Connections to PostgreSQL: commands, delivery and the routines each take a bounded share of
   * them, Quartz and the rest keep four (see {@code PoolShares}).
   */
  static final int POOL_SIZE = 16;

  static DatabaseSettings databaseSettings(Config config) {
    return new DatabaseSettings(
        config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(), POOL_SIZE);
  }

  private static int runConsole(
      Database database,
      DeploymentRoadmap deployment,
      InputStream in,
      PrintStream out,
      boolean piped,
      Config config,
      Shutdown shutdown) {
    ShiftedClock clock = new ShiftedClock(Clock.systemUTC());
    ZoneId zone = ZoneId.systemDefault();
    // no port opens until a lead asks for a dashboard link; then 127.0.0.1 only
    ConsoleDashboard dashboard = new ConsoleDashboard();
    shutdown.register("the console's dashboard", dashboard);
    Core core =
        deployment
            .coreBuilder(database.dsl())
            .clock(clock)
            .quartz(database.dataSource())
            // delivered on the thread that enqueued, so that the output comes in order
            .deliverInline(true)
            .dashboardAt(dashboard)
            .build();
    shutdown.register("scheduling and delivery", core);
    dashboard.serve(core.dashboard(), core.coach());
    ConsoleChat chat =
        new ConsoleChat(core.coach(), clock, zone, out, piped, config.dataDir().resolve("files"));
    core.deliveries().register(new ConsoleMessenger(chat, clock, zone));
    chat.setTicker(
        new ConsoleChat.MinuteTicker() {
          @Override
          public void tick(java.time.Instant minute) {
            core.tick(minute);
          }

          @Override
          public void deliverWaiting() {
            core.deliveries().drainDue();
          }
        });
    chat.setStopRequested(shutdown::requested);
    chat.setStatuses(
        (workspace, member, emoji, text) ->
            core.workspaces()
                .memberStatus(Platform.CONSOLE, workspace, member, emoji, text, Optional.empty()));
    core.start();
    ConsoleInput input = new ConsoleInput(in, shutdown);
    try {
      chat.run(input);
    } catch (IOException e) {
      LoggerFactory.getLogger(Application.class).warn("Standard input failed", e);
    } finally {
      input.done();
    }
    return OK;
  }
}
