package io.roadmapcoach.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's layers: the coach ({@code command}) on top, features below it, the shared vocabulary
 * at the bottom; packages form no cycle, so each can be read without the ones above it.
 */
class ArchitectureTest {
  /**
   * Who is calling and from where, buttons, replies, the roadmap, time, transactions, and what the
   * core reports of its work.
   */
  static final String[] VOCABULARY = {
    "io.roadmapcoach.core.caller..",
    "io.roadmapcoach.core.action..",
    "io.roadmapcoach.core.reply..",
    "io.roadmapcoach.core.roadmap..",
    "io.roadmapcoach.core.time..",
    "io.roadmapcoach.core.tx..",
    "io.roadmapcoach.core.observe.."
  };

  static final String[] FEATURES = {
    "io.roadmapcoach.core.member..",
    "io.roadmapcoach.core.cohort..",
    "io.roadmapcoach.core.coaching..",
    "io.roadmapcoach.core.dashboard..",
    "io.roadmapcoach.core.journey..",
    "io.roadmapcoach.core.progress..",
    "io.roadmapcoach.core.quiz..",
    "io.roadmapcoach.core.leaderboard..",
    "io.roadmapcoach.core.lead..",
    "io.roadmapcoach.core.delivery..",
    "io.roadmapcoach.core.schedule..",
    "io.roadmapcoach.core.installation..",
    "io.roadmapcoach.core.privacy..",
    "io.roadmapcoach.core.feature..",
    "io.roadmapcoach.core.settings..",
    "io.roadmapcoach.core.post.."
  };

  private static JavaClasses core;

  @BeforeAll
  static void importTheCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roadmapcoach.core");
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("io.roadmapcoach.core.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void theVocabularyKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(VOCABULARY)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("io.roadmapcoach.core.command..")
        .check(core);
  }

  @Test
  void featuresNeverReachUpToTheCoach() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.roadmapcoach.core.command..")
        .check(core);
  }

  @Test
  void onlyTheAssemblyBuildsTheWholeCore() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .or()
        .resideInAnyPackage(VOCABULARY)
        .or()
        .resideInAPackage("io.roadmapcoach.core.command..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Core.class.getName())
        .check(core);
  }
}
