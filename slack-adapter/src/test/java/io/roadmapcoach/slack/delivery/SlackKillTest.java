package io.roadmapcoach.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryOutcome;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.testing.KillDrill;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.install.SlackTokens;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances deliver 500 nudges due at one minute into the fake Slack, which answers every call
 * after 300 ms and refuses what Slack's published limits refuse (history one call a minute and 15
 * messages a call, posts one a second per channel); one instance is killed half a second in ({@link
 * KillDrill}). What each setting of {@code SLACK_DELIVERY_CHECK} then costs is what docs/slack.md
 * states; every figure printed here is one of its rows.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(200)
class SlackKillTest {
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  /** 23:59 on Tuesday in every one of these zones: each member's midnight is a minute later. */
  private static final Instant TUESDAY_2359_IN_CET = Instant.parse("2026-03-03T22:59:00Z");

  private static final List<ZoneId> ONE_HOUR_EAST =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Europe/Paris"),
          ZoneId.of("Africa/Lagos"),
          ZoneId.of("Etc/GMT-1"));

  private static final Duration GOAL = Duration.ofMinutes(5);

  private final FakeSlack fake = new FakeSlack().delay(Duration.ofMillis(300)).publishedLimits();
  private KillDrill drill;

  @AfterEach
  void stop() {
    if (drill != null) {
      drill.close();
    }
    fake.close();
  }

  /** Slack as each instance reaches it: a client and messenger of its own, on the drill's clock. */
  private KillDrill.Target slack(SlackDelivery.Check check, String scopes) {
    fake.scopes(scopes);
    return new KillDrill.Target() {
      @Override
      public Platform platform() {
        return Platform.SLACK;
      }

      @Override
      public String workspace() {
        return FakeSlack.TEAM;
      }

      @Override
      public String member(int n) {
        return String.format("U%04d", n);
      }

      @Override
      public String dmChannel(int n) {
        return "D" + member(n);
      }

      @Override
      public Messenger messenger(String name, Clock clock) {
        return new SlackMessenger(
            new SlackClients(
                SlackClients.webApi(fake.apiUrl()),
                SlackTokens.single(
                    FakeSlack.TEAM,
                    SlackHarness.TOKEN,
                    SlackTokens.scopesIn(Map.of("x-oauth-scopes", List.of(scopes))))),
            SlackMessenger.channelPacer(),
            new SlackDelivery(
                check, FakeSlack.HISTORY_CALLS_PER_MINUTE, FakeSlack.HISTORY_MESSAGES),
            clock);
      }
    };
  }

  private KillDrill.Report drill(
      SlackDelivery.Check check, String scopes, Instant minute, List<ZoneId> zones) {
    drill = new KillDrill(slack(check, scopes), minute, zones);
    fake.clock(drill.clock());
    KillDrill.Report report = drill.run();
    System.out.printf(
        "Slack, SLACK_DELIVERY_CHECK=%s, %s, due %s: %s; %d doubled, %d lost, last nudge %s after its"
            + " minute; most posts Slack answered at once %d; history calls %d; refused for"
            + " limits %d; connections opened %d for %d calls%n",
        check,
        scopes.contains("im:history") ? "history scopes" : "no history scopes",
        minute,
        report,
        doubled(),
        KillDrill.MEMBERS - nudgedMembers(),
        lastPostAfter(minute),
        fake.mostPostsAtOnce(),
        fake.calls("conversations.history").size(),
        fake.refusedForLimits(),
        fake.connectionsOpened(),
        fake.calls().size());
    return report;
  }

  /** Members in UTC, due at nine. */
  private KillDrill.Report drillAtNine(SlackDelivery.Check check, String scopes) {
    return drill(check, scopes, TUESDAY_NINE, List.of(ZoneId.of("UTC")));
  }

  @Test
  void withTheCheckOnNoNudgeIsDoubledOrLostAndTheLastIsWithinFiveMinutes() {
    KillDrill.Report report = drillAtNine(SlackDelivery.Check.AUTO, FakeSlack.HISTORY_SCOPES);

    assertOnceEachWithinTheGoal(report);
    assertThat(report.survivorCounts().total(DeliveryOutcome.UNCONFIRMED)).isZero();
    assertThat(fake.calls("conversations.history").size())
        .as("one look-up per conversation in doubt, and no more")
        .isLessThanOrEqualTo(report.foundInDoubt().size());
  }

  @Test
  void acrossTheMembersMidnightNoNudgeIsDoubledOrLost() {
    KillDrill.Report report =
        drill(
            SlackDelivery.Check.AUTO, FakeSlack.HISTORY_SCOPES, TUESDAY_2359_IN_CET, ONE_HOUR_EAST);

    assertOnceEachWithinTheGoal(report);
    assertThat(report.rowsByStatus())
        .as("no nudge for Wednesday: their reminder is at 23:59")
        .containsOnlyKeys("sent")
        .containsEntry("sent", KillDrill.MEMBERS);
  }

  /**
   * With the check off (or no history scopes) a crash repeats at most the posts on the wire: the
   * bound, not the worker's window. This and the two below are the other rows of docs/slack.md's
   * table, each a minute of the build's time: run them with {@code -DkillDrill.everySetting=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "killDrill.everySetting", matches = "true")
  void withTheCheckOffACrashRepeatsAtMostThePostsThatWereOnTheWire() {
    KillDrill.Report report = drillAtNine(SlackDelivery.Check.OFF, FakeSlack.HISTORY_SCOPES);

    assertThat(nudgedMembers()).as("nobody is left without a nudge").isEqualTo(KillDrill.MEMBERS);
    assertThat(doubled())
        .isLessThanOrEqualTo(report.foundInDoubt().size())
        .isLessThanOrEqualTo(SlackDelivery.DEFAULT.postsOnTheWire());
    assertThat(fake.calls("conversations.history")).isEmpty();
    assertThat(lastPostAfter(TUESDAY_NINE)).isLessThanOrEqualTo(GOAL);
  }

  /**
   * Without the history scopes: {@code auto} posts again unchecked; {@code on} looks up, is refused
   * ({@code missing_scope}), and posts again.
   */
  @ParameterizedTest
  @EnumSource(names = {"AUTO", "ON"})
  @EnabledIfSystemProperty(named = "killDrill.everySetting", matches = "true")
  void withoutTheHistoryScopesACrashRepeatsAtMostThePostsThatWereOnTheWire(
      SlackDelivery.Check check) {
    KillDrill.Report report = drillAtNine(check, FakeSlack.BASE_SCOPES);

    assertThat(nudgedMembers()).isEqualTo(KillDrill.MEMBERS);
    assertThat(doubled()).isLessThanOrEqualTo(report.foundInDoubt().size());
  }

  /** Every member nudged once, the last within the goal, and only what was on the wire in doubt. */
  private void assertOnceEachWithinTheGoal(KillDrill.Report report) {
    assertEveryMemberGotExactlyOneNudge();
    assertThat(lastPostAfter(report.minute())).isLessThanOrEqualTo(GOAL);
    assertWhatWasInDoubtWasOnlyWhatWasOnTheWire(report);
  }

  private void assertEveryMemberGotExactlyOneNudge() {
    assertThat(nudgedMembers()).as("members nudged").isEqualTo(KillDrill.MEMBERS);
    assertThat(doubled()).as("members nudged twice").isZero();
    assertThat(drillPosts()).hasSize(KillDrill.MEMBERS);
    assertThat(drillPosts().stream().map(SlackKillTest::deliveryKey).distinct())
        .hasSize(KillDrill.MEMBERS);
  }

  private static void assertWhatWasInDoubtWasOnlyWhatWasOnTheWire(KillDrill.Report report) {
    assertThat(report.foundInDoubt().size())
        .as("rows in doubt after the kill")
        .isLessThanOrEqualTo(SlackDelivery.DEFAULT.postsOnTheWire());
    assertThat(report.mostOnTheWire())
        .as("posts on the wire at once, per instance")
        .isLessThanOrEqualTo(SlackDelivery.DEFAULT.postsOnTheWire());
    assertThat(report.heldByTheDeadInstance())
        .as("the dead instance held far more than it had on the wire: those went out unchecked")
        .isGreaterThan(report.foundInDoubt().size());
  }

  /** The drill's posts (not the warm-up's): one DM conversation per member. */
  private List<FakeSlack.Posted> drillPosts() {
    return fake.posted().stream()
        .filter(p -> Integer.parseInt(p.channel().substring(2)) <= KillDrill.MEMBERS)
        .toList();
  }

  private Map<String, Long> postsPerMember() {
    return drillPosts().stream()
        .collect(Collectors.groupingBy(FakeSlack.Posted::channel, Collectors.counting()));
  }

  private int nudgedMembers() {
    return postsPerMember().size();
  }

  private long doubled() {
    return postsPerMember().values().stream().filter(n -> n > 1).count();
  }

  /** From the minute to the last post's timestamp, as Slack stamped it. */
  private Duration lastPostAfter(Instant minute) {
    return drillPosts().stream()
        .map(p -> new BigDecimal(p.ts()))
        .max(BigDecimal::compareTo)
        .map(ts -> Instant.ofEpochSecond(0, ts.movePointRight(9).longValueExact()))
        .map(last -> Duration.between(minute, last))
        .orElseThrow();
  }

  static String deliveryKey(FakeSlack.Posted posted) {
    return JsonParser.parseString(posted.metadata())
        .getAsJsonObject()
        .getAsJsonObject("event_payload")
        .get("delivery_key")
        .getAsString();
  }
}
