package io.roadmapcoach.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.roadmapcoach.core.testing.AdapterApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter is thin: it translates, calls the core's small API, and renders. */
class ArchitectureTest {
  private static final String ADAPTER = "io.roadmapcoach.discord..";

  private static JavaClasses classes;

  @BeforeAll
  static void importTheAdapterAndTheCore() {
    // the core is imported too, so a nested type such as Delivery.Direct is known to be part of
    // Delivery: archunit.properties keeps ArchUnit from reading the rest of the class path
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roadmapcoach.discord", "io.roadmapcoach.core");
  }

  @Test
  void theAdapterNeverWritesSql() {
    noClasses()
        .that()
        .resideInAPackage(ADAPTER)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jooq..", "java.sql..", "io.roadmapcoach.db..")
        .check(classes);
  }

  @Test
  void theAdapterUsesOnlyTheCoresApi() {
    noClasses()
        .that()
        .resideInAPackage(ADAPTER)
        .should()
        .dependOnClassesThat(AdapterApi.coreInternals())
        .check(classes);
  }
}
