package io.roadmapcoach.core.cohort;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One member, one journey, any number of channels. */
@ExtendWith(PostgresExtension.class)
class CohortServiceTest {
  private CoachFixture general;
  private CoachFixture study;
  private Caller ana;
  private Caller anaInStudy;

  @BeforeEach
  void anaInGeneral() {
    general = CoachFixture.builtIn();
    study = general.in("study-group");
    ana = general.caller("ana", "Europe/Berlin");
    anaInStudy = study.caller("ana", "Europe/Berlin");
    general.say(ana, "start");
  }

  private String board(CoachFixture where, Caller who, String period) {
    return where.say(who, "leaderboard " + period).plainText();
  }

  @Test
  void aSecondChannelJoinsWithTheProgressOneHas() {
    general.say(ana, "done 1");

    Reply joined = study.say(anaInStudy, "start");

    assertThat(joined.plainText())
        .contains("You joined #study-group; your progress comes with you: stage 1 of 15");
    assertThat(general.events(ana)).extracting(e -> e.getKind()).containsOnlyOnce("enrolled");
  }

  @Test
  void pointsCountOnEveryBoardOnceWhereverTheyAreEarned() {
    general.say(ana, "done 1");
    study.say(anaInStudy, "start");

    study.say(anaInStudy, "done 2");

    for (CoachFixture where : List.of(general, study)) {
      Caller here = where.caller("ana", "Europe/Berlin");
      assertThat(board(where, here, "all")).contains("ana").contains("20");
      assertThat(board(where, here, "week")).contains("ana").contains("20");
    }
    assertThat(general.enrollment(ana).getPoints()).isEqualTo(20);
  }

  @Test
  void startingTwiceInOneChannelChangesNothing() {
    TableSnapshot before = general.snapshot();

    assertThat(general.say(ana, "start").plainText()).contains("You are already in #general");
    assertThat(general.snapshot()).isEqualTo(before);
  }

  @Test
  void leavingKeepsProgressAndRejoiningBringsItBack() {
    study.say(anaInStudy, "start");
    general.say(ana, "done 1");

    assertThat(study.say(anaInStudy, "leave").plainText())
        .contains("You left #study-group. Your progress is kept: stage 1 of 15");
    assertThat(board(study, anaInStudy, "all")).doesNotContain("ana ");
    assertThat(study.say(anaInStudy, "start").plainText()).contains("You joined #study-group");
    assertThat(board(study, anaInStudy, "all")).contains("ana").contains("10");
  }

  @Test
  void leavingAChannelOneIsNotInChangesNothing() {
    study.say(anaInStudy, "settings"); // the channel is known, as after any earlier command there
    TableSnapshot before = general.snapshot();

    assertThat(study.say(anaInStudy, "leave").plainText())
        .contains("You are not in #study-group, so there is nothing to leave");
    assertThat(general.snapshot()).isEqualTo(before);
  }

  @Test
  void theLastNamedLeadCannotBeUnledByThemselvesOrAnAdmin() {
    Caller admin = general.admin("boss");
    general.say(admin, "tz UTC"); // known (a setting of theirs; reading stores nobody)
    TableSnapshot before = general.snapshot();

    assertThat(general.say(ana, "unlead @ana").plainText())
        .contains("Name another lead first: /roadmap lead @member");
    assertThat(general.say(admin, "unlead @ana").plainText()).contains("Name another lead first");
    assertThat(general.snapshot()).isEqualTo(before);
  }

  @Test
  void whenTheLastLeadLeavesTheEarliestMemberLeadsAndIsTold() {
    Caller bob = general.caller("bob");
    Caller cy = general.caller("cy");
    general.say(bob, "start");
    general.after(java.time.Duration.ofMinutes(1)).say(cy, "start");

    general.say(ana, "leave");

    assertThat(general.say(bob, "team").plainText()).contains("bob (lead)");
    List<Delivery> sent = general.deliver();
    assertThat(sent)
        .anySatisfy(
            d ->
                assertThat(d.reply().plainText())
                    .contains("ana left #general and you have been in it longest"));
  }

  @Test
  void homeDecidesWhereDirectMessagesActAndRefusesAChannelOneIsNotIn() {
    study.say(anaInStudy, "start");
    TableSnapshot before = general.snapshot();

    assertThat(general.say(ana, "home #nowhere").plainText())
        .contains("You are not in #nowhere. Your channels: #general, #study-group.");
    assertThat(general.snapshot()).isEqualTo(before);

    assertThat(general.say(ana, "home #study-group").plainText())
        .contains("#study-group is your home channel now");
    assertThat(general.say(ana.inDirectMessage(), "settings").plainText())
        .contains("Settings of #study-group");
  }

  @Test
  void leavingEveryChannelStopsTheNudges() {
    general.say(ana, "leave");

    general.tick("2026-03-03T08:00:00Z"); // 09:00 in Berlin, a Tuesday

    assertThat(general.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("nudge"))).isZero();
  }

  @Test
  void aMemberInTwoChannelsGetsOneNudge() {
    study.say(anaInStudy, "start");

    List<Delivery> sent = general.tick("2026-03-03T08:00:00Z");

    assertThat(sent).filteredOn(d -> d.reply().plainText().contains("Next:")).hasSize(1);
  }

  @Test
  void finishingAStageIsAnnouncedInEachOfTheMembersChannels() {
    study.say(anaInStudy, "start");
    general.finishStage(ana);

    List<Delivery> sent = general.deliver();

    assertThat(sent)
        .filteredOn(d -> d.target() instanceof Delivery.ChannelPost)
        .extracting(d -> ((Delivery.ChannelPost) d.target()).channelName())
        .containsExactlyInAnyOrder("general", "study-group");
    assertThat(sent).allSatisfy(d -> assertThat(d.reply().plainText()).contains("ana finished"));
  }

  @Test
  void aHiddenMembersStageIsNotAnnounced() {
    general.say(ana, "leaderboard hide");
    general.finishStage(ana);

    assertThat(general.deliver()).noneMatch(d -> d.target() instanceof Delivery.ChannelPost);
  }

  @Test
  void settingsAreForEveryoneToRead() {
    Caller bob = general.caller("bob");
    general.say(bob, "start");

    String settings = general.say(bob, "settings").plainText();

    assertThat(settings)
        .contains("Europe/Berlin")
        .contains("Fridays at 15:00")
        .contains("09:00 Europe/Berlin, weekdays")
        .contains("ana");
    assertThat(general.say(bob, "quiz-day").plainText()).contains("Fridays at 15:00");
  }
}
