package io.roadmapcoach.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

  /**
   * The adapter is grouped by job (commands, actions, events, users, install, delivery, render);
   * the groups depend on each other one way only, and only the entry point at the top wires them.
   */
  @Test
  void theAdaptersGroupsFormNoCycle() {
    slices().matching("io.roadmapcoach.slack.(*)..").should().beFreeOfCycles().check(adapter);
  }

  @Test
  void noGroupReachesBackToTheEntryPoint() {
    noClasses()
        .that()
        .resideInAPackage("io.roadmapcoach.slack.*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.roadmapcoach.slack")
        .check(adapter);
  }
}
