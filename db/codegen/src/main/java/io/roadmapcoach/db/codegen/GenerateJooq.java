package io.roadmapcoach.db.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the real schema: the Flyway migrations applied to a throwaway
 * embedded PostgreSQL. jOOQ's DDLDatabase would interpret the scripts in H2 and lose
 * PostgreSQL-only constructs (partial indexes, JSONB, constraint names), so it is not used.
 *
 * <p>Arguments: migrations folder, target source folder, target package.
 */
public final class GenerateJooq {

  /** Tables that belong to libraries, not to us. */
  private static final String EXCLUDED_TABLES = "flyway_schema_history|qrtz_.*";

  private GenerateJooq() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: GenerateJooq <migrations folder> <target folder> <target package>");
    }
    Path migrations = Path.of(args[0]).toAbsolutePath();
    Path target = Path.of(args[1]).toAbsolutePath();
    String targetPackage = args[2];
    if (!Files.isDirectory(migrations)) {
      throw new IllegalArgumentException("no migrations folder at " + migrations);
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Flyway.configure()
          .dataSource(postgres.getPostgresDatabase())
          .locations("filesystem:" + migrations)
          .load()
          .migrate();
      GenerationTool.generate(configuration(postgres, target, targetPackage));
    }
  }

  private static Configuration configuration(
      EmbeddedPostgres postgres, Path target, String targetPackage) {
    return new Configuration()
        .withJdbc(
            new Jdbc()
                .withDriver("org.postgresql.Driver")
                .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .withUser("postgres"))
        .withGenerator(
            new Generator()
                .withDatabase(
                    new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema("public")
                        .withOutputSchemaToDefault(true)
                        .withExcludes(EXCLUDED_TABLES))
                .withGenerate(
                    new Generate()
                        .withJavaTimeTypes(true)
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false)
                        .withGeneratedAnnotation(false)
                        .withComments(false))
                .withTarget(
                    new Target()
                        .withPackageName(targetPackage)
                        .withDirectory(target.toString())
                        .withClean(true)));
  }
}
