package io.roadmapcoach.slack.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member away on Slack (a palm tree, "On vacation") gets no nudge, and the day keeps their
 * streak. Their status comes from users.info when they use /roadmap, and from {@code user_change}
 * events in between; the nudge looks at what was kept, never at Slack. Ana in Berlin starts on
 * Monday 2 March 2026 (and, where a streak matters, checks an objective off); her nudge is at 09:00
 * Berlin (08:00 UTC).
 */
@ExtendWith(PostgresExtension.class)
class AwayStatusEndToEndTest {
  private static final Instant TUESDAY_NINE_BERLIN = Instant.parse("2026-03-03T08:00:00Z");
  private static final Instant WEDNESDAY_NINE_BERLIN = Instant.parse("2026-03-04T08:00:00Z");

  private SlackHarness slack;

  @BeforeEach
  void start(DSLContext dsl) {
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false);
    slack.core.deliveries().register(slack.adapter.messenger());
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  /** The nudges Slack was asked to post, as the text of their blocks. */
  private List<String> nudgesAt(Instant minute) {
    slack.fake.clear();
    slack.clock.set(minute);
    slack.core.tick(minute);
    return slack.fake.calls("chat.postMessage").stream()
        .map(c -> c.params().get("blocks"))
        .toList();
  }

  private static String userChange(String emoji, String text) {
    return "{\"type\":\"user_change\",\"user\":{\"id\":\"U1\",\"team_id\":\""
        + FakeSlack.TEAM
        + "\",\"name\":\"ana\",\"profile\":{\"display_name\":\"Ana\",\"status_emoji\":\""
        + emoji
        + "\",\"status_text\":\""
        + text
        + "\",\"status_expiration\":0}},\"cache_ts\":1700000000,\"event_ts\":\"1700000000.000100\"}";
  }

  @Test
  void aStatusFromUsersInfoSkipsTheNudgeAndTheDayKeepsTheStreak() {
    slack.fake.status("U1", ":palm_tree:", "Vacationing");
    slack.command("U1", "start");
    slack.command("U1", "done 2"); // Monday's progress (joining is none): a 1-day streak
    slack.command("U1", "post off"); // no daily post celebrating it among the nudges
    slack.command("U1", "status");

    assertThat(nudgesAt(TUESDAY_NINE_BERLIN)).isEmpty();

    slack.event("EvBack1", userChange("", ""), null);
    List<String> wednesday = nudgesAt(WEDNESDAY_NINE_BERLIN);

    assertThat(wednesday).hasSize(1);
    // Tuesday neither broke the streak nor spent the week's freeze
    assertThat(wednesday.getFirst()).contains("1-day streak. A freeze covers one missed day");
  }

  @Test
  void aUserChangeEventSaysWhenAMemberGoesAwayAndComesBack() {
    slack.command("U1", "start");

    assertThat(slack.event("EvAway", userChange(":calendar:", "Out of office"), null).statusCode())
        .isEqualTo(200);
    assertThat(nudgesAt(TUESDAY_NINE_BERLIN)).isEmpty();

    slack.event("EvBack2", userChange(":coffee:", "Back at my desk"), null);
    assertThat(nudgesAt(WEDNESDAY_NINE_BERLIN)).hasSize(1);
  }

  @Test
  void withoutAnAwayStatusTheMissedDaySpendsTheFreeze() {
    slack.command("U1", "start");
    slack.command("U1", "done 2"); // Monday's progress (joining is none): a 1-day streak
    slack.command("U1", "post off"); // no daily post celebrating it among the nudges
    slack.event("EvBusy", userChange(":spiral_calendar_pad:", "In meetings"), null);

    assertThat(nudgesAt(TUESDAY_NINE_BERLIN)).hasSize(1);
    assertThat(nudgesAt(WEDNESDAY_NINE_BERLIN).getFirst())
        .contains("streak breaks if you skip today");
  }
}
