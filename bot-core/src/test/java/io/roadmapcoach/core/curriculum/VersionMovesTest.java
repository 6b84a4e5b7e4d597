package io.roadmapcoach.core.curriculum;

import static io.roadmapcoach.core.curriculum.TestRoadmaps.upload;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * New versions move members off removed stages: an uploaded roadmap's (the member is put on the
 * stage now in its place and told) and the deployment's file changed between two starts (journeys
 * carried by objective id, as a new version of the same roadmap, not a new roadmap).
 */
@ExtendWith(PostgresExtension.class)
class VersionMovesTest {

  @Test
  void aMemberWhoseStageIsGoneIsPutOnTheNearestStageAndTold() {
    CoachFixture general = CoachFixture.builtIn();
    CoachFixture web = general.in("web");
    Caller ana = web.caller("ana");
    Caller bob = web.caller("bob");
    web.say(ana, "start"); // leads #web
    web.say(bob, "start");
    apply(web, ana, TestRoadmaps.withStages("steps", List.of("s1", "s2", "s3", "s4")));
    web.say(ana, "set-stage @bob 2");
    web.say(bob, "done 1"); // s2-a
    web.deliver();

    apply(web, ana, TestRoadmaps.withStages("steps", List.of("s3", "s4")));

    List<String> toBob =
        web.deliver().stream()
            .filter(
                d ->
                    d.target() instanceof Delivery.Direct direct
                        && direct.memberExternalId().equals(bob.userId()))
            .map(d -> d.reply().plainText())
            .toList();
    assertThat(toBob)
        .singleElement()
        .asString()
        .contains("Your stage, Stage s2, is gone: you are now on stage 1, Stage s3.");
    assertThat(web.say(bob, "status").plainText()).contains("Stage 1 of 2");
    // what he did on the removed stage stays in his history, off the roadmap
    assertThat(
            general
                .dsl()
                .select(OBJECTIVE_DONE.STAGE)
                .from(OBJECTIVE_DONE)
                .where(
                    OBJECTIVE_DONE.MEMBER_ID.eq(general.memberId(bob)),
                    OBJECTIVE_DONE.OBJECTIVE_ID.eq("s2-a"))
                .fetchSingle(OBJECTIVE_DONE.STAGE))
        .isNull();
  }

  private static void apply(CoachFixture f, Caller lead, String yaml) {
    Reply preview =
        f.coach().handleText(lead, "roadmap upload", Optional.of(upload("steps.yaml", yaml)));
    assertThat(f.press(lead, TestRoadmaps.applyButton(preview)).plainText())
        .containsAnyOf("now follows it", "now version");
  }

  @Test
  void aChangedDeploymentFileIsANewVersionThatCarriesJourneysByObjectiveId(DSLContext dsl) {
    String v1 = TestRoadmaps.withStages("team-path", List.of("s1", "s2", "s3"));
    // s1 removed, s3 before s2: the objectives move, their ids stay
    String v2 = TestRoadmaps.withStages("team-path", List.of("s3", "s2"));
    Caller lead = CoachFixture.onDiscord("srv", "lead", "study");
    Caller bo = CoachFixture.onDiscord("srv", "bo", "study");
    Caller cy = CoachFixture.onDiscord("srv", "cy", "study");

    Core first = deployment(dsl, v1);
    first.coach().handleText(lead, "start");
    first.coach().handleText(bo, "start");
    first.coach().handleText(cy, "start");
    first.coach().handleText(lead, "set-stage <@bo> 2");
    first.coach().handleText(bo, "done 2"); // s2-b, at stage 2 objective 2
    first.coach().handleText(cy, "done 1"); // s1-a, on the stage that goes

    Core second = deployment(dsl, v2);

    assertThat(dsl.fetchCount(io.roadmapcoach.db.schema.Tables.ROADMAP)).isEqualTo(1);
    assertThat(second.coach().handleText(bo, "status").plainText()).contains("Stage 2 of 2");
    assertThat(stageOf(dsl, "bo")).isEqualTo(2);
    assertThat(
            dsl.select(OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
                .from(OBJECTIVE_DONE)
                .where(OBJECTIVE_DONE.OBJECTIVE_ID.eq("s2-b"))
                .fetchSingle()
                .intoArray())
        .containsExactly(2, 2);
    // cy's stage is gone: on the stage now in its place, and told
    assertThat(stageOf(dsl, "cy")).isEqualTo(1);
    assertThat(
            dsl.select(OUTBOX.PAYLOAD.cast(String.class))
                .from(OUTBOX)
                .join(MEMBER)
                .on(MEMBER.ID.eq(OUTBOX.MEMBER_ID))
                .where(MEMBER.EXTERNAL_ID.eq("cy"), OUTBOX.KIND.eq(DeliveryKind.NOTICE.key()))
                .fetch(r -> r.value1()))
        .singleElement()
        .asString()
        .contains("Your stage, Stage s1, is gone: you are now on stage 1, Stage s3.");
    assertThat(
            dsl.select(io.roadmapcoach.db.schema.Tables.ROADMAP.VERSION)
                .from(io.roadmapcoach.db.schema.Tables.ROADMAP)
                .where(io.roadmapcoach.db.schema.Tables.ROADMAP.ID.eq(RoadmapLibrary.DEPLOYMENT))
                .fetchSingle()
                .value1())
        .isEqualTo(2);
  }

  private static int stageOf(DSLContext dsl, String externalId) {
    return dsl.select(JOURNEY.STAGE)
        .from(JOURNEY)
        .join(MEMBER)
        .on(MEMBER.ID.eq(JOURNEY.MEMBER_ID))
        .where(MEMBER.EXTERNAL_ID.eq(externalId), JOURNEY.ROADMAP_ID.eq(RoadmapLibrary.DEPLOYMENT))
        .fetchSingle(JOURNEY.STAGE);
  }

  /** A start of the coach whose deployment runs this file. */
  private static Core deployment(DSLContext dsl, String yaml) {
    RoadmapSource source =
        RoadmapSource.uploaded("roadmap.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    Roadmap roadmap = new RoadmapLoader().load(source);
    QuizBank bank = new QuizBankLoader().load(source, roadmap);
    return Core.builder(dsl, roadmap, bank)
        .roadmapFile("roadmap.yaml", yaml)
        .clock(TestClock.at(CoachFixture.MONDAY_MORNING))
        .random(new Random(1))
        .build();
  }
}
