package io.roadmapcoach.core.curriculum;

import static io.roadmapcoach.core.curriculum.TestRoadmaps.Goal;
import static io.roadmapcoach.core.curriculum.TestRoadmaps.upload;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every channel its own roadmap: a channel follows one, leads bring their own file (checked,
 * previewed, applied by its uploader only), and a member keeps a journey per roadmap.
 */
@ExtendWith(PostgresExtension.class)
class RoadmapPerChannelTest {
  private final CoachFixture general = CoachFixture.builtIn();
  private final CoachFixture web = general.in("web");
  private final Caller ana = general.caller("ana");
  private final Caller anaInWeb = web.caller("ana");
  private final Caller bobInWeb = web.caller("bob");

  @BeforeEach
  void anaLeadsWebAndBobIsInIt() {
    general.say(ana, "start");
    web.say(anaInWeb, "start"); // the first member of #web leads it
    web.say(bobInWeb, "start");
  }

  private Reply sayWith(Caller caller, String text, Upload file) {
    return general.coach().handleText(caller, text, Optional.of(file));
  }

  private static String button(Reply reply, String label) {
    return reply.buttons().stream()
        .filter(b -> b.label().equals(label))
        .map(Button::actionId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + label + " button in " + reply.plainText()));
  }

  /** Ana uploads the web roadmap in #web and applies it: #web follows it. */
  private void webFollowsItsOwnRoadmap() {
    Reply preview = sayWith(anaInWeb, "roadmap upload", upload("web.yaml", TestRoadmaps.webV1()));
    Reply applied = web.press(anaInWeb, button(preview, "Apply"));
    assertThat(applied.plainText()).contains("#web now follows it");
  }

  private long roadmapId(String key) {
    return general
        .dsl()
        .select(ROADMAP.ID)
        .from(ROADMAP)
        .where(ROADMAP.KEY.eq(key), ROADMAP.WORKSPACE_ID.isNotNull())
        .fetchSingle(ROADMAP.ID);
  }

  private int points(Caller caller, long roadmapId) {
    return general
        .dsl()
        .select(JOURNEY.POINTS)
        .from(JOURNEY)
        .where(JOURNEY.MEMBER_ID.eq(general.memberId(caller)), JOURNEY.ROADMAP_ID.eq(roadmapId))
        .fetchSingle(JOURNEY.POINTS);
  }

  @Test
  void twoChannelsOnTwoRoadmapsKeepSeparateStagesPointsBoardsAndQuizzes() {
    webFollowsItsOwnRoadmap();
    long webRoadmap = roadmapId("web-dev");

    assertThat(web.say(anaInWeb, "done 1").plainText()).contains("Write an HTML page by hand");
    web.say(anaInWeb, "done 2");

    assertThat(points(ana, webRoadmap)).isEqualTo(20);
    assertThat(points(ana, RoadmapLibrary.DEPLOYMENT)).isZero();
    assertThat(web.say(anaInWeb, "status").plainText()).contains("Stage 1 of 2");
    String home = general.say(ana, "status").plainText();
    assertThat(home).contains("Stage 1 of 15").doesNotContain("HTML");
    assertThat(general.say(ana, "stage").plainText()).doesNotContain("✅");

    // the boards rank by points on their own channel's roadmap
    assertThat(web.say(anaInWeb, "leaderboard all").plainText()).contains("ana").contains("20");
    assertThat(general.say(ana, "leaderboard all").plainText()).doesNotContain("20");

    // a quiz on each roadmap, open side by side, each drawn from its own questions
    web.say(anaInWeb, "quiz");
    general.say(ana, "quiz");
    var quizzes = general.services().quizzes();
    long anaId = general.memberId(ana);
    assertThat(quizzes.lockOpen(anaId, webRoadmap).orElseThrow().questions())
        .allSatisfy(q -> assertThat(q.questionId()).startsWith("basics-q"));
    assertThat(quizzes.lockOpen(anaId, RoadmapLibrary.DEPLOYMENT).orElseThrow().questions())
        .noneSatisfy(q -> assertThat(q.questionId()).startsWith("basics-q"));
  }

  @Test
  void oneNudgeADayNamesTheHomeJourneysNextStepAndALineForTheOther() {
    webFollowsItsOwnRoadmap();
    web.say(anaInWeb, "done 1");
    general.recorder().take();

    List<Delivery> tuesday = general.tick("2026-03-03T09:00:00Z");

    List<String> toAna =
        tuesday.stream()
            .filter(
                d ->
                    d.target() instanceof Delivery.Direct direct
                        && direct.memberExternalId().equals(anaInWeb.userId()))
            .map(d -> d.reply().plainText())
            .toList();
    assertThat(toAna).hasSize(1);
    assertThat(toAna.getFirst())
        .contains("stage 1 of 15")
        .contains("Next: objective 1")
        .contains("📚 Web development (#web): stage 1 of 2, objective 2 next - Lay the page out");
  }

  @Test
  void aNewVersionKeepsProgressByIdAndChangesNothingBeforeApply() {
    webFollowsItsOwnRoadmap();
    long webRoadmap = roadmapId("web-dev");
    web.say(anaInWeb, "done 1"); // html-page
    web.say(anaInWeb, "done 2"); // css-layout
    String v2 =
        TestRoadmaps.file(
            "web-dev",
            "Web development",
            List.of(
                new Goal("html-page", "Write an HTML5 page by hand, with a doctype."),
                new Goal("forms", "Build a form that posts."),
                new Goal("accessibility", "Check the page with a screen reader.")));
    TableSnapshot before = web.snapshot();

    Reply preview = sayWith(anaInWeb, "roadmap upload", upload("web.yaml", v2));

    assertThat(preview.plainText())
        .contains("version 2 of web-dev")
        .contains("added to stage 1: `accessibility`")
        .contains("removed from stage 1: `css-layout`")
        .contains("renamed in stage 1: `html-page`");
    assertThat(preview.plainText().lines().filter(l -> l.startsWith("• "))).hasSize(3);
    assertThat(withoutPreviews(web.snapshot())).isEqualTo(withoutPreviews(before));

    // only the uploader's press applies it
    assertThat(web.press(bobInWeb, button(preview, "Apply")).plainText())
        .contains("Only the member who uploaded that file can apply it");
    assertThat(withoutPreviews(web.snapshot())).isEqualTo(withoutPreviews(before));

    assertThat(web.press(anaInWeb, button(preview, "Apply")).plainText())
        .contains("is now version 2");

    // html-page stays done (now under new words), css-layout left the stage but stays in history
    Map<String, Integer> done = new HashMap<>();
    general
        .dsl()
        .selectFrom(OBJECTIVE_DONE)
        .where(OBJECTIVE_DONE.ROADMAP_ID.eq(webRoadmap))
        .forEach(r -> done.put(r.getObjectiveId(), r.getObjective()));
    assertThat(done).containsEntry("html-page", 1).containsEntry("css-layout", null);
    assertThat(points(ana, webRoadmap)).isEqualTo(20);
    String status = web.say(anaInWeb, "status").plainText();
    assertThat(status).contains("1 of 4 objectives across the roadmap");
    assertThat(web.say(anaInWeb, "stage").plainText())
        .contains("Check the page with a screen reader");
    assertThat(web.say(anaInWeb, "roadmap").plainText()).contains("version 2");
  }

  private static Map<String, List<String>> withoutPreviews(TableSnapshot snapshot) {
    Map<String, List<String>> rows = new HashMap<>(snapshot.rows());
    rows.remove("roadmap_preview");
    return rows;
  }

  @Test
  void aUploadFromADirectMessageIsUsedOnAChannelAfterALeadConfirms() {
    Caller anaInDm = ana.inDirectMessage();
    Reply preview = sayWith(anaInDm, "roadmap upload", upload("web.yaml", TestRoadmaps.webV1()));
    assertThat(general.press(anaInDm, button(preview, "Apply")).plainText())
        .contains("stored in this workspace");
    assertThat(web.say(anaInWeb, "roadmap").plainText()).contains("#web follows");

    Reply ask = web.say(anaInWeb, "roadmap use web-dev");
    assertThat(ask.plainText()).contains("Switch #web");
    assertThat(web.press(bobInWeb, button(ask, "Switch to web-dev")).plainText())
        .contains("Only a lead");
    assertThat(web.say(bobInWeb, "status").plainText()).contains("Stage 1 of 15");

    web.press(anaInWeb, button(ask, "Switch to web-dev"));
    assertThat(web.say(bobInWeb, "status").plainText()).contains("Stage 1 of 2");
    web.say(bobInWeb, "done 1");

    // back to the deployment's roadmap, and forth again: bob's web journey resumes
    web.press(
        anaInWeb, button(web.say(anaInWeb, "roadmap use ml-engineer"), "Switch to ml-engineer"));
    assertThat(web.say(bobInWeb, "status").plainText()).contains("Stage 1 of 15");
    web.press(anaInWeb, button(web.say(anaInWeb, "roadmap use web-dev"), "Switch to web-dev"));
    assertThat(web.say(bobInWeb, "stage").plainText()).contains("✅");
  }

  @Test
  void theUploaderExportsTheirRoadmapsAndErasingThemKeepsTheRoadmapWithoutTheirName()
      throws Exception {
    webFollowsItsOwnRoadmap();

    Reply export = general.say(ana, "export");
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(export.attachment().orElseThrow().bytes());
    assertThat(json.get("roadmaps_uploaded").toString())
        .contains("web-dev")
        .contains("uploaded")
        .contains("chosen for the channel");
    assertThat(json.get("journeys")).hasSize(2);

    Reply ask = general.say(ana, "forget-me");
    general.press(ana, ask.buttons().getFirst().actionId());

    var roadmap = general.dsl().selectFrom(ROADMAP).where(ROADMAP.KEY.eq("web-dev")).fetchSingle();
    assertThat(roadmap.getUploadedBy()).isNull();
    assertThat(web.say(bobInWeb, "roadmap").plainText())
        .contains("#web follows Web development")
        .contains("Chosen by a former member");
  }

  @Test
  void anotherWorkspacesRoadmapIsAnsweredLikeAnUnknownOne() {
    Caller elsewhere =
        new Caller(
            anaInWeb.platform(),
            "other-workspace",
            "Other",
            anaInWeb.origin(),
            "zed",
            "zed",
            false,
            Optional.empty(),
            Optional.empty());
    general.say(elsewhere, "start");
    Reply preview = sayWith(elsewhere, "roadmap upload", upload("web.yaml", TestRoadmaps.webV1()));
    general.press(elsewhere, button(preview, "Apply"));

    String unknown = web.say(anaInWeb, "roadmap use web-dev").plainText();

    assertThat(unknown)
        .isEqualTo(
            web.say(anaInWeb, "roadmap use no-such-roadmap")
                .plainText()
                .replace("no-such-roadmap", "web-dev"));
    assertThat(unknown).contains("This workspace has no roadmap");
  }
}
