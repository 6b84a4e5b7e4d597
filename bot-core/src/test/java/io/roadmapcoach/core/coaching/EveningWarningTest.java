package io.roadmapcoach.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evening warning: only on a day the streak would break tonight and no freeze covers it. Ana
 * starts on Monday 2 March 2026 and checks an objective off (a 1-day streak) and counts every day;
 * skipping Tuesday spends the week's freeze, so on Wednesday her streak is at risk.
 */
@ExtendWith(PostgresExtension.class)
class EveningWarningTest {
  private static final String TUESDAY_EVENING = "2026-03-03T19:00:00Z";
  private static final String WEDNESDAY_EVENING = "2026-03-04T19:00:00Z";

  private CoachFixture f;
  private Caller ana;

  @BeforeEach
  void anaCountsEveryDay() {
    f = CoachFixture.builtIn();
    ana = f.caller("ana", "UTC");
    f.say(ana, "start");
    f.say(ana, "done 3"); // joining is no progress: the streak starts here
    f.say(ana, "remind days daily");
  }

  private static Optional<String> warning(List<Delivery> sent) {
    return sent.stream()
        .map(d -> d.reply().plainText())
        .filter(t -> t.contains("streak ends tonight"))
        .findFirst();
  }

  @Test
  void itIsOffByDefault() {
    assertThat(f.say(ana, "remind evening").plainText()).startsWith("🌙 No evening warning.");

    assertThat(warning(f.tick(WEDNESDAY_EVENING))).isEmpty();
  }

  @Test
  void itComesOnlyWhenTheStreakWouldBreakTonightAndNoFreezeCoversIt() {
    assertThat(f.say(ana, "remind evening on").plainText())
        .contains("a warning comes at 19:00 UTC")
        .contains("/roadmap remind evening off");

    assertThat(warning(f.tick(TUESDAY_EVENING))).as("Tuesday: the freeze covers it").isEmpty();
    String wednesday = warning(f.tick(WEDNESDAY_EVENING)).orElseThrow();

    assertThat(wednesday)
        .startsWith("🌙 ana, your 1-day streak ends tonight")
        .contains("This week's freeze is used")
        .contains("Next: objective 1")
        .contains("[Mark objective 1 done]");
    assertThat(warning(f.tick("2026-03-04T19:01:00Z"))).as("once a day").isEmpty();
  }

  @Test
  void noWarningOnceTheMemberWasActiveToday() {
    f.say(ana, "remind evening on");
    f.at("2026-03-04T12:00:00Z").say(ana, "done 1");

    assertThat(warning(f.tick(WEDNESDAY_EVENING))).isEmpty();
  }

  @Test
  void theWarningComesAtTheTimeTheMemberChose() {
    assertThat(f.say(ana, "remind evening at 20:30").plainText())
        .contains("a warning comes at 20:30 UTC");

    assertThat(warning(f.tick(WEDNESDAY_EVENING))).isEmpty();
    assertThat(warning(f.tick("2026-03-04T20:30:00Z"))).isPresent();
  }

  @Test
  void offStopsIt() {
    f.say(ana, "remind evening on");
    assertThat(f.say(ana, "remind evening off").plainText()).startsWith("🌙 No evening warning.");

    assertThat(warning(f.tick(WEDNESDAY_EVENING))).isEmpty();
  }

  @Test
  void aTimeThatIsNotHhMmIsRefusedAndChangesNothing() {
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "remind evening at 7pm").plainText())
        .isEqualTo(
            "7pm is not a time; try /roadmap remind evening at 19:00 (24-hour clock, your local"
                + " time).\n");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void noWarningOnAHolidayOfTheHomeChannel() {
    f.say(ana, "remind evening on");
    f.say(ana, "holiday 2026-03-04");

    assertThat(warning(f.tick(WEDNESDAY_EVENING))).isEmpty();
  }
}
