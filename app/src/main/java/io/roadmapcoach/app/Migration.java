package io.roadmapcoach.app;

import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseStartupException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code migrate}: brings the configured database's schema up to date and exits, so that an upgrade
 * can migrate once before the new version's instances start (they would migrate too, but one at a
 * time is easier to watch).
 */
final class Migration {
  private Migration() {}

  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    Config config;
    try {
      config = Config.from(env);
    } catch (Config.ConfigException e) {
      err.println("Roadmap Coach cannot migrate:\n" + e.getMessage());
      return Application.USAGE;
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      err.println(
          "Roadmap Coach cannot migrate: cannot create the data directory "
              + config.dataDir()
              + ": "
              + e.getMessage());
      return Application.CANNOT_START;
    }
    var settings = Application.databaseSettings(config);
    err.println("Migrating " + settings + "\u2026");
    try (Database database = Database.open(settings)) {
      Database.Migrations migrations = database.migrations();
      out.println(
          (migrations.applied() == 0
                  ? "The schema was already up to date"
                  : "Applied "
                      + migrations.applied()
                      + (migrations.applied() == 1 ? " migration" : " migrations"))
              + ": "
              + settings
              + " is at schema version "
              + migrations.version()
              + ".");
      return Application.OK;
    } catch (DatabaseStartupException e) {
      err.println("Roadmap Coach cannot migrate: " + e.getMessage());
      return Application.CANNOT_START;
    }
  }
}
