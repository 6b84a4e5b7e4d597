package io.roadmapcoach.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.observe.Outcome;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.SwitchableDataSource;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator learns of each command (its name, platform, outcome and latency), and what a
 * member is told while the database is away.
 */
@ExtendWith(PostgresExtension.class)
class CoachReportsTest {
  record Report(String command, Platform platform, Outcome outcome, Duration latency) {}

  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private final Observer observer =
      new Observer() {
        @Override
        public void commandAnswered(
            String command, Platform platform, Outcome outcome, Duration latency) {
          reports.add(new Report(command, platform, outcome, latency));
        }
      };
  private final SwitchableDataSource database = new SwitchableDataSource();
  private final CoachFixture f = CoachFixture.reportingTo(observer, Database.jooq(database));
  private final Caller ana = f.caller("ana");
  private final Caller bob = f.caller("bob");

  private Report last() {
    return reports.getLast();
  }

  @Test
  void everyAnsweredCommandIsReportedWithItsNameAndHowItEnded() {
    f.say(ana, "start");
    f.say(bob, "start");
    reports.clear();

    f.say(ana, "status");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("status", Outcome.OK);
    assertThat(last().platform()).isEqualTo(Platform.CONSOLE);
    assertThat(last().latency()).isPositive();

    f.say(ana, "dance");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("unknown", Outcome.INVALID);
    f.say(ana, "done");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("invalid", Outcome.INVALID);
    f.say(bob, "team");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("team", Outcome.REFUSED);
    f.press(ana, "rc:nonsense");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("press", Outcome.INVALID);
    f.press(ana, "rc:q");
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("press-startquiz", Outcome.OK);
    assertThat(reports).hasSize(6);
  }

  @Test
  void whileTheDatabaseIsAwayACommandIsToldSoChangesNothingAndWorksOnceItIsBack() {
    f.say(ana, "start");
    TableSnapshot before = f.snapshot();
    database.takeAway();

    Reply during = f.say(ana, "done 1");
    Reply again = f.say(ana, "done 1");

    assertThat(during.plainText().strip()).isEqualTo(Apologies.DATABASE_UNREACHABLE);
    assertThat(during.plainText().strip())
        .isEqualTo(
            "I can't reach my database right now; nothing was changed. Try again in a minute.");
    assertThat(again.plainText().strip()).isEqualTo(Apologies.DATABASE_UNREACHABLE);
    assertThat(last())
        .extracting(Report::command, Report::outcome)
        .containsExactly("done", Outcome.DATABASE_UNAVAILABLE);
    assertThat(f.snapshot()).isEqualTo(before);

    database.bringBack();
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Reply after = f.say(ana, "done 1");
    while (after.plainText().contains("can't reach") && System.nanoTime() < until) {
      after = f.say(ana, "done 1");
    }
    assertThat(after.plainText()).contains("Objective 1 of stage 1 done");
    assertThat(last().outcome()).isEqualTo(Outcome.OK);
  }
}
