package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A channel's days off, set by its leads ({@code holiday <date> [<date>]}, {@code holidays}, {@code
 * holiday clear <date>}): on them nobody whose home is the channel is nudged, the channel's daily
 * post is skipped, and the day keeps everyone's streak. Dates are the channel's calendar days.
 */
public final class Holidays {
  /** The longest holiday one command sets; the parser refuses longer ranges. */
  public static final int LONGEST_DAYS = 31;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final HolidayRepository repository;

  public Holidays(HolidayRepository repository) {
    this.repository = repository;
  }

  private static LocalDate channelToday(Scope scope) {
    return scope.now().atZone(scope.channel().zoneOrUtc()).toLocalDate();
  }

  public Reply set(Scope scope, LocalDate from, LocalDate to) {
    Channel channel = scope.channel();
    LocalDate today = channelToday(scope);
    if (from.isBefore(today)) {
      return Reply.text(
          Text.of(
                  from
                      + " has passed in #"
                      + channel.name()
                      + " (it is "
                      + DAY.format(today)
                      + " there): a holiday starts today or later, e.g. ")
              .code(CoachingFeature.HOLIDAY.hint(today.plusDays(1)))
              .plain("."));
    }
    int added = repository.add(channel.id(), from, to, scope.member().id(), scope.now());
    if (!today.isBefore(from)) {
      // the holiday has begun: members whose home is here keep it among their days off now
      repository.keepBegun(scope.now(), channel.id());
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    Text when =
        days == 1
            ? Text.of("on " + DAY.format(from))
            : Text.of(
                "from " + DAY.format(from) + " to " + DAY.format(to) + " (" + days + " days)");
    if (added == 0) {
      return Reply.text(
          Text.of("#" + channel.name() + " already takes time off ").append(when).plain("."));
    }
    return Reply.text(
        Text.of("🏖️ #" + channel.name() + " takes time off ")
            .append(when)
            .plain(
                ": nobody whose home channel it is gets a nudge, there is no daily post, and"
                    + " nobody's streak breaks. ")
            .code(CoachingFeature.HOLIDAYS.hint())
            .plain(" lists them."));
  }

  public Reply list(Scope scope) {
    Channel channel = scope.channel();
    List<LocalDate> days = repository.from(channel.id(), channelToday(scope));
    if (days.isEmpty()) {
      return Reply.text(
          Text.of("No days off ahead in #" + channel.name() + ". Leads set one with ")
              .code(CoachingFeature.HOLIDAY.hint(channelToday(scope).plusDays(7)))
              .plain(" (two dates for a range)."));
    }
    StringBuilder lines = new StringBuilder();
    for (List<LocalDate> run : runs(days)) {
      LocalDate first = run.getFirst();
      LocalDate last = run.getLast();
      lines
          .append("• ")
          .append(DAY.format(first))
          .append(first.equals(last) ? "" : " to " + DAY.format(last))
          .append('\n');
    }
    return Reply.builder()
        .header("🏖️ Days off in #" + channel.name())
        .section(Text.of(lines.toString().stripTrailing()))
        .context(
            Text.of("No nudges, no daily post, streaks kept. Leads take a day back with ")
                .code(CoachingFeature.HOLIDAY_CLEAR.hint("<date>"))
                .plain("."))
        .build();
  }

  /** Consecutive days, grouped. */
  private static List<List<LocalDate>> runs(List<LocalDate> days) {
    List<List<LocalDate>> runs = new ArrayList<>();
    for (LocalDate day : days) {
      if (!runs.isEmpty() && runs.getLast().getLast().plusDays(1).equals(day)) {
        runs.getLast().add(day);
      } else {
        runs.add(new ArrayList<>(List.of(day)));
      }
    }
    return runs;
  }

  public Reply clear(Scope scope, LocalDate day) {
    Channel channel = scope.channel();
    LocalDate today = channelToday(scope);
    if (day.isBefore(today)) {
      return Reply.text(
          Text.of(
              day + " has passed in #" + channel.name() + "; past days off stay as they were."));
    }
    if (!repository.clear(channel.id(), day)) {
      return Reply.text(
          Text.of(DAY.format(day) + " is not a day off in #" + channel.name() + ". ")
              .code(CoachingFeature.HOLIDAYS.hint())
              .plain(" lists them."));
    }
    repository.forgetBegun(channel.id(), day);
    return Reply.text(
        Text.of(
            "🗓️ "
                + DAY.format(day)
                + " is a normal day in #"
                + channel.name()
                + " again: nudges and the daily post as usual."));
  }
}
