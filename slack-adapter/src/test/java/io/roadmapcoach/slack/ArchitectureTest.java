package io.roadmapcoach.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.roadmapcoach.core.testing.AdapterApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter is thin: it translates, calls the core's small API, and renders. */
class ArchitectureTest {
  private static JavaClasses adapter;

  @BeforeAll
  static void importTheAdapter() {
    adapter =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roadmapcoach.slack");
  }

  @Test
  void theAdapterNeverWritesSql() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jooq..", "java.sql..", "io.roadmapcoach.db..")
        .check(adapter);
  }

  @Test
  void theAdapterUsesOnlyTheCoresApi() {
    noClasses().should().dependOnClassesThat(AdapterApi.coreInternals()).check(adapter);
  }
}
