package io.roadmapcoach.core.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import java.util.Optional;
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
}
