package io.roadmapcoach.core.member;

import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A member's own preferences: time zone, daily nudge, snooze, leaderboard visibility. Settings are
 * not activity: they neither keep a streak alive nor stop the day's nudge.
 */
public final class SettingsService {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final MemberRepository members;

  public SettingsService(MemberRepository members) {
    this.members = members;
  }

  public Reply timeZone(Scope scope, ZoneId zone) {
    members.setChosenZone(scope.member().id(), zone);
    LocalTime there = scope.now().atZone(zone).toLocalTime().withSecond(0).withNano(0);
    return Reply.text(
        Text.of("🕘 Your time zone is now ")
            .bold(zone.getId())
            .plain(
                " (it is "
                    + there
                    + " there). Your nudge comes at "
                    + scope.member().remindTime()
                    + " your time."));
  }

  public Reply remindAt(Scope scope, LocalTime time) {
    members.setRemindTime(scope.member().id(), time);
    Text text =
        Text.of("⏰ Your daily nudge now comes at ")
            .bold(time.toString())
            .plain(" " + scope.zone().getId() + ", " + days(scope.member().remindDays()) + ".");
    boolean zoneGuessed =
        scope.member().chosenZone().isEmpty() && scope.member().platformZone().isEmpty();
    if (zoneGuessed) {
      text =
          text.plain(" Not your zone? Set it with ").code("/roadmap tz Europe/Berlin").plain(".");
    }
    return Reply.text(text);
  }

  public Reply remindSwitch(Scope scope, boolean on) {
    members.setRemindEnabled(scope.member().id(), on);
    if (!on) {
      return Reply.text(
          Text.of("🔕 Daily nudges are off. ")
              .code("/roadmap remind on")
              .plain(" turns them back on."));
    }
    return Reply.text(
        Text.of(
                "🔔 Daily nudges are on: "
                    + scope.member().remindTime()
                    + " "
                    + scope.zone().getId()
                    + ", ")
            .plain(days(scope.member().remindDays()) + "."));
  }

  public Reply remindDays(Scope scope, ReminderDays days) {
    members.setRemindDays(scope.member().id(), days);
    return Reply.text(
        Text.of(
            "📅 You will be nudged "
                + days(days)
                + ". Those are also the days your streak counts."));
  }

  public Reply remindVia(Scope scope, ReminderMode mode) {
    members.setRemindVia(scope.member().id(), mode);
    return Reply.text(
        mode == ReminderMode.DM
            ? Text.of("📬 Your nudges come as a direct message, whatever the channel's default.")
            : Text.of(
                "📣 Your nudges come in #"
                    + scope.home().name()
                    + "'s daily post, with the rest of the group: "
                    + postTime(scope.home())
                    + "."));
  }

  /** When a channel's daily post goes out, as members read it: "09:00 Europe/Berlin, weekdays". */
  public static String postTime(Channel channel) {
    Channel.Post post = channel.post();
    if (!post.enabled()) {
      return "its leads have turned the post off for now";
    }
    return post.time()
        + " "
        + channel.zoneOrUtc().getId()
        + (post.days() == ReminderDays.WEEKDAYS ? ", weekdays" : ", daily");
  }

  public Reply snooze(Scope scope, int days) {
    LocalDate today = scope.today();
    LocalDate last = today.plusDays(days - 1L);
    members.snooze(scope.member().id(), today, last);
    return Reply.text(
        Text.of(
                "😴 Nudges paused through "
                    + DAY.format(last)
                    + "; they resume "
                    + DAY.format(last.plusDays(1))
                    + ".")
            .plain(" Snoozed days do not break your streak."));
  }

  public Reply leaderboardVisibility(Scope scope, boolean hidden) {
    members.setHidden(scope.member().id(), hidden);
    return Reply.text(
        hidden
            ? Text.of("🙈 You are off the leaderboards. ")
                .code("/roadmap leaderboard show")
                .plain(" puts you back.")
            : Text.of("🏆 You are back on the leaderboards."));
  }

  static String days(ReminderDays days) {
    return days == ReminderDays.WEEKDAYS ? "Monday to Friday" : "every day";
  }

  public static String dayName(java.time.DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
