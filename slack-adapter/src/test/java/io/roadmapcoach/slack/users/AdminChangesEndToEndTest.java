package io.roadmapcoach.slack.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.testing.SwitchableDataSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workspace admin leads every channel, on the dashboard too. When Slack says they are no admin
 * any more ({@code user_change} with {@code is_admin} false), what admin rights opened closes at
 * once: the dashboard session they opened shows only the channels they are a named lead of, and
 * their next command is judged without the rights, not by the profile kept for five minutes.
 */
@ExtendWith(PostgresExtension.class)
class AdminChangesEndToEndTest {
  private static final Pattern LINK = Pattern.compile("/dashboard/link/([A-Za-z0-9_-]+)");

  private SlackHarness slack;

  @BeforeEach
  void start(DSLContext dsl) {
    slack =
        new SlackHarness(
            dsl,
            SlackSettings.DEFAULT_ACK_BUDGET,
            core -> core.dashboardAt(DashboardAddress.fixed("https://coach.example.org")));
    slack.fake.user("U1", "Ana", "UTC", false).user("U9", "Boss", "UTC", true);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private static String userChange(boolean admin) {
    return "{\"type\":\"user_change\",\"user\":{\"id\":\"U9\",\"team_id\":\""
        + FakeSlack.TEAM
        + "\",\"name\":\"boss\",\"is_admin\":"
        + admin
        + ",\"is_owner\":false,\"is_primary_owner\":false,\"tz\":\"UTC\",\"profile\":"
        + "{\"display_name\":\"Boss\",\"status_emoji\":\"\",\"status_text\":\"\"}},"
        + "\"cache_ts\":1700000000,\"event_ts\":\"1700000000.000100\"}";
  }

  /** Boss signs in with the link {@code /roadmap dashboard} gave him: his session's id. */
  private String bossesSession() {
    Matcher link = LINK.matcher(slack.command("U9", "dashboard").body());
    assertThat(link.find()).as("a dashboard link").isTrue();
    return slack.core.dashboard().signIn(link.group(1)).signIn().orElseThrow().sessionId();
  }

  /** The channels the session shows, as the dashboard reads them for each page. */
  private List<String> channelsShownTo(String session) {
    var viewer = slack.core.dashboard().viewer(session).orElseThrow();
    return slack.core.dashboard().channels(viewer).stream().map(Channel::name).toList();
  }

  @Test
  void anAdminWhoIsNoLongerOneLosesWhatTheRightsOpenedAtOnce() {
    slack.command("U1", "start"); // Ana leads #general
    slack.command("U9", "start");
    String session = bossesSession();
    assertThat(channelsShownTo(session)).containsExactly("general");
    assertThat(slack.command("U9", "team").body()).doesNotContain("Only leads of");

    assertThat(slack.event("EvAdmin1", userChange(false), null).statusCode()).isEqualTo(200);

    assertThat(channelsShownTo(session)).isEmpty();
    assertThat(slack.command("U9", "team").body()).contains("Only leads of #general");
  }

  @Test
  void aMemberWhoBecomesAnAdminGetsTheRightsFromTheirNextCommandNotInWhatIsOpen() {
    slack.fake.user("U9", "Boss", "UTC", false);
    slack.command("U1", "start");
    slack.command("U9", "start");
    assertThat(slack.command("U9", "team").body()).contains("Only leads of #general");

    slack.event("EvAdmin2", userChange(true), null);

    assertThat(slack.command("U9", "team").body()).doesNotContain("Only leads of");
  }

  @Test
  void aChangeTheDatabaseCouldNotTakeIsNotAcknowledgedSoSlackSendsItAgain() {
    SwitchableDataSource database = new SwitchableDataSource();
    try (SlackHarness away = new SlackHarness(Database.jooq(database))) {
      away.fake.user("U9", "Boss", "UTC", true);
      away.command("U9", "start");
      database.takeAway();

      assertThat(away.event("EvAdmin3", userChange(false), null).statusCode()).isNotEqualTo(200);
      database.bringBack();
    }
  }
}
