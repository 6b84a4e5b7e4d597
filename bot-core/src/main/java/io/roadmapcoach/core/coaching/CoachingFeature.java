package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.coaching.CoachingCommand.Buddy;
import io.roadmapcoach.core.coaching.CoachingCommand.Holiday;
import io.roadmapcoach.core.coaching.CoachingCommand.HolidayClear;
import io.roadmapcoach.core.coaching.CoachingCommand.Holidays;
import io.roadmapcoach.core.coaching.CoachingCommand.RemindEvening;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.feature.Arguments;
import io.roadmapcoach.core.feature.Choice;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Forms;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Reading;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashGroup;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.settings.SettingsFeature;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Coaching that adapts to people: {@code buddy}, the evening warning ({@code remind evening}), and
 * for leads a channel's holidays ({@code holiday}, {@code holiday clear}, {@code holidays}). Times
 * are strictly {@code HH:MM} on the 24-hour clock and dates {@code YYYY-MM-DD} that exist.
 */
public final class CoachingFeature implements Feature {
  public static final Words BUDDY = Words.of("buddy");
  public static final Words REMIND_EVENING = SettingsFeature.REMIND.then("evening");
  public static final Words HOLIDAY = Words.of("holiday");
  public static final Words HOLIDAY_CLEAR = HOLIDAY.then("clear");
  public static final Words HOLIDAYS = Words.of("holidays");

  static final SlashGroup HOLIDAY_GROUP =
      SlashGroup.of(HOLIDAY, "Lead: this channel's days off: no nudges, no daily post");

  private static final int LONGEST_DAYS = io.roadmapcoach.core.coaching.Holidays.LONGEST_DAYS;
  private static final String DAY = "2026-12-24";
  private static final String RANGE = "2026-12-24 2026-12-26";

  private final Coaching coaching;
  private final CoachingRoutines routines;
  private final CoachingComposers composers;

  public CoachingFeature(
      Coaching coaching, CoachingRoutines routines, CoachingComposers composers) {
    this.routines = routines;
    this.composers = composers;
    this.coaching = coaching;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Buddy.class, BUDDY)
            .grammar(
                Choice.<Buddy>of()
                    .orNone(new Buddy(Optional.empty()))
                    .word("on", new Buddy(Optional.of(true)))
                    .word("off", new Buddy(Optional.of(false))))
            .usage("[on|off]", "your study buddy; on pairs you up every Monday")
            .slash(Slash.of(BUDDY, "Your study buddy; pair up, or stop", SlashOption.onOff(false)))
            .handledBy((scope, c) -> coaching.buddy(scope, c.on())),
        CommandDeclaration.of(RemindEvening.class, REMIND_EVENING)
            .grammar(CoachingFeature::remindEvening)
            .usage("on|off|at HH:MM", "a warning at 19:00 when your streak would break tonight")
            .example("at 19:00")
            .example("on")
            .example("off")
            .slash(
                Slash.in(
                    SettingsFeature.REMIND_GROUP,
                    REMIND_EVENING,
                    "A second nudge in the evening: on, off, or when",
                    SlashOption.onOff(false),
                    SlashOption.time("24-hour clock, e.g. 19:30", false).saying("at")))
            .needsMember()
            .handledBy((scope, c) -> coaching.remindEvening(scope, c.on(), c.at())),
        CommandDeclaration.of(Holiday.class, HOLIDAY)
            .grammar(CoachingFeature::holiday)
            .bare(new Holidays())
            .usage(
                "<date> [<date>]",
                "days off (YYYY-MM-DD, up to 31): no nudges, no post, streaks kept")
            .example(DAY)
            .example(RANGE)
            .lead()
            .slash(
                Slash.in(
                        HOLIDAY_GROUP,
                        HOLIDAY,
                        "Lead: a day off, or the days from one date to another",
                        SlashOption.date("from", "The (first) day off, e.g. " + DAY, true),
                        SlashOption.date("to", "The last day off, when more than one", false))
                    .named("add"))
            .handledBy((scope, c) -> coaching.holiday(scope, c.from(), c.to())),
        CommandDeclaration.of(HolidayClear.class, HOLIDAY_CLEAR)
            .grammar(CoachingFeature::holidayClear)
            .usage("<date>", "take a day off back")
            .example(DAY)
            .lead()
            .slash(
                Slash.in(
                    HOLIDAY_GROUP,
                    HOLIDAY_CLEAR,
                    "Lead: take a day off back",
                    SlashOption.date("date", "The day", true)))
            .handledBy((scope, c) -> coaching.clearHoliday(scope, c.day())),
        // everyone may read the days off (they skip everyone's nudges); only leads change them
        CommandDeclaration.of(Holidays.class, HOLIDAYS)
            .none(new Holidays())
            .usage("", "this channel's days off")
            .slash(Slash.in(HOLIDAY_GROUP, HOLIDAYS, "This channel's days off").named("list"))
            .handledBy((scope, c) -> coaching.holidays(scope)));
  }

  /** What follows {@code remind evening}: nothing (show it), on, off, or {@code at HH:MM}. */
  private static Reading<RemindEvening> remindEvening(Arguments args) {
    if (args.isEmpty()) {
      return Reading.read(new RemindEvening(Optional.empty(), Optional.empty()));
    }
    String what = args.first().toLowerCase(Locale.ROOT);
    if (args.size() == 1 && (what.equals("on") || what.equals("off"))) {
      return Reading.read(new RemindEvening(Optional.of(what.equals("on")), Optional.empty()));
    }
    if (what.equals("at") && args.size() == 2) {
      String typed = args.get(1);
      return Kinds.parseTime(typed)
          .<Reading<RemindEvening>>map(
              t -> Reading.read(new RemindEvening(Optional.empty(), Optional.of(t))))
          .orElseGet(
              () ->
                  Reading.refused(
                      Text.of(Echo.of(typed) + " is not a time; try ")
                          .code(args.example())
                          .plain(" (24-hour clock, your local time).")));
    }
    return Reading.refused(
        Forms.use(
            List.of(
                REMIND_EVENING.hint("on"),
                REMIND_EVENING.hint("off"),
                REMIND_EVENING.hint("at 19:00"))));
  }

  /** One date, or the first and last of a range of at most {@link #LONGEST_DAYS} days. */
  private static Reading<Holiday> holiday(Arguments args) {
    if (args.isEmpty() || args.size() > 2) {
      return Reading.refused(
          Text.of("Give one day, ")
              .code(HOLIDAY.hint(DAY))
              .plain(", or the first and last day of a range, ")
              .code(HOLIDAY.hint(RANGE))
              .plain("."));
    }
    Optional<LocalDate> from = Kinds.parseDate(args.first());
    if (from.isEmpty()) {
      return Reading.refused(notADate(args.first()));
    }
    if (args.size() == 1) {
      return Reading.read(new Holiday(from.get(), from.get()));
    }
    Optional<LocalDate> to = Kinds.parseDate(args.get(1));
    if (to.isEmpty()) {
      return Reading.refused(notADate(args.get(1)));
    }
    return range(from.get(), to.get());
  }

  private static Reading<Holiday> range(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return Reading.refused(
          Text.of(from + " to " + to + " runs backwards: give the first day first, e.g. ")
              .code(HOLIDAY.hint(RANGE))
              .plain("."));
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > LONGEST_DAYS) {
      return Reading.refused(
          Text.of(
                  "A holiday is at most "
                      + LONGEST_DAYS
                      + " days; "
                      + from
                      + " to "
                      + to
                      + " is "
                      + days
                      + ". Set it in parts, e.g. ")
              .code(HOLIDAY.hint(from + " " + from.plusDays(LONGEST_DAYS - 1L)))
              .plain("."));
    }
    return Reading.read(new Holiday(from, to));
  }

  /** {@code holiday clear <date>}. */
  private static Reading<HolidayClear> holidayClear(Arguments args) {
    if (args.size() != 1) {
      return Reading.refused(
          Text.of("Name the day to take back: ").code(args.example()).plain("."));
    }
    return Kinds.parseDate(args.first())
        .<Reading<HolidayClear>>map(day -> Reading.read(new HolidayClear(day)))
        .orElseGet(() -> Reading.refused(notADate(args.first())));
  }

  private static Text notADate(String typed) {
    return Text.of(Echo.of(typed) + " is not a date; give it as YYYY-MM-DD: ")
        .code(HOLIDAY.hint(DAY))
        .plain(", or a range: ")
        .code(HOLIDAY.hint(RANGE))
        .plain(".");
  }

  @Override
  public List<Routine> routines() {
    return routines.routines();
  }

  @Override
  public Map<DeliveryKind, Composer> composers() {
    return composers.composers();
  }
}
