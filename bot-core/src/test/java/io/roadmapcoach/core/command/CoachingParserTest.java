package io.roadmapcoach.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.coaching.CoachingCommand;
import io.roadmapcoach.core.command.Input.Invalid;
import io.roadmapcoach.core.feature.Access;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.testing.CoachFixture;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coaching commands as typed: buddies, the evening warning, a channel's holidays. */
class CoachingParserTest {
  private static final Commands COMMANDS = CoachFixture.builtIn().coach().commands();
  private final CommandParser parser = COMMANDS.parser();

  private Command parse(String text) {
    return parser.parse(text);
  }

  /** Who may run the command the text parses to, as its declaration says. */
  private Access access(String text) {
    return COMMANDS.declaration(parse(text)).orElseThrow().access();
  }

  private String refusal(String text) {
    Command command = parse(text);
    assertThat(command).as(text).isInstanceOf(Invalid.class);
    return ((Invalid) command).message().plainText();
  }

  @Test
  void buddyShowsOrSwitches() {
    assertThat(parse("buddy")).isEqualTo(new CoachingCommand.Buddy(Optional.empty()));
    assertThat(parse("buddy ON")).isEqualTo(new CoachingCommand.Buddy(Optional.of(true)));
    assertThat(parse("buddy off")).isEqualTo(new CoachingCommand.Buddy(Optional.of(false)));
    assertThat(refusal("buddy @bob")).contains("/roadmap buddy on", "/roadmap buddy off");
  }

  @Test
  void theEveningWarningIsShownSwitchedOrTimedOnTheTwentyFourHourClock() {
    assertThat(parse("remind evening"))
        .isEqualTo(new CoachingCommand.RemindEvening(Optional.empty(), Optional.empty()));
    assertThat(parse("remind evening on"))
        .isEqualTo(new CoachingCommand.RemindEvening(Optional.of(true), Optional.empty()));
    assertThat(parse("remind evening off"))
        .isEqualTo(new CoachingCommand.RemindEvening(Optional.of(false), Optional.empty()));
    assertThat(parse("remind evening at 19:30"))
        .isEqualTo(
            new CoachingCommand.RemindEvening(Optional.empty(), Optional.of(LocalTime.of(19, 30))));
    assertThat(refusal("remind evening at 7pm"))
        .isEqualTo(
            "7pm is not a time; try /roadmap remind evening at 19:00 (24-hour clock, your local time).");
    assertThat(refusal("remind evening at 24:00")).startsWith("24:00 is not a time");
    assertThat(refusal("remind evening sometimes")).contains("/roadmap remind evening on");
    assertThat(refusal("remind later")).contains("remind evening on|off|at 19:00");
  }

  @Test
  void aHolidayIsOneDateOrARangeOfAtMostThirtyOneDays() {
    LocalDate christmasEve = LocalDate.of(2026, 12, 24);
    assertThat(parse("holiday 2026-12-24"))
        .isEqualTo(new CoachingCommand.Holiday(christmasEve, christmasEve));
    assertThat(parse("holiday 2026-12-24 2026-12-26"))
        .isEqualTo(new CoachingCommand.Holiday(christmasEve, LocalDate.of(2026, 12, 26)));
    assertThat(parse("holiday 2026-07-01 2026-07-31"))
        .isEqualTo(
            new CoachingCommand.Holiday(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)));
    assertThat(parse("holiday clear 2026-12-24"))
        .isEqualTo(new CoachingCommand.HolidayClear(christmasEve));
    assertThat(parse("holidays")).isEqualTo(new CoachingCommand.Holidays());
    assertThat(parse("holiday")).isEqualTo(new CoachingCommand.Holidays());
  }

  @Test
  void badHolidaysNameTheRightForm() {
    assertThat(refusal("holiday 2026-02-30"))
        .isEqualTo(
            "2026-02-30 is not a date; give it as YYYY-MM-DD: /roadmap holiday 2026-12-24, or a"
                + " range: /roadmap holiday 2026-12-24 2026-12-26.");
    assertThat(refusal("holiday 24/12/2026")).startsWith("24/12/2026 is not a date");
    assertThat(refusal("holiday 2026-12-26 2026-12-24"))
        .startsWith("2026-12-26 to 2026-12-24 runs backwards")
        .contains("/roadmap holiday 2026-12-24 2026-12-26");
    assertThat(refusal("holiday 2026-07-01 2026-08-01"))
        .startsWith("A holiday is at most 31 days; 2026-07-01 to 2026-08-01 is 32.")
        .contains("/roadmap holiday 2026-07-01 2026-07-31");
    assertThat(refusal("holiday 2026-12-24 2026-12-25 2026-12-26")).contains("Give one day");
    assertThat(refusal("holiday clear")).contains("/roadmap holiday clear 2026-12-24");
    assertThat(refusal("holiday clear tomorrow")).startsWith("tomorrow is not a date");
    assertThat(refusal("holidays 2026")).contains("takes nothing after it");
  }

  @Test
  void holidaysAreLeadCommandsAndBuddiesAndEveningsAreEveryones() {
    assertThat(access("holiday 2026-12-24")).isEqualTo(Access.LEAD);
    // reading the days off is everyone's (issue 23); changing them stays the leads'
    assertThat(access("holidays")).isEqualTo(Access.MEMBER);
    assertThat(access("holiday clear 2026-12-24")).isEqualTo(Access.LEAD);
    assertThat(access("buddy on")).isNotEqualTo(Access.LEAD);
    assertThat(access("remind evening on")).isNotEqualTo(Access.LEAD);
  }
}
