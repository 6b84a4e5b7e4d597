package io.roadmapcoach.core.curriculum;

import static io.roadmapcoach.core.curriculum.TestRoadmaps.upload;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.quiz.RoadmapCheck;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Strictness;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A roadmap without questions: the file passes, its preview says there is no quiz, {@code quiz} on
 * it answers so, {@code next} needs the objectives only, and the weekly quiz neither invites nor
 * calls out the members whose home journey is on it (while it still does on a roadmap with one).
 */
@ExtendWith(PostgresExtension.class)
class RoadmapWithoutQuizTest {
  private static final String FILE = TestRoadmaps.withoutQuestions("reading", 2, 2);

  private final CoachFixture general = CoachFixture.builtIn();
  private final CoachFixture club = general.in("club");
  private final Caller ana = club.caller("ana");
  private final Caller carl = general.caller("carl");
  private Reply preview;

  @BeforeEach
  void anaPutsHerClubOnARoadmapWithoutQuestions() {
    club.say(ana, "start"); // the first member of #club leads it, and it is her home
    general.say(carl, "start");
    preview =
        general.coach().handleText(ana, "roadmap upload", Optional.of(upload("r.yaml", FILE)));
  }

  private void apply() {
    assertThat(club.press(ana, TestRoadmaps.applyButton(preview)).plainText())
        .contains("#club now follows it");
  }

  @Test
  void aFileWithoutAnyQuestionPassesTheStrictCheckAndItsPreviewSaysThereIsNoQuiz() {
    assertThat(
            new RoadmapCheck(Strictness.STRICT)
                .check(RoadmapSource.uploaded("r.yaml", FILE.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(RoadmapCheck.Valid.class);
    assertThat(preview.plainText())
        .contains("Preview: A roadmap of 2 stages")
        .contains(
            "No quiz: this file has no questions, so /roadmap next needs the objectives only");
  }

  @Test
  void quizOnItAnswersClearlyAndNextNeedsTheObjectivesOnly() {
    apply();

    assertThat(club.say(ana, "quiz").plainText()).contains("there is no quiz here");
    assertThat(club.say(ana, "next").plainText()).doesNotContain("Stage 2");
    club.say(ana, "done 1");
    club.say(ana, "done 2");
    club.say(ana, "next");

    assertThat(club.say(ana, "status").plainText()).contains("Stage 2 of 2");
  }

  @Test
  void theWeeklyQuizIsNeitherPromisedNorSentWhereTheHomeJourneyHasNoQuiz() {
    apply();
    club.say(ana, "done 1");
    general.say(carl, "done 1");

    assertThat(club.say(ana, "status").plainText()).contains("#club's roadmap has no quiz");
    Instant at = general.now();
    for (int hour = 0; hour < 24 * 8; hour++) {
      at = at.plus(Duration.ofHours(1));
      general.tick(at.toString());
    }

    assertThat(quizInvitationsTo(ana)).isZero();
    assertThat(callOutsIn("club")).isZero();
    // the roadmap with a quiz still has its weekly quiz: the same week, the other channel
    assertThat(quizInvitationsTo(carl) + callOutsIn(CoachFixture.GENERAL)).isPositive();
  }

  private int quizInvitationsTo(Caller caller) {
    return general
        .dsl()
        .fetchCount(
            OUTBOX,
            OUTBOX.KIND.eq(DeliveryKind.QUIZ.key()),
            OUTBOX.MEMBER_ID.eq(general.memberId(caller)));
  }

  private int callOutsIn(String channel) {
    return general
        .dsl()
        .fetchCount(
            OUTBOX,
            OUTBOX.KIND.eq(DeliveryKind.CHANNEL_QUIZ.key()),
            OUTBOX.CHANNEL_ID.eq(general.channelId(channel)));
  }
}
