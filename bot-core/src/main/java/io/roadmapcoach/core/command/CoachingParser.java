package io.roadmapcoach.core.command;

import io.roadmapcoach.core.coaching.Holidays;
import io.roadmapcoach.core.command.Command.Invalid;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Text;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link CommandParser}'s reading of the coaching commands: {@code buddy [on|off]}, {@code remind
 * evening on|off|at HH:MM}, and the leads' {@code holiday <date> [<date>]}, {@code holiday clear
 * <date>}. Times are strictly {@code HH:MM} on the 24-hour clock and dates {@code YYYY-MM-DD} that
 * exist; anything else is {@link Invalid}, naming the right form.
 */
final class CoachingParser {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String HOLIDAY_EXAMPLE = "/roadmap holiday 2026-12-24";
  private static final String RANGE_EXAMPLE = "/roadmap holiday 2026-12-24 2026-12-26";

  private CoachingParser() {}

  static Command buddy(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Buddy(Optional.empty());
    }
    if (args.size() == 1) {
      switch (args.getFirst().toLowerCase(Locale.ROOT)) {
        case "on":
          return new Command.Buddy(Optional.of(true));
        case "off":
          return new Command.Buddy(Optional.of(false));
        default:
          break;
      }
    }
    return new Invalid(
        Text.of("Use ")
            .code("/roadmap buddy")
            .plain(" (who your buddy is), ")
            .code("/roadmap buddy on")
            .plain(" or ")
            .code("/roadmap buddy off")
            .plain("."));
  }

  /** What follows {@code remind evening}. */
  static Command remindEvening(List<String> args) {
    if (args.isEmpty()) {
      return new Command.RemindEvening(Optional.empty(), Optional.empty());
    }
    String what = args.getFirst().toLowerCase(Locale.ROOT);
    if (args.size() == 1 && (what.equals("on") || what.equals("off"))) {
      return new Command.RemindEvening(Optional.of(what.equals("on")), Optional.empty());
    }
    if (what.equals("at") && args.size() == 2) {
      String typed = args.get(1);
      return time(typed)
          .<Command>map(t -> new Command.RemindEvening(Optional.empty(), Optional.of(t)))
          .orElseGet(
              () ->
                  new Invalid(
                      Text.of(Echo.of(typed) + " is not a time; try ")
                          .code("/roadmap remind evening at 19:00")
                          .plain(" (24-hour clock, your local time).")));
    }
    return new Invalid(
        Text.of("Use ")
            .code("/roadmap remind evening on")
            .plain(", ")
            .code("remind evening off")
            .plain(" or ")
            .code("remind evening at 19:00")
            .plain("."));
  }

  /** What follows {@code holiday}: one date, a range, or {@code clear <date>}; none lists them. */
  static Command holiday(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Holidays();
    }
    if (args.getFirst().equalsIgnoreCase("clear")) {
      if (args.size() != 2) {
        return new Invalid(
            Text.of("Name the day to take back: ")
                .code("/roadmap holiday clear 2026-12-24")
                .plain("."));
      }
      return date(args.get(1))
          .<Command>map(Command.HolidayClear::new)
          .orElseGet(() -> notADate(args.get(1)));
    }
    if (args.size() > 2) {
      return new Invalid(
          Text.of("Give one day, ")
              .code(HOLIDAY_EXAMPLE)
              .plain(", or the first and last day of a range, ")
              .code(RANGE_EXAMPLE)
              .plain("."));
    }
    Optional<LocalDate> from = date(args.getFirst());
    if (from.isEmpty()) {
      return notADate(args.getFirst());
    }
    if (args.size() == 1) {
      return new Command.Holiday(from.get(), from.get());
    }
    Optional<LocalDate> to = date(args.get(1));
    if (to.isEmpty()) {
      return notADate(args.get(1));
    }
    return range(from.get(), to.get());
  }

  private static Command range(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return new Invalid(
          Text.of(from + " to " + to + " runs backwards: give the first day first, e.g. ")
              .code(RANGE_EXAMPLE)
              .plain("."));
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > Holidays.LONGEST_DAYS) {
      return new Invalid(
          Text.of(
                  "A holiday is at most "
                      + Holidays.LONGEST_DAYS
                      + " days; "
                      + from
                      + " to "
                      + to
                      + " is "
                      + days
                      + ". Set it in parts, e.g. ")
              .code("/roadmap holiday " + from + " " + from.plusDays(Holidays.LONGEST_DAYS - 1L))
              .plain("."));
    }
    return new Command.Holiday(from, to);
  }

  private static Invalid notADate(String typed) {
    return new Invalid(
        Text.of(Echo.of(typed) + " is not a date; give it as YYYY-MM-DD: ")
            .code(HOLIDAY_EXAMPLE)
            .plain(", or a range: ")
            .code(RANGE_EXAMPLE)
            .plain("."));
  }

  /** A calendar date that exists: 2026-02-30 does not. */
  static Optional<LocalDate> date(String text) {
    if (!DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code HH:MM} on the 24-hour clock, nothing else ("7pm" is not a time here). */
  static Optional<LocalTime> time(String text) {
    Matcher m = TIME.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }
}
