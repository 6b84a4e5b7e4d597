package io.roadmapcoach.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A routine Quartz fires late (every instance was down past the threshold) is reported. */
@ExtendWith(PostgresExtension.class)
class QuartzMisfiresTest {
  private final CoachFixture coach = CoachFixture.builtIn();
  private final List<String> misfired = new CopyOnWriteArrayList<>();
  private final Observer observer =
      new Observer() {
        @Override
        public void routineMisfired(String routine) {
          misfired.add(routine);
        }
      };
  private QuartzScheduling quartz;

  @AfterEach
  void stop() {
    if (quartz != null) {
      quartz.close();
    }
  }

  @Test
  void triggersThatShouldHaveFiredMinutesAgoAreReportedAsMisfiresWhenAnInstanceStarts()
      throws InterruptedException {
    quartz =
        new QuartzScheduling(
            TestDatabase.dataSource(), coach.core().routines(), coach.clock(), observer);
    quartz.start();
    quartz.close();
    // as if every instance had been down for five minutes
    long fiveMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
    coach
        .dsl()
        .execute(
            "update qrtz_triggers set next_fire_time = ?, trigger_state = 'WAITING'",
            fiveMinutesAgo);

    quartz =
        new QuartzScheduling(
            TestDatabase.dataSource(), coach.core().routines(), coach.clock(), observer);
    quartz.start();

    List<String> every = coach.core().routines().all().stream().map(Routine::name).toList();
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (misfired.size() < every.size() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(misfired)
        .containsExactlyInAnyOrderElementsOf(every)
        .contains("nudge-sweep", "weekly-quiz", "housekeeping", "buddy-pairing");
  }
}
