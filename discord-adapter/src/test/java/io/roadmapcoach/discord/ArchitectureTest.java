package io.roadmapcoach.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void theAdapterNeverWritesSql() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roadmapcoach.discord");

    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jooq..", "java.sql..", "io.roadmapcoach.db..")
        .check(classes);
  }
}
