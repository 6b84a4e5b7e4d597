package io.roadmapcoach.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.roadmapcoach.db.schema.Tables;
import io.roadmapcoach.db.schema.tables.Outbox;
import io.roadmapcoach.db.schema.tables.records.OutboxRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md: adapters -> core -> db, and only the app sees
 * everything; and, across every module, only the core's {@code delivery} touches the outbox table.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roadmapcoach");
  }

  @Test
  void theCoreKnowsNoChatPlatform() {
    noClasses()
        .that()
        .resideInAPackage("io.roadmapcoach.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "net.dv8tion..",
            "io.roadmapcoach.slack..",
            "io.roadmapcoach.discord..",
            "io.roadmapcoach.app..")
        .check(classes);
  }

  @Test
  void adaptersWriteNoSql() {
    noClasses()
        .that()
        .resideInAnyPackage("io.roadmapcoach.slack..", "io.roadmapcoach.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jooq..", "java.sql..", "io.roadmapcoach.db..")
        .check(classes);
  }

  @Test
  void adaptersDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.roadmapcoach.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.roadmapcoach.discord..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.roadmapcoach.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.roadmapcoach.slack..")
        .check(classes);
  }

  @Test
  void theDatabaseModuleKnowsNothingAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("io.roadmapcoach.db..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.roadmapcoach.core..",
            "io.roadmapcoach.slack..",
            "io.roadmapcoach.discord..",
            "io.roadmapcoach.app..")
        .check(classes);
  }

  @Test
  void onlyTheCoresDeliveryTouchesTheOutboxTable() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.roadmapcoach.core.delivery..", "io.roadmapcoach.db..")
        .and(not(fromATestJar()))
        .should()
        .dependOnClassesThat(belongToAnyOf(Outbox.class, OutboxRecord.class))
        .orShould()
        .accessField(Tables.class, "OUTBOX")
        .because("the outbox is delivery's: the app reads its backlog through OutboxBacklog")
        .check(classes);
  }

  /**
   * The other modules' test classes come in their test jars, which {@code DO_NOT_INCLUDE_TESTS}
   * does not know: tests may look into the outbox.
   */
  private static DescribedPredicate<JavaClass> fromATestJar() {
    return DescribedPredicate.describe(
        "from a test jar",
        c -> c.getSource().map(s -> s.getUri().toString().contains("-tests.jar")).orElse(false));
  }
}
