package io.roadmapcoach.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.testing.SwitchableDataSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.InstallHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With many workspaces, Bolt looks each request's installation up in the database before the
 * command is handled: during an outage the command still gets the coach's answer for an outage, as
 * with a single bot token, within Slack's three seconds, and no bare HTTP 500.
 */
@ExtendWith(PostgresExtension.class)
class OutageAnswersEndToEndTest {
  private static final String A = "T0AAA";

  @Test
  void aCommandDuringAnOutageIsToldTheDatabaseIsAwayWithinThreeSeconds() {
    SwitchableDataSource database = new SwitchableDataSource();
    try (InstallHarness slack = new InstallHarness(Database.jooq(database), Optional.empty())) {
      slack.fake.user("UA1", "Ana", "UTC", false);
      slack.install(A, "Team A", "UA1");
      assertThat(slack.command(A, "UA1", "start").body()).contains("Welcome");
      database.takeAway();

      for (String text : new String[] {"status", "done 1"}) {
        long started = System.nanoTime();
        HttpResponse<String> during = slack.command(A, "UA1", text);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(during.statusCode()).as("'%s' during the outage", text).isEqualTo(200);
        assertThat(during.body()).contains(Apologies.DATABASE_UNREACHABLE.replace("'", "\\u0027"));
        assertThat(took).isLessThan(Duration.ofSeconds(3));
      }
      database.bringBack();
    }
  }
}
