package io.roadmapcoach.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.roadmapcoach.core.coaching.NudgeCourtesies;
import io.roadmapcoach.core.cohort.CohortCommand;
import io.roadmapcoach.core.lead.LeadFeature;
import io.roadmapcoach.core.lead.TeamCsv;
import io.roadmapcoach.core.leaderboard.OutboxProbe;
import io.roadmapcoach.core.leaderboard.SidewaysProbe;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.progress.ProgressService;
import io.roadmapcoach.core.quiz.Question;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizRepository;
import io.roadmapcoach.core.quiz.QuizService;
import io.roadmapcoach.core.quiz.RoadmapCheck;
import io.roadmapcoach.db.schema.Tables;
import io.roadmapcoach.db.schema.tables.Outbox;
import io.roadmapcoach.db.schema.tables.records.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's layers: the coach ({@code command}) on top, features below it, the shared vocabulary
 * at the bottom; packages form no cycle, so each can be read without the ones above it. The floors
 * in between, and the few edges by which features reach each other, are declared in {@link #LAYERS}
 * and {@link #PORTS}: this test, not a list in package-info, is what the packages use.
 */
class ArchitectureTest {
  private static final String CORE = "io.roadmapcoach.core";

  /** A layer of the core: a name and the packages it is made of. */
  private record Layer(String name, String... packages) {}

  /**
   * The floors, from the bottom: a layer reaches only the layers on floors below its own (and its
   * own packages). Features are each a layer of their own on one floor, so none reaches another
   * except through a named port. {@code feature} (the declarations of commands) and {@code post}
   * may not exist yet: a layer may be empty.
   */
  static final List<List<Layer>> LAYERS =
      List.of(
          List.of(
              new Layer(
                  "vocabulary",
                  CORE + ".caller..",
                  CORE + ".action..",
                  CORE + ".reply..",
                  CORE + ".roadmap..",
                  CORE + ".time..",
                  CORE + ".tx..",
                  CORE + ".observe..")),
          List.of(new Layer("schedule", CORE + ".schedule..")),
          List.of(new Layer("member", CORE + ".member..")),
          List.of(
              new Layer("journey", CORE + ".journey.."),
              new Layer("delivery", CORE + ".delivery.."),
              new Layer("installation", CORE + ".installation..")),
          List.of(new Layer("policy", CORE + ".policy..")),
          List.of(new Layer("feature", CORE + ".feature..")),
          List.of(
              new Layer("progress", CORE + ".progress.."),
              new Layer("quiz", CORE + ".quiz.."),
              new Layer("leaderboard", CORE + ".leaderboard.."),
              new Layer("lead", CORE + ".lead.."),
              new Layer("cohort", CORE + ".cohort.."),
              new Layer("coaching", CORE + ".coaching.."),
              new Layer("dashboard", CORE + ".dashboard.."),
              new Layer("privacy", CORE + ".privacy.."),
              new Layer("post", CORE + ".post.."),
              new Layer("curriculum", CORE + ".curriculum..")),
          List.of(new Layer("command", CORE + ".command..")),
          List.of(new Layer("assembly", CORE)));

  /** A feature reaching into another: from a package, to a class (and its nested classes), why. */
  private record Port(String from, Class<?> to, String why) {}

  static final List<Port> PORTS =
      List.of(
          new Port(
              "progress",
              NudgeCourtesies.class,
              "the daily nudge asks coaching whether to skip it, pause instead, and about the buddy"),
          new Port(
              "progress",
              QuizRepository.class,
              "a stage is finished with its quiz passed; the nudge points to the quiz when it is left"),
          new Port(
              "lead",
              ProgressService.class,
              "set-stage moves a member by progress's own rules, and tells them"),
          new Port(
              "lead", QuizBank.class, "the weekly digest names the questions the channel missed"),
          new Port("lead", Question.class, "the same: a missed question's words"),
          new Port("dashboard", TeamCsv.class, "the dashboard's CSV is the team report's"),
          new Port(
              "dashboard", QuizBank.class, "the dashboard shows the questions a channel missed"),
          new Port("dashboard", Question.class, "the same: a missed question's words"),
          new Port(
              "progress",
              QuizService.class,
              "the quiz command starts the quiz of the member's stage, on their enrollment"),
          new Port(
              "lead",
              ProgressFeature.class,
              "set-stage points the member at progress's status command"),
          new Port(
              "lead",
              CohortCommand.class,
              "a bare quiz-day, channel-tz or reminders shows the channel's settings (cohort's)"),
          new Port(
              "post", CohortCommand.class, "a bare post shows the channel's settings (cohort's)"),
          new Port(
              "post",
              NudgeCourtesies.class,
              "the daily post counts its mentions towards the pause and keeps away days, as the"
                  + " DM nudge does"),
          new Port(
              "curriculum",
              RoadmapCheck.class,
              "an uploaded roadmap is checked with its questions before its preview"),
          new Port("curriculum", QuizBank.class, "the preview counts each stage's questions"),
          new Port(
              "curriculum",
              ProgressFeature.class,
              "the preview of a roadmap without questions says that progress's next needs"
                  + " the objectives only"),
          new Port(
              "dashboard",
              LeadFeature.class,
              "dashboard and chart sit in lead's team group on Discord, and point at its team"));

  /**
   * The layers as an ArchUnit rule: each reaches only the floors below it, features each other only
   * through the {@link #PORTS}.
   */
  static LayeredArchitecture layers() {
    LayeredArchitecture rule =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (List<Layer> floor : LAYERS) {
      for (Layer layer : floor) {
        rule = rule.layer(layer.name()).definedBy(layer.packages());
      }
    }
    List<String> below = new ArrayList<>();
    for (List<Layer> floor : LAYERS) {
      for (Layer layer : floor) {
        rule =
            below.isEmpty()
                ? rule.whereLayer(layer.name()).mayNotAccessAnyLayer()
                : rule.whereLayer(layer.name()).mayOnlyAccessLayers(below.toArray(String[]::new));
      }
      floor.forEach(layer -> below.add(layer.name()));
    }
    for (Port port : PORTS) {
      rule =
          rule.ignoreDependency(
              resideInAPackage(CORE + "." + port.from() + ".."), belongToAnyOf(port.to()));
    }
    return rule;
  }

  /** Only {@code delivery} names the outbox's table: features enqueue through its API. */
  static ArchRule onlyDeliveryTouchesTheOutbox() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(CORE + ".delivery..")
        .should()
        .dependOnClassesThat(belongToAnyOf(Outbox.class, OutboxRecord.class))
        .orShould()
        .accessField(Tables.class, "OUTBOX")
        .because("the outbox is delivery's: features enqueue through OutboxRepository");
  }

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
    "io.roadmapcoach.core.post..",
    "io.roadmapcoach.core.policy..",
    "io.roadmapcoach.core.curriculum.."
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

  @Test
  void eachLayerReachesOnlyTheFloorsBelowIt() {
    layers().check(core);
  }

  @Test
  void aSidewaysImportBetweenFeaturesBreaksTheLayers() {
    assertThat(violationsOf(layers(), SidewaysProbe.class))
        .anyMatch(line -> line.contains(SidewaysProbe.class.getName()) && line.contains("privacy"));
  }

  @Test
  void onlyDeliveryTouchesTheOutboxTable() {
    onlyDeliveryTouchesTheOutbox().check(core);
  }

  @Test
  void aClassOutsideDeliveryTouchingTheOutboxIsReported() {
    assertThat(violationsOf(onlyDeliveryTouchesTheOutbox(), OutboxProbe.class))
        .anyMatch(line -> line.contains(OutboxProbe.class.getName()));
  }

  /** What {@code rule} reports of a probe class, analysed alone (nothing else imported). */
  private static List<String> violationsOf(ArchRule rule, Class<?> probe) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(probe));
    assertThat(result.hasViolation()).as("%s breaks: %s", probe.getSimpleName(), rule).isTrue();
    return result.getFailureReport().getDetails();
  }
}
