package io.roadmapcoach.core.post;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.ChannelAccess;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A study group's daily post: honest, on the channel's own clock, never naming anyone behind. */
@ExtendWith(PostgresExtension.class)
class ChannelPostTest {
  private CoachFixture f;
  private Caller ana;
  private Caller bob;
  private Caller cy;

  @BeforeEach
  void aBerlinStudyGroup() {
    f = CoachFixture.builtIn();
    ana = f.caller("ana", "Europe/Berlin");
    bob = f.caller("bob", "UTC");
    cy = f.caller("cy", "UTC");
    f.say(ana, "start"); // the channel takes ana's zone
    f.say(bob, "start");
    f.say(cy, "start");
    f.say(bob, "remind channel");
  }

  private Optional<Delivery> postIn(List<Delivery> sent) {
    return sent.stream().filter(d -> d.target() instanceof Delivery.ChannelPost).findFirst();
  }

  @Test
  void thePostComesAtNineInTheChannelsZoneNotTheServers() {
    // Tuesday 3 March: 08:00 UTC is 09:00 in Berlin
    assertThat(postIn(f.tick("2026-03-03T07:59:00Z"))).isEmpty();
    assertThat(postIn(f.tick("2026-03-03T08:00:00Z"))).isPresent();
  }

  @Test
  void itNamesWhatHappenedAndMentionsOnlyThoseWhoseNudgeItIs() {
    f.at("2026-03-02T15:00:00Z").say(cy, "done 1");

    Delivery post = postIn(f.tick("2026-03-03T08:00:00Z")).orElseThrow();

    String text = post.reply().plainText();
    assertThat(text).contains("cy: 1 objective").contains("bob: objective 1 of stage 1");
    assertThat(text).doesNotContain("Quiet").doesNotContain("behind");
    List<Span.Mention> mentions =
        post.reply().blocks().stream()
            .filter(Block.Section.class::isInstance)
            .flatMap(b -> ((Block.Section) b).text().spans().stream())
            .filter(Span.Mention.class::isInstance)
            .map(Span.Mention.class::cast)
            .toList();
    assertThat(mentions).extracting(Span.Mention::text).containsExactly("bob");
  }

  @Test
  void aSnoozedMemberIsLeftOutAndAQuietDayHasNoPost() {
    f.say(bob, "snooze 3d");

    assertThat(postIn(f.tick("2026-03-03T08:00:00Z"))).isEmpty();
  }

  @Test
  void leadsSetThePostTimeAndDaysInTheChannelsZone() {
    assertThat(f.say(ana, "post at 07:30").plainText())
        .contains("daily post goes out at 07:30 Europe/Berlin, weekdays");
    assertThat(f.say(bob, "status").plainText())
        .contains("in #general's daily post at 07:30 Europe/Berlin");

    assertThat(postIn(f.tick("2026-03-03T06:30:00Z"))).isPresent();
  }

  @Test
  void aPostTurnedOffDoesNotCome() {
    f.say(ana, "post off");

    assertThat(postIn(f.tick("2026-03-03T08:00:00Z"))).isEmpty();
  }

  /** What bob got on each weekday morning from {@code days}: "named", "goodbye" or "". */
  private List<String> bobsMornings(String... days) {
    List<String> got = new ArrayList<>();
    for (String day : days) {
      List<Delivery> sent = f.tick(day + "T08:00:00Z");
      boolean named =
          postIn(sent).map(p -> p.reply().plainText()).filter(t -> t.contains("• bob")).isPresent();
      boolean goodbye =
          sent.stream()
              .anyMatch(
                  d ->
                      d.target() instanceof Delivery.Direct to
                          && to.memberName().equals("bob")
                          && d.reply().plainText().contains("I'll stop nudging you for now"));
      got.add(named ? "named" : goodbye ? "goodbye" : "");
    }
    return got;
  }

  @Test
  void aMemberNamedInFivePostsWithoutProgressIsToldByDmAndNotNamedAgain() {
    List<String> got =
        bobsMornings(
            "2026-03-03",
            "2026-03-04",
            "2026-03-05",
            "2026-03-06",
            "2026-03-09",
            "2026-03-10",
            "2026-03-11");

    assertThat(got).containsExactly("named", "named", "named", "named", "named", "goodbye", "");
    assertThat(f.say(bob, "status").plainText())
        .contains("Next post naming you: none: paused after five nudges in a row went unanswered");
    assertThat(f.say(ana, "team").plainText()).contains("bob · stage 1").contains("nudges paused");
  }

  @Test
  void aPausedMemberIsNamedAgainAfterRemindOnOrProgress() {
    bobsMornings(
        "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10");

    f.at("2026-03-10T12:00:00Z").say(bob, "remind on");

    assertThat(bobsMornings("2026-03-11")).containsExactly("named");
  }

  @Test
  void thePostNeverSaysWhoIsPaused() {
    f.say(cy, "remind channel");
    List<String> posts = new ArrayList<>();
    List<String> days =
        List.of("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09");
    for (int i = 0; i < days.size(); i++) {
      f.tick(days.get(i) + "T08:00:00Z");
      // cy answers every post (three objectives, then quiz answers); bob never does
      f.at(days.get(i) + "T12:00:00Z");
      if (i < 3) {
        f.say(cy, "done " + (i + 1));
      } else {
        f.takeQuiz(cy, 2);
      }
    }
    postIn(f.tick("2026-03-10T08:00:00Z")).ifPresent(p -> posts.add(p.reply().plainText()));

    assertThat(posts).singleElement().asString().doesNotContain("bob").doesNotContain("paus");
  }

  @Test
  void badPostSettingsNameTheRightFormAndChangeNothing() {
    var before = f.snapshot();

    assertThat(f.say(ana, "post at 25:00").plainText()).contains("25:00 is not a time; try");
    assertThat(f.say(ana, "post days someday").plainText()).contains("/roadmap post days weekdays");
    assertThat(f.say(bob, "post at 08:00").plainText())
        .contains("Only leads of #general and workspace admins can use /roadmap post at");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void turningThePostOnWhenItIsOnSaysSoAndChangesNothing() {
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "post on").plainText())
        .startsWith("☀️ #general's daily post is on already: 09:00 Europe/Berlin, weekdays.");
    assertThat(f.snapshot()).isEqualTo(before);
    f.say(ana, "post off");
    assertThat(f.say(ana, "post off").plainText())
        .startsWith("🔕 #general's daily post is off already; /roadmap post on brings it back.");
  }

  @Test
  void theBotIsAskedWhetherItMayPostOnlyOnceThePostIsStored() {
    List<Boolean> storedWhenAsked = new ArrayList<>();
    f.core().deliveries().register(new AskedAboutTheChannel(storedWhenAsked));
    f.say(ana, "post off");

    Reply reply = f.say(ana, "post on");

    assertThat(storedWhenAsked)
        .as("the post was on for everyone else when the platform was asked")
        .containsExactly(true);
    assertThat(reply.plainText())
        .as("the answer still tells the lead what the platform said")
        .contains("daily post goes out at")
        .contains("I'm not in #general yet");
  }

  /**
   * A platform that was never told about the channel, and notes whether the channel's post was on,
   * as another connection sees it (committed), at the moment it is asked.
   */
  private static final class AskedAboutTheChannel implements Messenger {
    private final List<Boolean> storedWhenAsked;

    AskedAboutTheChannel(List<Boolean> storedWhenAsked) {
      this.storedWhenAsked = storedWhenAsked;
    }

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      return DeliveryResult.Sent.plain();
    }

    @Override
    public Optional<ChannelAccess> access(String workspace, String channel) {
      storedWhenAsked.add(
          CompletableFuture.supplyAsync(
                  () ->
                      TestDatabase.dsl()
                          .fetchValue(
                              DSL.select(CHANNEL.POST_ENABLED)
                                  .from(CHANNEL)
                                  .where(CHANNEL.EXTERNAL_ID.eq(channel))))
              .join());
      return Optional.of(ChannelAccess.notInvited());
    }
  }
}
